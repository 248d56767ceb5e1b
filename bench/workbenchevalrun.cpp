#include "workbenchevalrun.h"

#include "core/eval/datasetimporter.h"
#include "core/eval/evalrunner.h"
#include "core/eval/runsetup.h"
#include "core/storage/workspace.h"
#include "core/workspaceschema.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcessEnvironment>
#include <QSqlQuery>

#include <algorithm>
#include <numeric>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// Medians of the calls' time to first text and latency, from the invocation log.
std::pair<double, double> callTimes(Workspace &workspace)
{
    auto query = workspace.execute(u"SELECT ttft_ms, latency_ms FROM invocations WHERE source = 'eval'"_s);
    std::vector<double> firstText, latency;
    while (query && query.value().next()) {
        firstText.push_back(query.value().value(0).toDouble());
        latency.push_back(query.value().value(1).toDouble());
    }
    return {median(std::move(firstText)), median(std::move(latency))};
}

} // namespace

Result<WorkbenchEvalRun::Outcome> WorkbenchEvalRun::run(const Settings &settings)
{
    QElapsedTimer clock;
    clock.start();
    auto opened
        = Workspace::open(settings.workspacePath, Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules());
    if (!opened)
        return opened.error();
    Workspace &workspace = *opened.value();
    auto dataset = DatasetImporter::import(workspace, settings.datasetPath);
    if (!dataset)
        return dataset.error();

    RunSettings runSettings;
    runSettings.responsesFromDataset = false;
    runSettings.generator.provider = u"openai"_s;
    runSettings.generator.baseUrl = settings.baseUrl;
    runSettings.generator.model = settings.model;
    runSettings.metrics = Metrics::lexical();
    runSettings.concurrency = settings.concurrency;
    // As the CLI resolves it: no profile, a key (if any) from OPENAI_API_KEY.
    auto generator
        = runSettings.generator.resolve(QProcessEnvironment::systemEnvironment(), QDir::homePath(), std::nullopt, {});
    if (!generator)
        return generator.error();
    auto created = RunSetup::create(workspace, dataset.value(), runSettings, u"bench"_s);
    if (!created)
        return created.error();

    Outcome outcome;
    outcome.items = created.value().itemCount;
    outcome.setupMs = double(clock.nsecsElapsed()) / 1e6;

    EvalRunner runner(workspace.location(), created.value().id, generator.value(), std::nullopt, false);
    std::optional<EvalRun::Status> status;
    std::vector<double> latencies;
    latencies.reserve(size_t(outcome.items));
    QEventLoop loop;
    QObject::connect(&runner, &EvalRunner::itemFinished, &loop,
                     [&](const ItemResult &result) { latencies.push_back(double(result.latencyMs)); });
    QObject::connect(&runner, &EvalRunner::progress, &loop, [&](qint64 done, qint64, qint64 failed, double) {
        outcome.done = done;
        outcome.failed = failed;
    });
    QObject::connect(&runner, &EvalRunner::finished, &loop, [&](EvalRun::Status finished) {
        status = finished;
        loop.quit();
    });
    clock.restart();
    runner.start();
    if (!status)
        loop.exec();
    outcome.wallMs = double(clock.nsecsElapsed()) / 1e6;
    outcome.networkManagers = runner.networkManagerCount();
    if (!latencies.empty()) {
        std::sort(latencies.begin(), latencies.end());
        outcome.itemMedianMs = median(latencies);
        outcome.itemP95Ms = latencies[latencies.size() * 95 / 100];
        outcome.itemMeanMs = std::accumulate(latencies.begin(), latencies.end(), 0.0) / double(latencies.size());
    }
    std::tie(outcome.callFirstTextMs, outcome.callLatencyMs) = callTimes(workspace);
    if (*status != EvalRun::Status::Completed)
        return makeError(runner.error() ? runner.error()->kind : Error::Kind::Internal,
                         u"the run ended %1: %2"_s.arg(EvalRun::statusName(*status),
                                                       runner.error() ? runner.error()->describe() : QString()));
    return outcome;
}
