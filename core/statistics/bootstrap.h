#pragma once

#include "core/statistics/interval.h"

#include <QList>

#include <functional>

// Percentile bootstrap intervals for statistics that are not means, seeded so that the same data
// always gives the same interval.
class Bootstrap
{
public:
    static constexpr int defaultResamples = 2000;
    static constexpr quint64 defaultSeed = 20241104;

    // Resamples `values` with replacement and takes the 2.5 % and 97.5 % points of `statistic`.
    static Interval percentile(const QList<double> &values,
                               const std::function<double(const QList<double> &)> &statistic,
                               int resamples = defaultResamples, quint64 seed = defaultSeed);

    // The same for the type-7 `fraction` quantile of ascending `sorted` values, in time independent
    // of their number: a resample's k-th smallest draw of n is sorted[⌊n·U⌋] with U the k-th order
    // statistic of n uniforms, which is Beta(k, n − k + 1); the next one up follows from U. So the
    // interval of a 100,000-item median costs two thousand draws, not two hundred million.
    static Interval quantile(const QList<double> &sorted, double fraction, int resamples = defaultResamples,
                             quint64 seed = defaultSeed);
};
