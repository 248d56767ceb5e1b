#pragma once

#include "core/statistics/interval.h"

#include <QList>
#include <QString>
#include <QtGlobal>

// Two runs' scores on the same items, item i of `a` beside item i of `b`.
struct PairedDifference
{
    qint64 count = 0;
    double meanA = 0;
    double meanB = 0;
    double meanDifference = 0; // b − a
    double standardDeviation = 0; // of the per-item differences
    double standardError = 0;
    Interval ci95;
    double tStatistic = 0;
    double pValue = 1; // two-sided, paired t-test (scipy.stats.ttest_rel)
    double correlation = 0; // Pearson's r between the runs; NaN when a run's scores do not vary
};

class PairedTest
{
public:
    enum class Verdict { Better, Worse, NoDifference };

    // Pairs with a non-finite score on either side are left out. Fewer than two pairs: count and
    // means only, p-value 1 and no interval.
    static PairedDifference tTest(const QList<double> &a, const QList<double> &b);

    // Holm's step-down adjustment of p-values tested together, in their given order: the family-wise
    // error stays at α however many metrics are compared.
    static QList<double> holm(const QList<double> &pValues);

    // Better or worse when the (adjusted) p-value is under alpha, by the sign of b − a; otherwise no
    // difference can be told from noise at this many items.
    static Verdict verdict(double meanDifference, double pValue, double alpha = 0.05);
    // "better", "worse", "no-difference": the JSON and CLI names.
    static QString verdictName(Verdict verdict);

    // The smallest true difference a paired test at `alpha` finds with probability `power`, given the
    // standard error of the mean difference: (z₁₋α/₂ + z_power) · SE.
    static double minimumDetectable(double standardError, double alpha = 0.05, double power = 0.8);
};
