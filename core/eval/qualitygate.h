#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"

#include <QList>
#include <QString>

// The paired comparison's word on one metric against the baseline run (RunComparison gives it).
struct RegressionCheck
{
    QString metric;
    qint64 pairs = 0;
    double meanDifference = 0; // run − baseline
    bool worse = false; // the verdict after Holm's correction
    QString figures;
};

// Quality gates for CI: `faithfulness>=0.8` holds when the run's mean faithfulness is at least 0.8;
// `@lower95` compares the interval's bound instead, `:no-regression` the paired verdict.
class QualityGate
{
public:
    // "METRIC OP NUMBER[@lower95|@upper95]" with OP one of >=, >, <=, < and spaces allowed around
    // it, the number a score between 0 and 1; or "METRIC:no-regression". Anything else is a Usage
    // error naming the text and the expected forms.
    static Result<Gate> parse(const QString &text);

    // Sets each gate's value to its metric's mean and whether it passed. A metric with no values (or no
    // summary) fails its gate and has no value: a gate nobody measured is not a passed gate.
    // A bound gate without an interval (fewer than two scores) fails too. No-regression gates are
    // left to evaluateRegression().
    static void evaluate(QList<Gate> &gates, const QList<MetricSummary> &summaries);
    // Sets the no-regression gates from the comparison with the baseline; a gate whose metric has
    // no check (no baseline, or not scored in both) fails with `missing` as its figures.
    static void evaluateRegression(QList<Gate> &gates, const QList<RegressionCheck> &checks, const QString &missing);
    // "mean 0.812, SE 0.011, 95 % CI 0.790–0.834, n 200"
    static QString describeFigures(const MetricSummary &summary);

    static bool allPassed(const QList<Gate> &gates);

    // "faithfulness >= 0.8", "faithfulness >= 0.8 (lower 95% bound)", "faithfulness no regression"
    static QString describe(const Gate &gate);

    // Why an evaluated gate failed: "mean 0.62 is below 0.8"; empty when it passed.
    static QString failureMessage(const Gate &gate);

    // A score as reports print it: two decimals, or as many more (up to six) as it takes to tell it
    // apart from `threshold`, so a mean of 0.7996 never reads "0.80 is below 0.8".
    static QString formatScore(double value, double threshold);
};
