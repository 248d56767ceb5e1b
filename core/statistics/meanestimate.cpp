#include "core/statistics/meanestimate.h"

#include "core/statistics/distributions.h"

#include <QHash>

#include <cmath>

namespace {

Interval tInterval(double mean, double standardError, double degrees)
{
    if (degrees < 1 || !std::isfinite(standardError))
        return {};
    const double quantile = Distributions::studentQuantile(0.975, degrees);
    return {mean - quantile * standardError, mean + quantile * standardError};
}

} // namespace

MeanEstimate MeanEstimate::of(const QList<double> &values)
{
    MeanEstimate estimate;
    double sum = 0;
    for (double value : values) {
        if (std::isfinite(value)) {
            sum += value;
            ++estimate.count;
        }
    }
    if (estimate.count == 0)
        return estimate;
    estimate.mean = sum / double(estimate.count);
    if (estimate.count < 2)
        return estimate;
    double squares = 0;
    for (double value : values) {
        if (std::isfinite(value))
            squares += (value - estimate.mean) * (value - estimate.mean);
    }
    const auto n = double(estimate.count);
    estimate.standardDeviation = std::sqrt(squares / (n - 1));
    estimate.standardError = estimate.standardDeviation / std::sqrt(n);
    estimate.ci95 = tInterval(estimate.mean, estimate.standardError, n - 1);
    return estimate;
}

MeanEstimate MeanEstimate::clustered(const QList<double> &values, const QList<qint64> &groups)
{
    MeanEstimate estimate = of(values);
    if (estimate.count < 2 || groups.size() != values.size())
        return estimate;
    QHash<qint64, double> deviations; // group → Σ (x − x̄)
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (std::isfinite(values[i]))
            deviations[groups[i]] += values[i] - estimate.mean;
    }
    estimate.clusters = deviations.size();
    const auto groupCount = double(estimate.clusters);
    if (estimate.clusters < 2) {
        estimate.standardError = std::numeric_limits<double>::quiet_NaN();
        estimate.ci95 = {};
        return estimate;
    }
    double sum = 0;
    for (double deviation : std::as_const(deviations))
        sum += deviation * deviation;
    const auto n = double(estimate.count);
    estimate.standardError = std::sqrt(sum / (n * n) * groupCount / (groupCount - 1));
    estimate.ci95 = tInterval(estimate.mean, estimate.standardError, groupCount - 1);
    return estimate;
}

Interval MeanEstimate::wilson(qint64 successes, qint64 trials, double confidence)
{
    if (trials <= 0)
        return {};
    const double z = Distributions::normalQuantile(1 - (1 - confidence) / 2);
    const auto n = double(trials);
    const double p = double(successes) / n;
    const double z2 = z * z;
    const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    const double half = z / (1 + z2 / n) * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}
