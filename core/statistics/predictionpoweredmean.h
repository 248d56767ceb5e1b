#pragma once

#include "core/statistics/interval.h"

#include <QList>

// Prediction-powered inference for a mean (Angelopoulos et al., Science 2023, with the power tuning
// of PPI++, 2023): the judge scores every item, people label a random few; the people's labels
// correct the judge's bias, and the judge's many scores shrink the interval below what the labels
// alone would give. The estimate is
//     θ = mean(Y) + λ·(mean(f over unlabelled) − mean(f over labelled))
// with Y the human labels and f the judge's scores. λ = 1 is classic PPI; the tuned λ minimises the
// variance, and λ = 0 falls back to the labels alone, so the interval is never much wider than
// theirs. Valid when the labelled items are a random sample of all items.
struct PredictionPoweredMean
{
    qint64 labelled = 0;
    qint64 unlabelled = 0;
    double estimate = 0;
    double standardError = 0;
    double lambda = 0;
    Interval ci95;
    double humanMean = 0; // the labels alone, for comparison
    Interval humanCi95;

    // `labelledJudge[i]` and `labelledHuman[i]` are the judge's score and the people's label of the
    // i-th labelled item; `unlabelledJudge` the judge's scores of the items nobody labelled.
    static PredictionPoweredMean of(const QList<double> &labelledJudge, const QList<double> &labelledHuman,
                                    const QList<double> &unlabelledJudge, bool tuned = true);
};
