#pragma once

#include "common/result.h"
#include "eval/evaltypes.h"

#include <QList>
#include <QString>

// Quality gates for CI: `faithfulness>=0.8` holds when the run's mean faithfulness is at least 0.8.
class QualityGate
{
public:
    // "METRIC OP NUMBER" with OP one of >=, >, <=, < and spaces allowed around it; the number is a
    // score between 0 and 1. Anything else is a Usage error naming the text and the expected form.
    static Result<Gate> parse(const QString &text);

    // Sets each gate's value to its metric's mean and whether it passed. A metric with no values (or no
    // summary) fails its gate and has no value: a gate nobody measured is not a passed gate.
    static void evaluate(QList<Gate> &gates, const QList<MetricSummary> &summaries);

    static bool allPassed(const QList<Gate> &gates);

    // "faithfulness >= 0.8"
    static QString describe(const Gate &gate);

    // Why an evaluated gate failed: "mean 0.62 is below 0.8"; empty when it passed.
    static QString failureMessage(const Gate &gate);

    // A score as reports print it: two decimals, or as many more (up to six) as it takes to tell it
    // apart from `threshold`, so a mean of 0.7996 never reads "0.80 is below 0.8".
    static QString formatScore(double value, double threshold);
};
