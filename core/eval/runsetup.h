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
};
