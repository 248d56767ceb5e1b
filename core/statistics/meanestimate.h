#pragma once

#include "core/statistics/interval.h"

#include <QList>
#include <QtGlobal>

// A mean with its uncertainty (E. Miller, "Adding Error Bars to Evals", arXiv 2411.00640): the
// standard error from the central limit theorem, or clustered when items share a group (several
// questions about one source document are not independent evidence), and the 95 % interval with
// Student's t quantile, which is the CLT's 1.96 for many items and covers better for few.
struct MeanEstimate
{
    qint64 count = 0;
    double mean = 0;
    double standardDeviation = 0; // sample SD (n − 1)
    double standardError = 0;
    Interval ci95;
    qint64 clusters = 0; // > 0: the standard error is clustered over this many groups

    // Non-finite values are left out. Fewer than two values: no interval.
    static MeanEstimate of(const QList<double> &values);
    // `groups[i]` names the group of values[i] (same length). The cluster-robust variance
    // Σ_g (Σ_{i∈g} (x_i − x̄))² / n² with the G / (G − 1) small-sample factor, t with G − 1
    // degrees of freedom; one item per group gives exactly of()'s figures.
    static MeanEstimate clustered(const QList<double> &values, const QList<qint64> &groups);

    // Wilson's score interval for a proportion `successes` of `trials`, which keeps to [0, 1] and
    // stays honest at 0 % and 100 %, where the normal interval collapses.
    static Interval wilson(qint64 successes, qint64 trials, double confidence = 0.95);
};
