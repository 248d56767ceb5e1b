#include "core/statistics/pairedtest.h"

#include "core/statistics/distributions.h"

#include <algorithm>
#include <cmath>
#include <numeric>

PairedDifference PairedTest::tTest(const QList<double> &a, const QList<double> &b)
{
    PairedDifference result;
    QList<double> left;
    QList<double> right;
    const qsizetype size = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < size; ++i) {
        if (std::isfinite(a[i]) && std::isfinite(b[i])) {
            left.append(a[i]);
            right.append(b[i]);
        }
    }
    result.count = left.size();
    if (result.count == 0)
        return result;
    const auto n = double(result.count);
    result.meanA = std::accumulate(left.cbegin(), left.cend(), 0.0) / n;
    result.meanB = std::accumulate(right.cbegin(), right.cend(), 0.0) / n;
    double differenceSum = 0;
    for (qsizetype i = 0; i < left.size(); ++i)
        differenceSum += right[i] - left[i];
    result.meanDifference = differenceSum / n;
    if (result.count < 2)
        return result;
    double squares = 0;
    double crossAB = 0, squaresA = 0, squaresB = 0;
    for (qsizetype i = 0; i < left.size(); ++i) {
        const double deviation = (right[i] - left[i]) - result.meanDifference;
        squares += deviation * deviation;
        const double da = left[i] - result.meanA;
        const double db = right[i] - result.meanB;
        crossAB += da * db;
        squaresA += da * da;
        squaresB += db * db;
    }
    result.correlation = squaresA > 0 && squaresB > 0 ? crossAB / std::sqrt(squaresA * squaresB)
                                                      : std::numeric_limits<double>::quiet_NaN();
    result.standardDeviation = std::sqrt(squares / (n - 1));
    result.standardError = result.standardDeviation / std::sqrt(n);
    const double quantile = Distributions::studentQuantile(0.975, n - 1);
    result.ci95 = {result.meanDifference - quantile * result.standardError,
                   result.meanDifference + quantile * result.standardError};
    // Every item moved by exactly the same amount: no noise at all, so any change is certain and
    // none is none.
    if (result.standardError == 0) {
        const bool moved = std::abs(result.meanDifference) > 1e-12;
        result.tStatistic = moved ? std::copysign(std::numeric_limits<double>::infinity(), result.meanDifference) : 0;
        result.pValue = moved ? 0 : 1;
        return result;
    }
    result.tStatistic = result.meanDifference / result.standardError;
    result.pValue = Distributions::studentTwoSidedP(result.tStatistic, n - 1);
    return result;
}

QList<double> PairedTest::holm(const QList<double> &pValues)
{
    const qsizetype m = pValues.size();
    QList<qsizetype> order(m);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype x, qsizetype y) { return pValues[x] < pValues[y]; });
    QList<double> adjusted(m, 1.0);
    double running = 0;
    for (qsizetype rank = 0; rank < m; ++rank) {
        const qsizetype index = order[rank];
        running = std::max(running, std::min(1.0, double(m - rank) * pValues[index]));
        adjusted[index] = running;
    }
    return adjusted;
}

double PairedTest::minimumDetectable(double standardError, double alpha, double power)
{
    return (Distributions::normalQuantile(1 - alpha / 2) + Distributions::normalQuantile(power)) * standardError;
}

PairedTest::Verdict PairedTest::verdict(double meanDifference, double pValue, double alpha)
{
    if (!(pValue < alpha) || meanDifference == 0)
        return Verdict::NoDifference;
    return meanDifference > 0 ? Verdict::Better : Verdict::Worse;
}

QString PairedTest::verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Better:
        return QStringLiteral("better");
    case Verdict::Worse:
        return QStringLiteral("worse");
    case Verdict::NoDifference:
        break;
    }
    return QStringLiteral("no-difference");
}
