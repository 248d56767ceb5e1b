#pragma once

#include "common/result.h"

#include <QString>

// The workbench's side of bench_eval_throughput: imports a dataset into a new workspace, creates a
// run that generates each response with the OpenAI-compatible provider and scores the lexical
// metrics, and drives EvaluationRunner on this thread as `genaiops eval run` does.
class WorkbenchEvalRun
{
public:
    struct Settings
    {
        QString workspacePath;
        QString datasetPath;
        QString baseUrl;        // e.g. http://127.0.0.1:PORT/v1
        QString model;
        int concurrency = 16;
    };

    struct Outcome
    {
        double setupMs = 0;     // workspace, import and run creation
        double wallMs = 0;      // EvaluationRunner::start() to finished(Completed)
        qint64 items = 0;
        qint64 done = 0;
        qint64 failed = 0;
        int networkManagers = 0;
    };

    static Result<Outcome> run(const Settings &settings);
};
