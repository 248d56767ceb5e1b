#include "evalcommand.h"

#include "commandcontext.h"
#include "core/eval/bedrockoutputimporter.h"
#include "core/eval/datasetrepository.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/qualitygate.h"
#include "core/eval/runexport.h"
#include "core/eval/runsummary.h"
#include "evalcomparecommand.h"
#include "evallabelcommand.h"
#include "evalruncommand.h"
#include "exitcode.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace {

QString subcommandHelp()
{
    return EvalCommand::tr(
        "eval run --dataset FILE [--responses-from-dataset | provider flags] [--metrics …] [judge flags] "
        "[--concurrency N] [--name NAME] [--gate METRIC>=X]... [--junit FILE] [--json]\n"
        "eval resume RUN_ID [--retry-errors] [--junit FILE] [--json]\n"
        "eval list [--json]\neval show RUN_ID [--json]\n"
        "eval import --format bedrock FILE [--name NAME] [--json]\n"
        "eval export RUN_ID --format csv|jsonl|html --out FILE\n"
        "eval compare RUN_A RUN_B [--metric M]... [--json]\n"
        "eval plan --sd S --effect D [--power 0.8] [--alpha 0.05] [--json]\n"
        "eval label RUN_ID ITEM --metric M --pass|--fail|--score X [--comment C] [--as USER]\n"
        "eval labels RUN_ID [--export FILE] [--json] | eval labels --import FILE [--run RUN_ID]\n"
        "eval agreement RUN_ID [--json]\n"
        "Add --help after a subcommand for all its options.");
}

Result<qint64> runIdArgument(const QStringList &positional)
{
    bool ok = false;
    const qint64 id = positional.value(0).toLongLong(&ok);
    if (positional.size() != 1 || !ok || id <= 0)
        return makeError(Error::Kind::Usage, EvalCommand::tr("expected one RUN_ID (see `genaiops eval list`)"));
    return id;
}

} // namespace

void EvalCommand::printSummary(const RunSummary &summary)
{
    const EvalRun &run = summary.run;
    CommandContext::print(tr("Run %1 \"%2\": %3, %4 of %5 items scored, %6 failed, %7 tokens, $%8")
                              .arg(run.id)
                              .arg(run.name, run.displayStatus())
                              .arg(run.completed)
                              .arg(run.itemCount)
                              .arg(run.failed)
                              .arg(run.inputTokens + run.outputTokens)
                              .arg(run.costUsd, 0, 'f', 4));
    if (summary.itemsWithErrors > 0)
        CommandContext::print(tr("  items with errors (a failed generation or judge call): %1; score them again "
                                 "with `genaiops eval resume %2 --retry-errors`")
                                  .arg(summary.itemsWithErrors)
                                  .arg(run.id));
    for (const SkippedLine &line : summary.skipped)
        CommandContext::print(tr("  skipped line %1: %2").arg(line.line).arg(line.reason));
    const auto bounds = [](const Interval &interval, double scale = 1, int decimals = 3) {
        return interval.isKnown() ? QStringLiteral("[%1, %2]")
                                        .arg(interval.low * scale, 0, 'f', decimals)
                                        .arg(interval.high * scale, 0, 'f', decimals)
                                  : QStringLiteral("[–]");
    };
    for (const MetricSummary &metric : summary.metrics) {
        if (summary.guardrail && metric.metric == GuardrailSummary::rateMetric())
            continue; // told below, in its own words
        const QString standardError
            = metric.ci95.isKnown() ? QString::number(metric.standardError, 'f', 3) : QStringLiteral("n/a");
        CommandContext::print(
            QStringLiteral(
                "  %1 mean %2 (SE %3) 95% %4  median %5  p10 %6  min %7  max %8  pass %9% %10  (n=%11)%12%13")
                .arg(metric.metric, -18)
                .arg(metric.mean, 0, 'f', 3)
                .arg(standardError)
                .arg(bounds(metric.ci95))
                .arg(metric.median, 0, 'f', 3)
                .arg(metric.p10, 0, 'f', 3)
                .arg(metric.min, 0, 'f', 3)
                .arg(metric.max, 0, 'f', 3)
                .arg(metric.passRate * 100, 0, 'f', 1)
                .arg(bounds(metric.passRateCi95, 100, 1))
                .arg(metric.count)
                .arg(metric.clusters > 0
                         ? tr(", clustered by %1: %2 groups").arg(summary.run.settings.clusterBy).arg(metric.clusters)
                         : QString(),
                     (Metrics::isLexical(metric.metric) ? tr("  lexical") : QString())
                         + (summary.unscored(metric) > 0
                                ? tr("  %n without a score", nullptr, int(summary.unscored(metric)))
                                : QString())));
        if (summary.variance.contains(metric.metric)) {
            const VarianceParts &parts = summary.variance.value(metric.metric);
            // A part with one repeat was not measured: it hides inside the part above it.
            const auto share = [&](double part, bool measured) {
                return measured ? QString::number(parts.share(part) * 100, 'f', 0) + QLatin1Char('%')
                                : tr("not measured");
            };
            const bool judged = Metrics::judged().contains(metric.metric) && summary.run.settings.judgeRepeats > 1;
            CommandContext::print(tr("      variance: %1 between items, %2 between generations, %3 between judge "
                                     "calls; %4 unstable items")
                                      .arg(share(parts.betweenItems, true),
                                           share(parts.betweenGenerations, summary.run.settings.repeats > 1),
                                           share(parts.betweenJudgeCalls, judged), QString::number(metric.unstable)));
        }
    }
    if (summary.guardrail)
        CommandContext::print(summary.guardrail->describe(summary.run.settings.guardrail.guardrail));
    for (const Gate &gate : summary.gates)
        CommandContext::print(QStringLiteral("  %1: %2")
                                  .arg(QualityGate::describe(gate),
                                       gate.passed ? tr("passed (%1)").arg(gate.figures)
                                                   : tr("FAILED, %1").arg(QualityGate::failureMessage(gate))));
}

int EvalCommand::run(CommandContext &context)
{
    const QString subcommand = context.arguments().value(1);
    if (CommandContext::asksForHelp(subcommand)) {
        CommandContext::print(subcommandHelp());
        return ExitOk;
    }
    CommandContext sub = context.subcommand();
    if (subcommand == QLatin1String("run"))
        return EvalRunCommand::run(sub);
    if (subcommand == QLatin1String("resume"))
        return EvalRunCommand::resume(sub);
    if (subcommand == QLatin1String("list"))
        return list(sub);
    if (subcommand == QLatin1String("show"))
        return show(sub);
    if (subcommand == QLatin1String("import"))
        return import(sub);
    if (subcommand == QLatin1String("export"))
        return exportRun(sub);
    if (subcommand == QLatin1String("compare"))
        return EvalCompareCommand::compare(sub);
    if (subcommand == QLatin1String("plan"))
        return EvalCompareCommand::plan(sub);
    if (subcommand == QLatin1String("label"))
        return EvalLabelCommand::label(sub);
    if (subcommand == QLatin1String("labels"))
        return EvalLabelCommand::labels(sub);
    if (subcommand == QLatin1String("agreement"))
        return EvalLabelCommand::agreement(sub);
    return CommandContext::usage(tr("eval: expected one of:\n%1").arg(subcommandHelp()));
}

int EvalCommand::list(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("List the evaluation runs, newest first."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print one JSON object."));
    parser.addOption(jsonOption);
    if (const std::optional<int> ended = context.parse(parser))
        return *ended;
    if (!parser.positionalArguments().isEmpty())
        return CommandContext::usage(tr("eval list takes no arguments"));
    auto workspace = context.workspace();
    if (!workspace)
        return CommandContext::fail(workspace.error());
    auto runs = EvalRunRepository(*workspace.value()).list();
    if (!runs)
        return CommandContext::fail(runs.error());
    QJsonArray array;
    for (const EvalRun &run : runs.value()) {
        auto summary = RunSummary::compute(*workspace.value(), run.id);
        if (!summary)
            return CommandContext::fail(summary.error());
        if (parser.isSet(jsonOption)) {
            array.append(summary.value().toJson());
            continue;
        }
        QStringList means;
        for (const MetricSummary &metric : summary.value().metrics)
            means << (metric.ci95.isKnown() ? QStringLiteral("%1 %2±%3")
                                                  .arg(metric.metric)
                                                  .arg(metric.mean, 0, 'f', 2)
                                                  .arg(metric.ci95.width() / 2, 0, 'f', 2)
                                            : QStringLiteral("%1 %2").arg(metric.metric).arg(metric.mean, 0, 'f', 2));
        const QString gates = summary.value().gates.isEmpty()
            ? QStringLiteral("-")
            : (summary.value().gatesPassed() ? tr("gates passed") : tr("gates FAILED"));
        CommandContext::print(
            QStringLiteral("%1\t%2\t%3 v%4\t%5\t%6\t%7\t%8\t%9")
                .arg(run.id)
                .arg(run.name, run.datasetName)
                .arg(run.datasetVersion)
                .arg(run.model, run.createdAt.left(16), run.displayStatus(), means.join(QStringLiteral(", ")), gates));
    }
    if (parser.isSet(jsonOption))
        CommandContext::printJson({{QStringLiteral("runs"), array}});
    else if (runs.value().isEmpty())
        CommandContext::print(tr("No evaluation runs yet. Start one with: genaiops eval run --dataset FILE"));
    return ExitOk;
}

int EvalCommand::show(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show a run's figures and gates; with --json, every item too."));
    parser.addPositionalArgument(QStringLiteral("run_id"), tr("The run (see `genaiops eval list`)."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print one JSON object, with every item."));
    parser.addOption(jsonOption);
    if (const std::optional<int> ended = context.parse(parser))
        return *ended;
    auto runId = runIdArgument(parser.positionalArguments());
    if (!runId)
        return CommandContext::fail(runId.error());
    auto workspace = context.workspace(Workspace::OpenMode::ExistingOnly);
    if (!workspace)
        return CommandContext::fail(workspace.error());
    auto summary = RunSummary::compute(*workspace.value(), runId.value());
    if (!summary)
        return CommandContext::fail(summary.error());
    if (!parser.isSet(jsonOption)) {
        printSummary(summary.value());
        return ExitOk;
    }
    QJsonObject object = summary.value().toJson();
    QJsonArray items;
    const Status written = RunExport::forEachResult(
        *workspace.value(), runId.value(),
        [&](const EvalItem &item, const ItemResult *result) { items.append(RunExport::itemJson(item, result)); });
    if (!written)
        return CommandContext::fail(written.error());
    object.insert(QStringLiteral("results"), items);
    CommandContext::printJson(object);
    return ExitOk;
}

int EvalCommand::import(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Import Amazon Bedrock evaluation output as a run."));
    parser.addPositionalArgument(QStringLiteral("file"), tr("The Bedrock output (JSONL)."));
    const QCommandLineOption formatOption(QStringLiteral("format"), tr("Input format: bedrock."),
                                          QStringLiteral("format"));
    const QCommandLineOption nameOption(QStringLiteral("name"), tr("Run name."), QStringLiteral("name"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print one JSON object."));
    parser.addOptions({formatOption, nameOption, jsonOption});
    if (const std::optional<int> ended = context.parse(parser))
        return *ended;
    if (parser.value(formatOption) != QLatin1String("bedrock"))
        return CommandContext::usage(tr("eval import: --format bedrock is required (the only format so far)"));
    if (parser.positionalArguments().size() != 1)
        return CommandContext::usage(tr("eval import: give exactly one FILE"));
    auto workspace = context.workspace();
    if (!workspace)
        return CommandContext::fail(workspace.error());
    auto imported = BedrockOutputImporter::import(*workspace.value(), parser.positionalArguments().first(),
                                                  parser.value(nameOption));
    if (!imported)
        return CommandContext::fail(imported.error());
    auto summary = RunSummary::compute(*workspace.value(), imported.value().run.id);
    if (!summary)
        return CommandContext::fail(summary.error());
    summary.value().skipped = imported.value().skipped;
    if (parser.isSet(jsonOption))
        CommandContext::printJson(summary.value().toJson());
    else
        printSummary(summary.value());
    return ExitOk;
}

int EvalCommand::exportRun(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Write a run as CSV, JSONL or a self-contained HTML report."));
    parser.addPositionalArgument(QStringLiteral("run_id"), tr("The run (see `genaiops eval list`)."));
    const QCommandLineOption formatOption(QStringLiteral("format"), tr("csv, jsonl or html."),
                                          QStringLiteral("format"));
    const QCommandLineOption outOption(QStringLiteral("out"), tr("File to write."), QStringLiteral("file"));
    parser.addOptions({formatOption, outOption});
    if (const std::optional<int> ended = context.parse(parser))
        return *ended;
    auto runId = runIdArgument(parser.positionalArguments());
    if (!runId)
        return CommandContext::fail(runId.error());
    const QString format = parser.value(formatOption);
    if (!QStringList{QStringLiteral("csv"), QStringLiteral("jsonl"), QStringLiteral("html")}.contains(format))
        return CommandContext::usage(tr("eval export: --format must be csv, jsonl or html"));
    if (!parser.isSet(outOption))
        return CommandContext::usage(tr("eval export: --out FILE is required"));
    auto workspace = context.workspace(Workspace::OpenMode::ExistingOnly);
    if (!workspace)
        return CommandContext::fail(workspace.error());
    const Status written = RunExport::write(*workspace.value(), runId.value(), format, parser.value(outOption));
    if (!written)
        return CommandContext::fail(written.error());
    return ExitOk;
}
