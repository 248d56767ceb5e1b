#include "core/demo/demoevaluations.h"

#include "core/eval/bedrockoutputimporter.h"
#include "core/eval/datasetimporter.h"
#include "core/eval/datasetrepository.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/labelrepository.h"
#include "core/eval/lexicalmetrics.h"
#include "core/eval/runsetup.h"

#include <QDateTime>

Status DemoEvaluations::install(Workspace &workspace)
{
    // The import first: the newest run, opened first, is then the improved prompt with its trend.
    auto imported = BedrockOutputImporter::import(workspace, QStringLiteral(":/demo/bedrock-rag-output.jsonl"),
                                                  QStringLiteral("Bedrock knowledge base evaluation (imported)"));
    if (!imported)
        return imported.error();
    const Status labelled = labels(workspace, imported.value().run.id);
    if (!labelled)
        return labelled;
    for (const auto &[resource, name] :
         {std::pair{QStringLiteral(":/demo/golden-rag.jsonl"), QStringLiteral("support answers, first prompt")},
          std::pair{QStringLiteral(":/demo/golden-rag-v2.jsonl"),
                    QStringLiteral("support answers, stricter prompt")}}) {
        const Status scored = lexicalRun(workspace, resource, name, QStringLiteral("context_support>=0.6"));
        if (!scored)
            return scored;
    }
    return Done{};
}

Status DemoEvaluations::labels(Workspace &workspace, qint64 runId)
{
    // Two reviewers went through the imported run: rita every item of faithfulness and half of
    // relevance, sam the first eight of faithfulness. They fail item 5 where the judge passed it,
    // so the agreement tab has something to say, and twelve labels leave κ's interval wide.
    struct Given
    {
        const char *metric;
        const char *reviewer;
        qint64 item;
        bool pass;
        const char *comment;
    };
    const QList<Given> given{{"faithfulness", "rita", 0, true, ""},
                             {"faithfulness", "rita", 1, true, ""},
                             {"faithfulness", "rita", 2, true, ""},
                             {"faithfulness", "rita", 3, true, ""},
                             {"faithfulness", "rita", 4, true, ""},
                             {"faithfulness", "rita", 5, false, "the 30-day window is not in the retrieved policy"},
                             {"faithfulness", "rita", 6, true, ""},
                             {"faithfulness", "rita", 7, false, "invents a phone number"},
                             {"faithfulness", "rita", 8, true, ""},
                             {"faithfulness", "rita", 9, true, ""},
                             {"faithfulness", "rita", 10, false, ""},
                             {"faithfulness", "rita", 11, true, ""},
                             {"faithfulness", "sam", 0, true, ""},
                             {"faithfulness", "sam", 1, true, ""},
                             {"faithfulness", "sam", 2, true, ""},
                             {"faithfulness", "sam", 3, false, "only half of the answer is supported"},
                             {"faithfulness", "sam", 4, true, ""},
                             {"faithfulness", "sam", 5, false, ""},
                             {"faithfulness", "sam", 6, true, ""},
                             {"faithfulness", "sam", 7, false, ""},
                             {"relevance", "rita", 0, false, "answers a different question"},
                             {"relevance", "rita", 2, true, ""},
                             {"relevance", "rita", 4, true, ""},
                             {"relevance", "rita", 6, true, ""},
                             {"relevance", "rita", 8, true, ""},
                             {"relevance", "rita", 10, false, ""}};
    QList<HumanLabel> labels;
    for (const Given &entry : given) {
        HumanLabel label = entry.pass ? HumanLabel::pass() : HumanLabel::fail();
        label.runId = runId;
        label.itemIndex = entry.item;
        label.metric = QString::fromLatin1(entry.metric);
        label.reviewer = QString::fromLatin1(entry.reviewer);
        label.comment = QString::fromLatin1(entry.comment);
        label.source = QStringLiteral("random");
        labels << label;
    }
    return LabelRepository(workspace).store(labels);
}

Status DemoEvaluations::lexicalRun(Workspace &workspace, const QString &resource, const QString &name,
                                   const QString &gate)
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
    return runs.setStatus(run.value().id, EvalRun::Status::Completed,
                          QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
}
