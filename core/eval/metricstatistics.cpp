#include "eval/metricstatistics.h"

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
    if (sorted.isEmpty())
        return 0;
    const double rank = double(sorted.size() - 1) * std::clamp(fraction, 0.0, 1.0);
    const auto lower = qsizetype(std::floor(rank));
    if (lower + 1 >= sorted.size())
        return sorted.last();
    return sorted[lower] + (rank - double(lower)) * (sorted[lower + 1] - sorted[lower]);
}
