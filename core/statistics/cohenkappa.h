#pragma once

#include "core/statistics/interval.h"

#include <QList>

#include <optional>

// Cohen's κ between two raters who each put the same items into categories (small integers, e.g.
// 0 fail and 1 pass): how much more they agree than two raters who assign the same category shares
// at random would. κ is 1 for perfect agreement and 0 for agreement by chance alone; it is unknown
// when chance agreement is already certain (both raters always say the same one category).
struct KappaEstimate
{
    qint64 pairs = 0; // rated items compared
    double agreement = 0; // observed share of equal ratings
    std::optional<double> kappa;
    Interval ci95; // seeded percentile bootstrap over clusters (items)
};

class CohenKappa
{
public:
    // κ of the paired ratings; `first` and `second` have one entry per rated item.
    static std::optional<double> of(const QList<int> &first, const QList<int> &second);
    static double agreement(const QList<int> &first, const QList<int> &second);

    // κ with its bootstrap interval. `clusters`, when given, names each pair's cluster (the item a
    // label belongs to when several people labelled it): the bootstrap draws whole clusters, so an
    // item labelled twice does not count as two independent pieces of evidence.
    static KappaEstimate estimate(const QList<int> &first, const QList<int> &second,
                                  const QList<qint64> &clusters = {});
};
