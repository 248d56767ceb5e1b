#include "evalruncommand.h"

#include "commandcontext.h"
#include "core/eval/datasetimporter.h"
#include "core/eval/evalrunner.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/junitreport.h"
#include "core/eval/runsetup.h"
#include "core/eval/runsummary.h"
#include "evalcommand.h"
#include "evalrunoptions.h"
#include "exitcode.h"
#include "provideroptions.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QSaveFile>

#include <csignal>
#include <cstdio>
#include <functional>
#include <unistd.h>

namespace {

struct Reporting
{
    QString junitPath;
    bool json = false;
};

// Runs the runner to its end on this thread, reporting progress on stderr.
struct Models
{
    std::optional<ProviderConfig> generator;
    std::optional<ProviderConfig> judge;
    std::optional<ProviderConfig> guardrail; // ApplyGuardrail's connection
};

Status execute(const QString &workspacePath, qint64 runId, Models models, bool retryErrors, bool quiet)
{
    EvalRunner runner(workspacePath, runId, std::move(models.generator), std::move(models.judge), retryErrors);
    runner.setGuardrailConnection(std::move(models.guardrail));
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

using Resolver = std::function<Result<ProviderConfig>(const ProviderSelection &)>;

// Resolves the models a run calls (blocking on the keyring) before anything is created, so a
// missing key fails fast.
Status resolveModels(const RunSettings &settings, const Resolver &resolveGenerator, const Resolver &resolveJudge,
                     const Resolver &resolveGuardrail, Models &models)
{
    if (!settings.responsesFromDataset) {
        auto config = resolveGenerator(settings.generator);
        if (!config)
            return config.error();
        models.generator = config.value();
    }
    if (settings.needsJudge()) {
        auto config = resolveJudge(settings.judge);
        if (!config)
            return config.error();
        models.judge = config.value();
    }
    if (settings.isGuarded() && !settings.guardsThroughGenerator()) {
        auto config = resolveGuardrail(settings.guardrail);
        if (!config) {
            Error error = config.error();
            error.message = EvalRunCommand::tr("the guardrail's AWS connection: %1").arg(error.message);
            return error;
        }
        models.guardrail = config.value();
    }
    return Done{};
}

} // namespace

int EvalRunCommand::run(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Run a golden dataset through a model, or score the responses it brings, and "
                                        "check quality gates. Exit 1 when a gate fails."));
    const EvalRunOptions options;
    options.addTo(parser);
    if (const std::optional<int> ended = context.parse(parser))
        return *ended;
    const Result<RunSettings> settings = options.settings(parser);
    if (!settings)
        return CommandContext::fail(settings.error());

    Models models;
    const Status resolved = resolveModels(
        settings.value(),
        [&](const ProviderSelection &chosen) { return options.generator.resolve(parser, context, chosen); },
        [&](const ProviderSelection &) { return options.judge.resolve(parser, context); },
        [&](const ProviderSelection &chosen) { return options.generator.resolve(parser, context, chosen); }, models);
    if (!resolved)
        return CommandContext::fail(resolved.error());
    auto workspace = context.workspace();
    if (!workspace)
        return CommandContext::fail(workspace.error());
    const QString datasetPath = options.dataset(parser);
    const Result<qint64> lineLimit = options.lineLimit(parser);
    if (!lineLimit)
        return CommandContext::fail(lineLimit.error());
    auto dataset = DatasetImporter::import(*workspace.value(), datasetPath, QString(), lineLimit.value());
    if (!dataset)
        return CommandContext::fail(dataset.error());
    for (const SkippedLine &line : dataset.value().skipped)
        std::fprintf(stderr, "genaiops: %s:%d: skipped: %s\n", qPrintable(datasetPath), line.line,
                     qPrintable(line.reason));
    auto run = RunSetup::create(*workspace.value(), dataset.value(), settings.value(), options.name(parser));
    if (!run)
        return CommandContext::fail(run.error());
    const bool json = options.json(parser);
    if (!json)
        std::fprintf(stderr,
                     "genaiops: run %lld started (%lld items); resume it with `genaiops eval resume %lld` if stopped\n",
                     static_cast<long long>(run.value().id), static_cast<long long>(run.value().itemCount),
                     static_cast<long long>(run.value().id));
    const Status executed = execute(workspace.value()->location(), run.value().id, models, false, json);
    if (!executed)
        return CommandContext::fail(executed.error());
    return report(context, run.value().id, {options.junitPath(parser), json});
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
    Models models;
    const Resolver stored
        = [&](const ProviderSelection &selection) { return ProviderOptions::resolve(selection, context); };
    const Status resolved = resolveModels(run->settings, stored, stored, stored, models);
    if (!resolved)
        return CommandContext::fail(resolved.error());
    const Status executed
        = execute(workspace.value()->location(), runId, models, parser.isSet(retryOption), parser.isSet(jsonOption));
    if (!executed)
        return CommandContext::fail(executed.error());
    return report(context, runId, {parser.value(junitOption), parser.isSet(jsonOption)});
}
