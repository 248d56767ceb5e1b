#include "core/statistics/predictionpoweredmean.h"

#include "core/statistics/distributions.h"
#include "core/statistics/meanestimate.h"

#include <algorithm>
#include <cmath>

namespace {

double mean(const QList<double> &values)
{
    return MeanEstimate::of(values).mean;
}

// Sample covariance (n − 1 in the denominator).
double covariance(const QList<double> &left, const QList<double> &right)
{
    const qsizetype n = std::min(left.size(), right.size());
    if (n < 2)
        return 0;
    const double leftMean = mean(left.mid(0, n));
    const double rightMean = mean(right.mid(0, n));
    double sum = 0;
    for (qsizetype i = 0; i < n; ++i)
        sum += (left[i] - leftMean) * (right[i] - rightMean);
    return sum / double(n - 1);
}

} // namespace

PredictionPoweredMean PredictionPoweredMean::of(const QList<double> &labelledJudge, const QList<double> &labelledHuman,
                                                const QList<double> &unlabelledJudge, bool tuned)
{
    PredictionPoweredMean result;
    const qsizetype n = std::min(labelledJudge.size(), labelledHuman.size());
    const qsizetype big = unlabelledJudge.size();
    result.labelled = n;
    result.unlabelled = big;
    const MeanEstimate human = MeanEstimate::of(labelledHuman.mid(0, n));
    result.humanMean = human.mean;
    result.humanCi95 = human.ci95;
    if (n < 2) {
        result.estimate = result.humanMean;
        return result;
    }
    // The labelled term uses n − 1 degrees of freedom, as the labels alone do: with a hundred labels
    // or fewer, Student's t keeps the interval's coverage at its nominal 95 %.
    const double quantile = Distributions::studentQuantile(0.975, double(n - 1));

    const double judgeVariance = covariance(labelledJudge + unlabelledJudge, labelledJudge + unlabelledJudge);
    double lambda = big > 0 ? 1.0 : 0.0;
    if (tuned && big > 0) {
        lambda = judgeVariance > 0
            ? covariance(labelledHuman, labelledJudge) / ((1 + double(n) / double(big)) * judgeVariance)
            : 0;
        lambda = std::clamp(lambda, 0.0, 1.0);
    }
    result.lambda = lambda;
    QList<double> rectifier;
    rectifier.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        rectifier.append(labelledHuman[i] - lambda * labelledJudge[i]);
    const double unlabelledMean = big > 0 ? mean(unlabelledJudge) : 0;
    result.estimate = mean(rectifier) + lambda * unlabelledMean;
    const double variance = covariance(rectifier, rectifier) / double(n)
        + (big > 1 ? lambda * lambda * covariance(unlabelledJudge, unlabelledJudge) / double(big) : 0);
    result.standardError = std::sqrt(variance);
    result.ci95
        = {result.estimate - quantile * result.standardError, result.estimate + quantile * result.standardError};
    return result;
}
