#include "demo/demoevaluations.h"

#include "eval/bedrockoutputimporter.h"
#include "eval/datasetimporter.h"
#include "eval/datasetrepository.h"
#include "eval/evalrunrepository.h"
#include "eval/lexicalmetrics.h"
#include "eval/runsetup.h"

#include <QDateTime>

Status DemoEvaluations::install(Workspace &workspace)
{
    // The import first: the newest run, opened first, is then the improved prompt with its trend.
    auto imported = BedrockOutputImporter::import(workspace, QStringLiteral(":/demo/bedrock-rag-output.jsonl"),
                                                  QStringLiteral("Bedrock knowledge base evaluation (imported)"));
    if (!imported)
        return imported.error();
    for (const auto &[resource, name] : {std::pair{QStringLiteral(":/demo/golden-rag.jsonl"), QStringLiteral("support answers, first prompt")},
                                         std::pair{QStringLiteral(":/demo/golden-rag-v2.jsonl"), QStringLiteral("support answers, stricter prompt")}}) {
        const Status scored = lexicalRun(workspace, resource, name, QStringLiteral("context_support>=0.6"));
        if (!scored)
            return scored;
    }
    return Done{};
}

Status DemoEvaluations::lexicalRun(Workspace &workspace, const QString &resource, const QString &name, const QString &gate)
{
    // Both versions are imported under one dataset name, as a team re-running its golden set would.
    auto dataset = DatasetImporter::import(workspace, resource, QStringLiteral("golden-rag"));
    if (!dataset)
        return dataset.error();
    RunSettings settings;
    settings.responsesFromDataset = true;
    settings.metrics = {QStringLiteral("lexical_f1"), QStringLiteral("rouge_l"), QStringLiteral("context_support"),
                        QStringLiteral("question_overlap")};
    settings.gates = {gate};
    settings.thresholds.insert(QStringLiteral("context_support"), 0.6);
    auto run = RunSetup::create(workspace, dataset.value(), settings, name);
    if (!run)
        return run.error();
    auto items = DatasetRepository(workspace).items(dataset.value().id, 0, int(dataset.value().itemCount));
    if (!items)
        return items.error();
    QList<ItemResult> results;
    for (const EvalItem &item : items.value()) {
        ItemResult result;
        result.runId = run.value().id;
        result.itemIndex = item.index;
        result.response = item.response;
        result.completedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        for (const QString &metric : settings.metrics)
            result.scores << LexicalMetrics::score(metric, item, item.response);
        results << result;
    }
    EvalRunRepository runs(workspace);
    const Status stored = runs.storeResults(results);
    if (!stored)
        return stored;
    return runs.setStatus(run.value().id, EvalRun::Status::Completed, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
}
