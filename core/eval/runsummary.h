#pragma once

#include "common/result.h"
#include "eval/evaltypes.h"

#include <QJsonObject>

class Workspace;

// A run's metric summaries and the verdict of its gates, and the JSON object the CLI prints
// (`eval run --json`, `eval show --json`).
struct RunSummary
{
    EvalRun run;
    QList<MetricSummary> metrics;
    QList<Gate> gates;
    QList<SkippedLine> skipped;

    static Result<RunSummary> compute(Workspace &workspace, qint64 runId);
    bool gatesPassed() const;
    QJsonObject toJson() const;
};
