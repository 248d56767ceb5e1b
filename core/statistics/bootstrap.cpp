#include "core/statistics/bootstrap.h"

#include "core/statistics/samplequantile.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace {

Interval percentiles(QList<double> statistics)
{
    std::sort(statistics.begin(), statistics.end());
    return {SampleQuantile::of(statistics, 0.025), SampleQuantile::of(statistics, 0.975)};
}

double betaDraw(std::mt19937_64 &random, double a, double b)
{
    std::gamma_distribution<double> first(a, 1.0);
    std::gamma_distribution<double> second(b, 1.0);
    const double x = first(random);
    const double y = second(random);
    return x / (x + y);
}

} // namespace

Interval Bootstrap::percentile(const QList<double> &values,
                               const std::function<double(const QList<double> &)> &statistic, int resamples,
                               quint64 seed)
{
    if (values.size() < 2 || resamples < 2)
        return {};
    std::mt19937_64 random(seed);
    std::uniform_int_distribution<qsizetype> pick(0, values.size() - 1);
    QList<double> sample(values.size());
    QList<double> statistics;
    statistics.reserve(resamples);
    for (int resample = 0; resample < resamples; ++resample) {
        for (double &value : sample)
            value = values[pick(random)];
        statistics.append(statistic(sample));
    }
    return percentiles(std::move(statistics));
}

Interval Bootstrap::quantile(const QList<double> &sorted, double fraction, int resamples, quint64 seed)
{
    const qsizetype n = sorted.size();
    if (n < 2 || resamples < 2)
        return {};
    const double rank = double(n - 1) * std::clamp(fraction, 0.0, 1.0); // 0-based, as SampleQuantile::of
    const auto lower = qsizetype(std::floor(rank));
    const double weight = rank - double(lower);
    const auto k = double(lower + 1); // 1-based order of the lower draw
    std::mt19937_64 random(seed);
    const auto valueAt
        = [&](double uniform) { return sorted[std::min(n - 1, qsizetype(std::floor(uniform * double(n))))]; };
    QList<double> statistics;
    statistics.reserve(resamples);
    for (int resample = 0; resample < resamples; ++resample) {
        const double u = betaDraw(random, k, double(n) - k + 1);
        double value = valueAt(u);
        if (weight > 0 && lower + 1 < n) {
            // The next order statistic: U + (1 − U)·Beta(1, n − k).
            const double next = u + (1 - u) * betaDraw(random, 1, double(n) - k);
            value += weight * (valueAt(next) - value);
        }
        statistics.append(value);
    }
    return percentiles(std::move(statistics));
}
