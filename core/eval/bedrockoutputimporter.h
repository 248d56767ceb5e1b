#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"

#include <QCoreApplication>

class Workspace;

struct ImportedRun
{
    Dataset dataset;
    EvalRun run;
    QList<SkippedLine> skipped;
};

// Imports the output of an Amazon Bedrock evaluation job as a finished run: knowledge-base (RAG)
// evaluation records {input, output, metrics, status}, one per line or pretty-printed, and model
// evaluation records {automatedEvaluationResult, inputRecord, modelResponses}. It creates a dataset
// of the questions, contexts, responses and references, and a run with status Imported holding one
// result per record. Importing the same file under the same name again returns the stored run.
class BedrockOutputImporter
{
    Q_DECLARE_TR_FUNCTIONS(BedrockOutputImporter)

public:
    // `name` (of the dataset and the run) defaults to the file's base name.
    static Result<ImportedRun> import(Workspace &workspace, const QString &path, const QString &name = {});

    // "Builtin.Correctness" → "correctness", "Builtin.FollowingInstructions" → "following_instructions".
    static QString metricName(const QString &bedrockName);
};
