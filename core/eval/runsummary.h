#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"
#include "core/eval/guardrailsummary.h"
#include "core/statistics/varianceparts.h"

#include <QJsonObject>

#include <algorithm>
#include <optional>

class Workspace;

// A run's metric summaries with their intervals and the verdict of its gates, and the JSON object
// the CLI prints (`eval run --json`, `eval show --json`).
struct RunSummary
{
    EvalRun run;
    QList<MetricSummary> metrics;
    QList<Gate> gates;
    QList<SkippedLine> skipped;
    QMap<QString, VarianceParts> variance; // per metric, for repeated runs
    // A guarded run: what its guardrail did. Its intervention rate is also the last of `metrics`
    // (GuardrailSummary::rateMetric), so it is listed, charted and gated beside the scores.
    std::optional<GuardrailSummary> guardrail;
    qint64 results = 0; // items with a result (compute() only, as are the two below)
    // Items that failed as a whole or lack a score because a model call failed (a judge that
    // answered nothing usable): "completed" with errors is not a clean run.
    qint64 itemsWithErrors = 0;
    // Items with a result but no score for this metric: results − the metric's count.
    qint64 unscored(const MetricSummary &metric) const { return std::max<qint64>(0, results - metric.count); }

    // Clusters by the run's `cluster_by` field; evaluates no-regression gates against the
    // baseline run by a paired comparison. A gate that does not parse is an error, not left out.
    static Result<RunSummary> compute(Workspace &workspace, qint64 runId);
    // The run and its metrics' figures (with variance parts), without gates, skipped lines or
    // error counts: what a trend of many runs needs, at none of their cost.
    static Result<RunSummary> figures(Workspace &workspace, qint64 runId);
    // Every run, newest first, as the run list shows them; a run whose summary fails for any reason
    // but storage is listed without figures.
    static Result<QList<RunSummary>> all(Workspace &workspace);
    bool gatesPassed() const;
    const MetricSummary *metric(const QString &name) const;
    QJsonObject toJson() const;
    static QJsonObject metricJson(const MetricSummary &metric);
};
