#include "core/eval/metricstatistics.h"

#include "core/statistics/bootstrap.h"
#include "core/statistics/meanestimate.h"
#include "core/statistics/samplequantile.h"

#include <algorithm>
#include <cmath>

MetricSummary MetricStatistics::summarize(const QString &metric, const QList<double> &values, double threshold,
                                          const QList<qint64> &groups)
{
    QList<double> finite;
    QList<qint64> finiteGroups;
    finite.reserve(values.size());
    const bool grouped = !groups.isEmpty() && groups.size() == values.size();
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (!std::isfinite(values[i]))
            continue;
        finite.append(values[i]);
        if (grouped)
            finiteGroups.append(groups[i]);
    }
    MetricSummary summary;
    summary.metric = metric;
    summary.count = finite.size();
    if (finite.isEmpty())
        return summary;

    const MeanEstimate estimate = grouped ? MeanEstimate::clustered(finite, finiteGroups) : MeanEstimate::of(finite);
    summary.standardError = estimate.standardError;
    summary.ci95 = estimate.ci95;
    // Scores lie in [0, 1], and so does their mean: a t interval of a few items can reach past.
    if (summary.ci95.isKnown())
        summary.ci95 = {std::max(0.0, summary.ci95.low), std::min(1.0, summary.ci95.high)};
    summary.clusters = estimate.clusters;

    QList<double> sorted = finite;
    std::sort(sorted.begin(), sorted.end());
    // Summing in ascending order keeps the rounding error of many small scores low.
    double sum = 0;
    for (double value : sorted) {
        sum += value;
        if (passes(value, threshold))
            ++summary.passing;
    }
    summary.mean = sum / double(sorted.size());
    summary.median = quantile(sorted, 0.5);
    summary.medianCi95 = Bootstrap::quantile(sorted, 0.5);
    summary.p10 = quantile(sorted, 0.1);
    summary.min = sorted.first();
    summary.max = sorted.last();
    summary.passRate = double(summary.passing) / double(sorted.size());
    summary.passRateCi95 = MeanEstimate::wilson(summary.passing, summary.count);
    return summary;
}

bool MetricStatistics::crossesThreshold(const QList<double> &repeats, double threshold)
{
    const auto pass = [threshold](double value) { return passes(value, threshold); };
    return std::any_of(repeats.cbegin(), repeats.cend(), pass) && !std::all_of(repeats.cbegin(), repeats.cend(), pass);
}

double MetricStatistics::quantile(const QList<double> &sorted, double fraction)
{
    return SampleQuantile::of(sorted, fraction);
}
