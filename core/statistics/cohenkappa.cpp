#include "core/statistics/cohenkappa.h"

#include "core/statistics/bootstrap.h"

#include <QHash>
#include <QMap>

#include <cmath>

std::optional<double> CohenKappa::of(const QList<int> &first, const QList<int> &second)
{
    const qsizetype n = std::min(first.size(), second.size());
    if (n == 0)
        return std::nullopt;
    QMap<int, qint64> firstCounts;
    QMap<int, qint64> secondCounts;
    qint64 equal = 0;
    for (qsizetype i = 0; i < n; ++i) {
        ++firstCounts[first[i]];
        ++secondCounts[second[i]];
        equal += first[i] == second[i] ? 1 : 0;
    }
    const double total = double(n);
    double chance = 0;
    for (auto it = firstCounts.cbegin(); it != firstCounts.cend(); ++it)
        chance += (double(it.value()) / total) * (double(secondCounts.value(it.key())) / total);
    if (1 - chance <= 1e-12)
        return std::nullopt;
    return (double(equal) / total - chance) / (1 - chance);
}

double CohenKappa::agreement(const QList<int> &first, const QList<int> &second)
{
    const qsizetype n = std::min(first.size(), second.size());
    qint64 equal = 0;
    for (qsizetype i = 0; i < n; ++i)
        equal += first[i] == second[i] ? 1 : 0;
    return n > 0 ? double(equal) / double(n) : 0;
}

KappaEstimate CohenKappa::estimate(const QList<int> &first, const QList<int> &second, const QList<qint64> &clusters)
{
    KappaEstimate result;
    result.pairs = std::min(first.size(), second.size());
    result.agreement = agreement(first, second);
    result.kappa = of(first, second);
    if (result.pairs < 2)
        return result;
    // The pairs of each cluster, in first-seen order, so a resample of clusters is a list of pairs.
    QList<QList<qsizetype>> members;
    QHash<qint64, qsizetype> slot;
    for (qsizetype i = 0; i < result.pairs; ++i) {
        const qint64 cluster = clusters.size() == first.size() ? clusters[i] : qint64(i);
        if (!slot.contains(cluster)) {
            slot.insert(cluster, members.size());
            members.emplaceBack();
        }
        members[slot.value(cluster)].append(i);
    }
    QList<double> clusterIndexes;
    for (qsizetype i = 0; i < members.size(); ++i)
        clusterIndexes.append(double(i));
    // A resample in which chance agreement is certain has no κ; it is counted as agreement by chance
    // (0), the conservative reading, rather than dropped, which would narrow the interval.
    const auto statistic = [&](const QList<double> &sample) {
        QList<int> left;
        QList<int> right;
        for (double index : sample)
            for (qsizetype pair : members[qsizetype(index)]) {
                left.append(first[pair]);
                right.append(second[pair]);
            }
        return of(left, right).value_or(0.0);
    };
    result.ci95 = Bootstrap::percentile(clusterIndexes, statistic);
    return result;
}
