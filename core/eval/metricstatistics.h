#pragma once

#include "core/eval/evaltypes.h"

#include <QList>
#include <QString>

// Summary statistics of one metric over the items that have a value.
class MetricStatistics
{
public:
    // count, mean, median, p10, min, max and the share of values at or above `threshold`, with the
    // mean's standard error and 95 % interval (MeanEstimate; clustered when `groups` names each
    // value's group), Wilson's interval for the pass rate and a bootstrap interval for the median.
    // Values that are not finite are left out. No values: every field 0 and count 0.
    static MetricSummary summarize(const QString &metric, const QList<double> &values, double threshold,
                                   const QList<qint64> &groups = {});

    // SampleQuantile::of (type 7, as numpy's default); the median is the 0.5 quantile.
    static double quantile(const QList<double> &sorted, double fraction);

    // The one pass rule: a stored score passes when it is at or above its metric's threshold. Compared
    // at float precision, because the item table keeps its scores as floats: a stored 0.7 read back as
    // 0.69999999 must pass a 0.7 threshold there exactly as it does in summaries, gates and reports.
    static bool passes(double value, double threshold) { return float(value) >= float(threshold); }
    // Whether repeated scores of one item fall on both sides of the threshold: its verdict is a coin toss.
    static bool crossesThreshold(const QList<double> &repeats, double threshold);
};
