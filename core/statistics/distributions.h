#pragma once

#include <QtGlobal>

// The distribution functions the workbench's statistics need, to double precision, so that every
// p-value and interval agrees with scipy.stats to 1e-9 (tst_statistics checks it against scipy).
class Distributions
{
public:
    static double normalCdf(double x);
    // The x with normalCdf(x) = probability, for 0 < probability < 1.
    static double normalQuantile(double probability);

    // Student's t with `degrees` degrees of freedom (> 0).
    static double studentCdf(double t, double degrees);
    static double studentQuantile(double probability, double degrees);
    // P(|T| ≥ |t|): the two-sided p-value of a t statistic, accurate in the far tail too.
    static double studentTwoSidedP(double t, double degrees);

    // The exact two-sided p-value of `successes` out of `trials` under p = 0.5 (the sign test),
    // as scipy.stats.binomtest(k, n).pvalue gives.
    static double signTestP(qint64 successes, qint64 trials);

    // I_x(a, b), the regularized incomplete beta function, for a, b > 0 and 0 ≤ x ≤ 1.
    static double incompleteBeta(double a, double b, double x);
};
