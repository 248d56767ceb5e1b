#include "syntheticrun.h"

#include "core/eval/datasetimporter.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/lexicalmetrics.h"
#include "core/eval/runsetup.h"
#include "goldendatasetfile.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace {

constexpr int FailedEvery = 97;

ItemResult resultFor(qint64 runId, const EvalItem &item, const QString &completedAt)
{
    ItemResult result;
    result.runId = runId;
    result.itemIndex = item.index;
    result.completedAt = completedAt;
    result.latencyMs = 40 + item.index % 200;
    if (item.index % FailedEvery == 0) {
        result.ok = false;
        result.error = u"generating the response failed: server error (HTTP 500)"_s;
        return result;
    }
    result.response = item.response;
    result.inputTokens = 60 + item.index % 50;
    result.outputTokens = 30 + item.index % 40;
    for (const QString &metric : Metrics::lexical())
        result.scores << LexicalMetrics::score(metric, item, result.response);
    return result;
}

} // namespace

Result<qint64> SyntheticRun::create(Workspace &workspace, const QString &datasetPath, int batchSize)
{
    auto dataset = DatasetImporter::import(workspace, datasetPath);
    if (!dataset)
        return dataset.error();
    const Result<QList<EvalItem>> items = GoldenDatasetFile::read(datasetPath);
    if (!items)
        return items.error();

    RunSettings settings;
    settings.responsesFromDataset = true;
    settings.metrics = Metrics::lexical();
    auto run = RunSetup::create(workspace, dataset.value(), settings, u"bench"_s);
    if (!run)
        return run.error();
    const qint64 runId = run.value().id;

    EvalRunRepository runs(workspace);
    const QString completedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QList<ItemResult> batch;
    batch.reserve(batchSize);
    for (const EvalItem &item : items.value()) {
        batch << resultFor(runId, item, completedAt);
        if (batch.size() < batchSize && item.index + 1 < items.value().size())
            continue;
        if (const Status stored = runs.storeResults(batch); !stored)
            return stored.error();
        batch.clear();
    }
    if (const Status completed = runs.setStatus(runId, EvalRun::Status::Completed, completedAt); !completed)
        return completed.error();
    return runId;
}
