#include "core/eval/runtrend.h"

#include "core/eval/evalrunrepository.h"
#include "core/eval/runsummary.h"

Result<QList<TrendPoint>> RunTrend::load(Workspace &workspace, const QString &datasetName)
{
    auto runs = EvalRunRepository(workspace).runsOfDataset(datasetName);
    if (!runs)
        return runs.error();
    QList<TrendPoint> points;
    for (const EvalRun &run : runs.value()) {
        auto summary = RunSummary::figures(workspace, run.id);
        if (!summary)
            return summary.error();
        TrendPoint point{run.id, run.createdAt.left(10), {}};
        for (const MetricSummary &metric : std::as_const(summary.value().metrics)) {
            if (metric.count > 0)
                point.metrics.insert(metric.metric, metric);
        }
        points.append(point);
    }
    return points;
}
