#pragma once

#include "core/common/result.h"

#include <QString>

class Workspace;

// A completed run over a dataset file (with responses) for benches of the run page: the dataset is
// imported as the CLI does, the run created by RunSetup with the four lexical metrics, and every
// item's result, scored by the real LexicalMetrics, stored with EvalRunRepository::storeResults in
// batches. About 1 % of items fail as a whole, so the table and filters see errors too.
class SyntheticRun
{
public:
    static Result<qint64> create(Workspace &workspace, const QString &datasetPath, int batchSize);
};
