#include "evalruncommand.h"

#include "commandcontext.h"
#include "core/eval/datasetimporter.h"
#include "core/eval/evalrunner.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/junitreport.h"
#include "core/eval/qualitygate.h"
#include "core/eval/runsetup.h"
#include "core/eval/runsummary.h"
#include "evalcommand.h"
#include "exitcode.h"
#include "provideroptions.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QSaveFile>

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace {

struct Reporting
{
    QString junitPath;
    bool json = false;
};

Result<QStringList> parseMetrics(const QString &text, bool judgeGiven)
{
    if (text.isEmpty())
        return judgeGiven ? Metrics::lexical() + Metrics::judge() : Metrics::lexical();
    QStringList metrics;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = part.trimmed();
        if (name == QLatin1String("lexical"))
            metrics << Metrics::lexical();
        else if (name == QLatin1String("judge"))
            metrics << Metrics::judge();
        else if (Metrics::lexical().contains(name) || Metrics::judge().contains(name))
            metrics << name;
        else
            return makeError(Error::Kind::Usage,
                             EvalRunCommand::tr("unknown metric \"%1\" in --metrics (use lexical, judge, or names: %2)")
                                 .arg(name, (Metrics::lexical() + Metrics::judge()).join(QStringLiteral(", "))));
    }
    metrics.removeDuplicates();
    return metrics;
}

// Runs the runner to its end on this thread, reporting progress on stderr.
Status execute(const QString &workspacePath, qint64 runId, std::optional<ProviderConfig> generator,
               std::optional<ProviderConfig> judge, bool retryErrors, bool quiet)
{
    EvalRunner runner(workspacePath, runId, std::move(generator), std::move(judge), retryErrors);
    std::optional<Status> outcome;
    QEventLoop loop;
    const bool terminal = isatty(STDERR_FILENO);
    qint64 lastReported = -1;
    QObject::connect(&runner, &EvalRunner::progress, &loop, [&](qint64 done, qint64 total, qint64 failed, double eta) {
        if (quiet)
            return;
        // A terminal gets a live line; a CI log gets a line per tenth of the run.
        const qint64 step = qMax<qint64>(1, total / 10);
        if (!terminal && done != total && done / step == lastReported / step)
            return;
        lastReported = done;
        std::fprintf(stderr, "%s%lld/%lld items, %lld failed%s%s", terminal ? "\r" : "", static_cast<long long>(done),
                     static_cast<long long>(total), static_cast<long long>(failed),
                     eta >= 1 ? qPrintable(QStringLiteral(", about %1 s left").arg(qRound(eta))) : "",
                     terminal ? "   " : "\n");
        std::fflush(stderr);
    });
    QObject::connect(&runner, &EvalRunner::finished, &loop, [&](EvalRun::Status status) {
        if (status == EvalRun::Status::Completed)
            outcome = Done{};
        else if (status == EvalRun::Status::Cancelled)
            outcome = makeError(
                Error::Kind::Cancelled,
                EvalRunCommand::tr("the run was cancelled; resume it with `genaiops eval resume %1`").arg(runId));
        else
            outcome = runner.error().value_or(makeError(Error::Kind::Internal, EvalRunCommand::tr("the run failed")));
        loop.quit();
    });
    runner.start();
    if (!outcome)
        loop.exec();
    if (terminal && !quiet)
        std::fputs("\n", stderr);
    return *outcome;
}

int report(CommandContext &context, qint64 runId, const Reporting &reporting)
{
    auto workspace = context.workspace();
    if (!workspace)
        return CommandContext::fail(workspace.error());
    auto summary = RunSummary::compute(*workspace.value(), runId);
    if (!summary)
        return CommandContext::fail(summary.error());
    if (!reporting.junitPath.isEmpty()) {
        QSaveFile junit(reporting.junitPath);
        const QByteArray xml
            = JUnitReport::write(summary.value().run.name, runId, summary.value().gates, summary.value().metrics);
        if (!junit.open(QIODevice::WriteOnly) || junit.write(xml) != xml.size() || !junit.commit())
            return CommandContext::fail(makeError(Error::Kind::Input, junit.errorString(), reporting.junitPath));
    }
    if (reporting.json)
        CommandContext::printJson(summary.value().toJson());
    else
        EvalCommand::printSummary(summary.value());
    return summary.value().gatesPassed() ? ExitOk : ExitGateFailed;
}

} // namespace

int EvalRunCommand::run(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Run a golden dataset through a model, or score the responses it brings, and "
                                        "check quality gates. Exit 1 when a gate fails."));
    ProviderOptions generatorOptions;
    ProviderOptions judgeOptions(QStringLiteral("judge-"));
    generatorOptions.addTo(parser);
    judgeOptions.addTo(parser);
    const QCommandLineOption datasetOption(QStringLiteral("dataset"), tr("Golden dataset (JSONL or CSV)."),
                                           QStringLiteral("file"));
    const QCommandLineOption fromDatasetOption(QStringLiteral("responses-from-dataset"),
                                               tr("Score the responses the dataset brings."));
    const QCommandLineOption metricsOption(
        QStringLiteral("metrics"), tr("lexical, judge, or metric names, comma-separated."), QStringLiteral("list"));
    const QCommandLineOption concurrencyOption(QStringLiteral("concurrency"),
                                               tr("Items in flight at once (default 8)."), QStringLiteral("n"));
    const QCommandLineOption nameOption(QStringLiteral("name"), tr("Run name."), QStringLiteral("name"));
    const QCommandLineOption gateOption(QStringLiteral("gate"),
                                        tr("Quality gate on a metric's mean, e.g. faithfulness>=0.8 (repeatable)."),
                                        QStringLiteral("gate"));
    const QCommandLineOption thresholdOption(QStringLiteral("threshold"),
                                             tr("Pass threshold for a metric, e.g. relevance=0.6 (repeatable)."),
                                             QStringLiteral("metric=x"));
    const QCommandLineOption itemTimeoutOption(
        QStringLiteral("item-timeout"), tr("Seconds one item may take (default 120)."), QStringLiteral("seconds"));
    const QCommandLineOption junitOption(
        QStringLiteral("junit"), tr("Write a JUnit XML file with a test case per gate."), QStringLiteral("file"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print one JSON object."));
    const QCommandLineOption clusterOption(
        QStringLiteral("cluster-by"),
        tr("Dataset field that groups items (e.g. their source document): standard errors are clustered by it."),
        QStringLiteral("field"));
    const QCommandLineOption baselineOption(QStringLiteral("baseline"),
                                            tr("Run that METRIC:no-regression gates compare with, item by item."),
                                            QStringLiteral("run_id"));
    const QCommandLineOption repeatsOption(QStringLiteral("repeats"),
                                           tr("Generations per item (default 1); figures use each item's mean."),
                                           QStringLiteral("k"));
    const QCommandLineOption judgeRepeatsOption(QStringLiteral("judge-repeats"),
                                                tr("Judge calls per response and judge metric (default 1)."),
                                                QStringLiteral("j"));
    parser.addOptions({datasetOption, fromDatasetOption, metricsOption, concurrencyOption, nameOption, gateOption,
                       thresholdOption, itemTimeoutOption, junitOption, jsonOption, clusterOption, baselineOption,
                       repeatsOption, judgeRepeatsOption});
    if (const std::optional<int> ended = context.parse(parser))
        return *ended;
    if (!parser.positionalArguments().isEmpty())
        return CommandContext::usage(
            tr("eval run: unexpected argument \"%1\"").arg(parser.positionalArguments().first()));
    if (!parser.isSet(datasetOption))
        return CommandContext::usage(tr("eval run: --dataset FILE is required"));
    const bool generate = generatorOptions.isAnySet(parser);
    if (generate && parser.isSet(fromDatasetOption))
        return CommandContext::usage(
            tr("eval run: choose either --responses-from-dataset or provider flags, not both"));

    RunSettings settings;
    settings.responsesFromDataset = !generate;
    settings.generator = generatorOptions.selection(parser);
    settings.judge = judgeOptions.selection(parser);
    auto metrics = parseMetrics(parser.value(metricsOption), judgeOptions.isAnySet(parser));
    if (!metrics)
        return CommandContext::fail(metrics.error());
    settings.metrics = metrics.value();
    bool ok = true;
    settings.concurrency = parser.isSet(concurrencyOption) ? parser.value(concurrencyOption).toInt(&ok) : 8;
    if (!ok || settings.concurrency < 1 || settings.concurrency > 256)
        return CommandContext::usage(tr("--concurrency expects 1 to 256"));
    if (parser.isSet(itemTimeoutOption)) {
        const double seconds = parser.value(itemTimeoutOption).toDouble(&ok);
        if (!ok || seconds <= 0)
            return CommandContext::usage(tr("--item-timeout expects seconds > 0"));
        settings.itemTimeoutMs = int(seconds * 1000);
    }
    bool regressionGate = false;
    for (const QString &text : parser.values(gateOption)) {
        auto gate = QualityGate::parse(text);
        if (!gate)
            return CommandContext::fail(gate.error());
        settings.gates << text;
        if (gate.value().statistic == Gate::Statistic::NoRegression) {
            regressionGate = true;
            continue;
        }
        // A gate's threshold is also the metric's pass threshold unless one is given.
        if (!settings.thresholds.contains(gate.value().metric))
            settings.thresholds.insert(gate.value().metric, gate.value().threshold);
    }
    if (parser.isSet(baselineOption)) {
        settings.baselineRunId = parser.value(baselineOption).toLongLong(&ok);
        if (!ok || settings.baselineRunId <= 0)
            return CommandContext::usage(tr("--baseline expects a RUN_ID (see `genaiops eval list`)"));
    } else if (regressionGate) {
        return CommandContext::usage(tr("a METRIC:no-regression gate needs --baseline RUN_ID to compare with"));
    }
    for (const auto &[option, target] :
         {std::pair{&repeatsOption, &settings.repeats}, std::pair{&judgeRepeatsOption, &settings.judgeRepeats}}) {
        if (!parser.isSet(*option))
            continue;
        *target = parser.value(*option).toInt(&ok);
        if (!ok || *target < 1 || *target > 20)
            return CommandContext::usage(tr("--%1 expects 1 to 20").arg(option->names().first()));
    }
    if (settings.repeats > 1 && !generate)
        return CommandContext::usage(
            tr("--repeats needs a model to generate responses (provider flags); a dataset's own responses "
               "are the same every time"));
    settings.clusterBy = parser.value(clusterOption).trimmed();
    for (const QString &text : parser.values(thresholdOption)) {
        const QString metric = text.section(QLatin1Char('='), 0, 0).trimmed();
        const double value = text.section(QLatin1Char('='), 1).toDouble(&ok);
        if (metric.isEmpty() || !ok || value < 0 || value > 1)
            return CommandContext::usage(tr("--threshold expects METRIC=X with X from 0 to 1, got \"%1\"").arg(text));
        settings.thresholds.insert(metric, value);
    }
    bool needsJudge = false;
    for (const QString &metric : settings.metrics)
        needsJudge = needsJudge || Metrics::judge().contains(metric);
    if (needsJudge && !judgeOptions.isAnySet(parser))
        return CommandContext::usage(
            tr("judge metrics need a judge model: --judge-provider … --judge-model … (or --metrics lexical)"));
    if (settings.judgeRepeats > 1 && !needsJudge)
        return CommandContext::usage(tr("--judge-repeats needs a judge metric (faithfulness or relevance)"));

    // Resolve credentials before importing, so a missing key fails fast and nothing is created.
    std::optional<ProviderConfig> generator;
    std::optional<ProviderConfig> judge;
    if (generate) {
        auto config = generatorOptions.resolve(parser, context);
        if (!config)
            return CommandContext::fail(config.error());
        generator = config.value();
    }
    if (needsJudge) {
        auto config = judgeOptions.resolve(parser, context);
        if (!config)
            return CommandContext::fail(config.error());
        judge = config.value();
    }
    auto workspace = context.workspace();
    if (!workspace)
        return CommandContext::fail(workspace.error());
    auto dataset = DatasetImporter::import(*workspace.value(), parser.value(datasetOption));
    if (!dataset)
        return CommandContext::fail(dataset.error());
    for (const SkippedLine &line : dataset.value().skipped)
        std::fprintf(stderr, "genaiops: %s:%d: skipped: %s\n", qPrintable(parser.value(datasetOption)), line.line,
                     qPrintable(line.reason));
    auto run = RunSetup::create(*workspace.value(), dataset.value(), settings, parser.value(nameOption));
    if (!run)
        return CommandContext::fail(run.error());
    if (!parser.isSet(jsonOption))
        std::fprintf(stderr,
                     "genaiops: run %lld started (%lld items); resume it with `genaiops eval resume %lld` if stopped\n",
                     static_cast<long long>(run.value().id), static_cast<long long>(run.value().itemCount),
                     static_cast<long long>(run.value().id));
    const Status executed
        = execute(workspace.value()->location(), run.value().id, generator, judge, false, parser.isSet(jsonOption));
    if (!executed)
        return CommandContext::fail(executed.error());
    return report(context, run.value().id, {parser.value(junitOption), parser.isSet(jsonOption)});
}

int EvalRunCommand::resume(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Finish a run that was cancelled or killed: only the items without a result "
                                        "are done."));
    parser.addPositionalArgument(QStringLiteral("run_id"), tr("The run (see `genaiops eval list`)."));
    const QCommandLineOption retryOption(QStringLiteral("retry-errors"), tr("Also score again the items that failed."));
    const QCommandLineOption junitOption(
        QStringLiteral("junit"), tr("Write a JUnit XML file with a test case per gate."), QStringLiteral("file"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print one JSON object."));
    parser.addOptions({retryOption, junitOption, jsonOption});
    if (const std::optional<int> ended = context.parse(parser))
        return *ended;
    bool ok = false;
    const qint64 runId = parser.positionalArguments().value(0).toLongLong(&ok);
    if (parser.positionalArguments().size() != 1 || !ok)
        return CommandContext::usage(tr("eval resume: expected one RUN_ID"));
    auto workspace = context.workspace(Workspace::OpenMode::ExistingOnly);
    if (!workspace)
        return CommandContext::fail(workspace.error());
    auto found = EvalRunRepository(*workspace.value()).find(runId);
    if (!found)
        return CommandContext::fail(found.error());
    if (!found.value())
        return CommandContext::fail(
            makeError(Error::Kind::Input, tr("no evaluation run %1 (see `genaiops eval list`)").arg(runId)));
    const std::optional<EvalRun> &run = found.value();
    if (run->status == EvalRun::Status::Imported)
        return CommandContext::fail(
            makeError(Error::Kind::Usage, tr("run %1 was imported; there is nothing to resume").arg(runId)));
    const RunSettings &settings = run->settings;
    std::optional<ProviderConfig> generator;
    std::optional<ProviderConfig> judge;
    if (!settings.responsesFromDataset) {
        auto config = ProviderOptions::resolve(settings.generator, context);
        if (!config)
            return CommandContext::fail(config.error());
        generator = config.value();
    }
    bool needsJudge = false;
    for (const QString &metric : settings.metrics)
        needsJudge = needsJudge || Metrics::judge().contains(metric);
    if (needsJudge) {
        auto config = ProviderOptions::resolve(settings.judge, context);
        if (!config)
            return CommandContext::fail(config.error());
        judge = config.value();
    }
    const Status executed = execute(workspace.value()->location(), runId, generator, judge, parser.isSet(retryOption),
                                    parser.isSet(jsonOption));
    if (!executed)
        return CommandContext::fail(executed.error());
    return report(context, runId, {parser.value(junitOption), parser.isSet(jsonOption)});
}
