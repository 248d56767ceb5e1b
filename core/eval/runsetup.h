#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"

#include <QCoreApplication>

class Workspace;

// Creates a run for a dataset, checking that what the settings ask for can be done with this data
// (responses to score, references for the metrics that need them). Shared by the CLI and the panel.
class RunSetup
{
    Q_DECLARE_TR_FUNCTIONS(RunSetup)

public:
    static Result<EvalRun> create(Workspace &workspace, const Dataset &dataset, const RunSettings &settings,
                                  const QString &name = {});
    // Imports the dataset at `path` (a new version when its content changed) and creates the run on it.
    static Result<EvalRun> createFromFile(Workspace &workspace, const QString &path, const RunSettings &settings,
                                          const QString &name = {});
    // The same dataset and settings once per model in `generators` (at most three), for comparing
    // them; once with the settings' own generator when `generators` is empty or the responses come
    // from the dataset. The dataset is the stored one with `datasetId`, else the file at `path`.
    // Every run is created in one transaction: a refused model creates none of them.
    static Result<QList<EvalRun>> createForModels(Workspace &workspace, qint64 datasetId, const QString &path,
                                                  const RunSettings &settings,
                                                  const QList<ProviderSelection> &generators, const QString &name = {});
    static constexpr int maximumModels = 3;
};
