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

    // The `fraction` quantile (0…1) of ascending `sorted` values by linear interpolation between the
    // closest ranks: rank h = (n − 1) · fraction, result x[⌊h⌋] + (h − ⌊h⌋) · (x[⌊h⌋+1] − x[⌊h⌋]).
    // This is Hyndman & Fan's type 7, the default of numpy, R and spreadsheets' PERCENTILE.INC, so a
    // user can check our p10 with the tool at hand. The median is the 0.5 quantile. 0 when empty.
    static double quantile(const QList<double> &sorted, double fraction);
};
