#pragma once

#include "eval/evaltypes.h"

#include <QList>
#include <QString>

// Summary statistics of one metric over the items that have a value.
class MetricStatistics
{
public:
    // count, mean, median, p10, min, max and the share of values at or above `threshold`. Values
    // that are not finite are left out. No values: every field 0 and count 0.
    static MetricSummary summarize(const QString &metric, QList<double> values, double threshold);

    // SampleQuantile::of (type 7, as numpy's default); the median is the 0.5 quantile.
    static double quantile(const QList<double> &sorted, double fraction);
};
