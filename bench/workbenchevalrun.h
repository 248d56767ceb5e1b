#pragma once

#include "core/common/result.h"

#include <QString>

// The workbench's side of bench_eval_throughput: imports a dataset into a new workspace, creates a
// run that generates each response with the OpenAI-compatible provider and scores the lexical
// metrics, and drives EvalRunner on this thread as `genaiops eval run` does.
class WorkbenchEvalRun
{
public:
    struct Settings
    {
        QString workspacePath;
        QString datasetPath;
        QString baseUrl; // e.g. http://127.0.0.1:PORT/v1
        QString model;
        int concurrency = 16;
    };

    struct Outcome
    {
        double setupMs = 0; // workspace, import and run creation
        double wallMs = 0; // EvalRunner::start() to finished(Completed)
        qint64 items = 0;
        qint64 done = 0;
        qint64 failed = 0;
        int networkManagers = 0;
        // ItemResult::latencyMs over the items: from the item's start to its result, the call and
        // the scoring included, but not the runner's work between items.
        double itemMedianMs = 0;
        double itemP95Ms = 0;
        double itemMeanMs = 0;
        // The generation call's own clocks, as the invocation log keeps them: request sent to the
        // first text, and to the end of the answer (medians).
        double callFirstTextMs = 0;
        double callLatencyMs = 0;
    };

    static Result<Outcome> run(const Settings &settings);
};
