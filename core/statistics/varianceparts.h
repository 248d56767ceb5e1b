#pragma once

#include <QList>

// Where the spread of a repeated evaluation comes from: each item was answered K times and each
// answer judged J times, so a score y[i][g][j] varies between items, between generations of one
// item and between judge calls on one answer. Estimated by the method of moments of the nested
// (hierarchical) analysis of variance; components that come out negative are reported as 0.
struct VarianceParts
{
    double betweenItems = 0;
    double betweenGenerations = 0;
    double betweenJudgeCalls = 0;
    qsizetype items = 0;

    double total() const { return betweenItems + betweenGenerations + betweenJudgeCalls; }
    double share(double part) const { return total() > 0 ? part / total() : 0; }

    // One K × J matrix per item (rows: generations, columns: judge calls). Items with fewer rows or
    // columns than the first one, or with a missing (non-finite) value, are left out.
    static VarianceParts estimate(const QList<QList<QList<double>>> &scores);
};
