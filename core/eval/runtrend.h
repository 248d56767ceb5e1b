#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"

#include <QList>
#include <QMap>

class Workspace;

// One run among the runs of a dataset: its label and each metric's summary (mean and interval).
struct TrendPoint
{
    qint64 runId = 0;
    QString label; // the run's date
    QMap<QString, MetricSummary> metrics;
};

// The runs of a dataset (any version), oldest first: what the trend chart and the report's trend show.
class RunTrend
{
public:
    static Result<QList<TrendPoint>> load(Workspace &workspace, const QString &datasetName);
};
