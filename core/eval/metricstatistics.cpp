#include "eval/metricstatistics.h"

#include "statistics/samplequantile.h"

#include <algorithm>
#include <cmath>

MetricSummary MetricStatistics::summarize(const QString &metric, QList<double> values, double threshold)
{
    values.removeIf([](double value) { return !std::isfinite(value); });
    MetricSummary summary;
    summary.metric = metric;
    summary.count = values.size();
    if (values.isEmpty())
        return summary;

    std::sort(values.begin(), values.end());
    // Summing in ascending order keeps the rounding error of many small scores low.
    double sum = 0;
    qsizetype passing = 0;
    for (double value : values) {
        sum += value;
        if (value >= threshold)
            ++passing;
    }
    summary.mean = sum / double(values.size());
    summary.median = quantile(values, 0.5);
    summary.p10 = quantile(values, 0.1);
    summary.min = values.first();
    summary.max = values.last();
    summary.passRate = double(passing) / double(values.size());
    return summary;
}

double MetricStatistics::quantile(const QList<double> &sorted, double fraction)
{
    return SampleQuantile::of(sorted, fraction);
}
