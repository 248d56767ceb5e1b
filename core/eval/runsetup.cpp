#include "core/eval/runsetup.h"

#include "core/eval/datasetimporter.h"
#include "core/eval/datasetrepository.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/itemgroups.h"
#include "core/storage/workspace.h"

#include <QDateTime>

namespace {

// What a run's responses came from, as its list shows it: the model id, or for a Knowledge Base
// "bedrock-kb:ID" with the model it answered with.
QString modelLabel(const ProviderSelection &generator)
{
    if (generator.provider != QLatin1String("bedrock-kb"))
        return generator.model;
    const KnowledgeBaseSetting &knowledgeBase = generator.knowledgeBase;
    const QString label = QStringLiteral("bedrock-kb:") + knowledgeBase.id;
    if (knowledgeBase.retrieveOnly)
        return label + QStringLiteral(" (retrieve only)");
    if (knowledgeBase.modelArn.isEmpty())
        return label;
    return label + QLatin1Char(' ') + knowledgeBase.modelArn.section(QLatin1Char('/'), -1);
}

} // namespace

Result<EvalRun> RunSetup::create(Workspace &workspace, const Dataset &dataset, const RunSettings &settings,
                                 const QString &name)
{
    if (settings.metrics.isEmpty())
        return makeError(Error::Kind::Usage, tr("choose at least one metric"));
    for (const QString &metric : settings.metrics) {
        if (!Metrics::isLexical(metric) && !Metrics::judged().contains(metric))
            return makeError(
                Error::Kind::Usage,
                tr("unknown metric \"%1\" (known: %2)")
                    .arg(metric,
                         (Metrics::lexical() + Metrics::retrieval() + Metrics::judged()).join(QStringLiteral(", "))));
    }
    if (settings.responsesFromDataset && dataset.withResponses == 0)
        return makeError(Error::Kind::Input, tr("the dataset has no responses to score; give a model to generate them"),
                         dataset.sourcePath);
    if (settings.concurrency < 1 || settings.concurrency > 256)
        return makeError(Error::Kind::Usage, tr("concurrency must be between 1 and 256"));
    if (settings.repeats < 1 || settings.repeats > 20 || settings.judgeRepeats < 1 || settings.judgeRepeats > 20)
        return makeError(Error::Kind::Usage, tr("repeats must be between 1 and 20"));
    if (settings.repeats > 1 && settings.responsesFromDataset)
        return makeError(Error::Kind::Usage, tr("repeated generations need a model to generate responses"));
    // Checked before the run exists, so a misspelt field creates nothing.
    if (!settings.clusterBy.isEmpty()) {
        auto groups = ItemGroups::load(workspace, dataset.id, settings.clusterBy);
        if (!groups)
            return groups.error();
    }
    if (settings.baselineRunId > 0) {
        auto baseline = EvalRunRepository(workspace).find(settings.baselineRunId);
        if (!baseline)
            return baseline.error();
        if (!baseline.value())
            return makeError(
                Error::Kind::Usage,
                tr("the baseline run %1 does not exist (see `genaiops eval list`)").arg(settings.baselineRunId));
    }

    EvalRun run;
    run.name = name.isEmpty() ? QStringLiteral("%1 %2").arg(
                   dataset.name, QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                              : name;
    run.datasetId = dataset.id;
    run.datasetName = dataset.name;
    run.datasetVersion = dataset.version;
    run.model = settings.responsesFromDataset ? QStringLiteral("dataset") : modelLabel(settings.generator);
    run.judgeModel = settings.needsJudge() ? settings.judge.model : QString();
    run.status = EvalRun::Status::Running;
    run.itemCount = dataset.itemCount;
    run.settings = settings;
    auto created = EvalRunRepository(workspace).create(run);
    if (!created)
        return created.error();
    run.id = created.value();
    return run;
}

Result<EvalRun> RunSetup::createFromFile(Workspace &workspace, const QString &path, const RunSettings &settings,
                                         const QString &name)
{
    auto dataset = DatasetImporter::import(workspace, path);
    if (!dataset)
        return dataset.error();
    return create(workspace, dataset.value(), settings, name);
}

Result<QList<EvalRun>> RunSetup::createForModels(Workspace &workspace, qint64 datasetId, const QString &path,
                                                 const RunSettings &settings,
                                                 const QList<ProviderSelection> &generators, const QString &name)
{
    if (generators.size() > maximumModels)
        return makeError(Error::Kind::Usage, tr("a run compares at most %1 models at once").arg(maximumModels));
    Dataset dataset;
    if (datasetId > 0) {
        auto found = DatasetRepository(workspace).find(datasetId);
        if (!found)
            return found.error();
        if (!found.value())
            return makeError(Error::Kind::Input, tr("the dataset %1 is no longer in the workspace").arg(datasetId));
        dataset = *found.value();
    } else {
        auto imported = DatasetImporter::import(workspace, path);
        if (!imported)
            return imported.error();
        dataset = imported.value();
    }
    QList<RunSettings> perModel;
    if (settings.responsesFromDataset || generators.isEmpty())
        perModel << settings;
    for (const ProviderSelection &generator : settings.responsesFromDataset ? QList<ProviderSelection>() : generators) {
        RunSettings one = settings;
        one.generator = generator;
        perModel << one;
    }
    QList<EvalRun> runs;
    const Status created = workspace.transaction([&]() -> Status {
        for (const RunSettings &one : std::as_const(perModel)) {
            // Runs made together are told apart by their model.
            const QString runName = perModel.size() > 1
                ? QStringLiteral("%1 · %2").arg(name.isEmpty() ? dataset.name : name, modelLabel(one.generator))
                : name;
            auto run = create(workspace, dataset, one, runName);
            if (!run)
                return run.error();
            runs << run.value();
        }
        return Done{};
    });
    if (!created)
        return created.error();
    return runs;
}
