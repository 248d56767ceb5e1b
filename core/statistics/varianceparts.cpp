#include "core/statistics/varianceparts.h"

#include <algorithm>
#include <cmath>

namespace {

double mean(const QList<double> &values)
{
    double sum = 0;
    for (double value : values)
        sum += value;
    return values.isEmpty() ? 0 : sum / double(values.size());
}

double sampleVariance(const QList<double> &values)
{
    if (values.size() < 2)
        return 0;
    const double centre = mean(values);
    double squares = 0;
    for (double value : values)
        squares += (value - centre) * (value - centre);
    return squares / double(values.size() - 1);
}

bool usable(const QList<QList<double>> &matrix, qsizetype rows, qsizetype columns)
{
    if (matrix.size() < rows)
        return false;
    for (qsizetype row = 0; row < rows; ++row) {
        if (matrix[row].size() < columns)
            return false;
        for (qsizetype column = 0; column < columns; ++column) {
            if (!std::isfinite(matrix[row][column]))
                return false;
        }
    }
    return true;
}

} // namespace

VarianceParts VarianceParts::estimate(const QList<QList<QList<double>>> &scores)
{
    VarianceParts parts;
    if (scores.isEmpty() || scores.first().isEmpty())
        return parts;
    const qsizetype generations = scores.first().size();
    const qsizetype judgeCalls = scores.first().first().size();
    if (judgeCalls == 0)
        return parts;
    double judgeVariance = 0; // mean within-answer variance
    double generationVariance = 0; // mean within-item variance of answer means
    QList<double> itemMeans;
    for (const QList<QList<double>> &matrix : scores) {
        if (!usable(matrix, generations, judgeCalls))
            continue;
        QList<double> answerMeans;
        for (qsizetype row = 0; row < generations; ++row) {
            const QList<double> calls = matrix[row].mid(0, judgeCalls);
            judgeVariance += sampleVariance(calls);
            answerMeans.append(mean(calls));
        }
        generationVariance += sampleVariance(answerMeans);
        itemMeans.append(mean(answerMeans));
    }
    parts.items = itemMeans.size();
    if (parts.items == 0)
        return parts;
    const auto k = double(generations);
    const auto j = double(judgeCalls);
    judgeVariance /= double(parts.items) * k;
    generationVariance /= double(parts.items);
    parts.betweenJudgeCalls = judgeCalls > 1 ? judgeVariance : 0;
    // An answer mean's spread holds the judge's noise divided by J; take it out.
    parts.betweenGenerations = generations > 1 ? std::max(0.0, generationVariance - parts.betweenJudgeCalls / j) : 0;
    parts.betweenItems
        = std::max(0.0, sampleVariance(itemMeans) - parts.betweenGenerations / k - parts.betweenJudgeCalls / (k * j));
    return parts;
}
