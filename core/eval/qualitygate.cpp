#include "core/eval/qualitygate.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace {

// A mean is a sum of floating-point scores divided by their count, so the mean of 0.7 and 0.9 may land
// a hair below 0.8. Comparing with this tolerance keeps such a run from failing a ">= 0.8" gate.
constexpr double tolerance = 1e-9;

bool holds(const QString &op, double value, double threshold)
{
    if (op == QLatin1String(">="))
        return value >= threshold - tolerance;
    if (op == QLatin1String(">"))
        return value > threshold + tolerance;
    if (op == QLatin1String("<="))
        return value <= threshold + tolerance;
    return value < threshold - tolerance;
}

} // namespace

Result<Gate> QualityGate::parse(const QString &text)
{
    static const QRegularExpression regression(
        QStringLiteral("^\\s*([A-Za-z][A-Za-z0-9_.\\-]*)\\s*:\\s*no-regression\\s*$"));
    if (const QRegularExpressionMatch match = regression.match(text); match.hasMatch()) {
        Gate gate;
        gate.metric = match.captured(1);
        gate.statistic = Gate::Statistic::NoRegression;
        return gate;
    }
    static const QRegularExpression pattern(QStringLiteral(
        "^\\s*([A-Za-z][A-Za-z0-9_.\\-]*)\\s*(>=|<=|>|<)\\s*([0-9]*\\.?[0-9]+)\\s*(?:@\\s*(lower95|upper95))?\\s*$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        return makeError(
            Error::Kind::Usage,
            QStringLiteral("gate \"%1\" is not understood: expected METRIC OP NUMBER such as "
                           "faithfulness>=0.8 (OP one of >=, >, <=, <), optionally @lower95 or @upper95 "
                           "to compare a bound of the 95 % interval, or METRIC:no-regression with --baseline")
                .arg(text),
            QStringLiteral("--gate"));
    }
    Gate gate;
    gate.metric = match.captured(1);
    gate.op = match.captured(2);
    gate.threshold = match.captured(3).toDouble();
    if (match.captured(4) == QLatin1String("lower95"))
        gate.statistic = Gate::Statistic::Lower95;
    else if (match.captured(4) == QLatin1String("upper95"))
        gate.statistic = Gate::Statistic::Upper95;
    // A lower bound that must stay below a limit, or an upper one above it, would let noise pass:
    // the bound that guards a gate is the one on the side the gate fears.
    const bool below = gate.op.startsWith(QLatin1Char('<'));
    if ((gate.statistic == Gate::Statistic::Lower95 && below)
        || (gate.statistic == Gate::Statistic::Upper95 && !below)) {
        return makeError(Error::Kind::Usage,
                         QStringLiteral("gate \"%1\": use @lower95 with >= or > and @upper95 with <= or <, so that the "
                                        "interval's far side must clear the threshold")
                             .arg(text),
                         QStringLiteral("--gate"));
    }
    if (gate.threshold > 1.0) {
        return makeError(Error::Kind::Usage,
                         QStringLiteral("gate \"%1\" compares with %2, but scores run from 0 to 1 "
                                        "(write 0.8, not 80)")
                             .arg(text, match.captured(3)),
                         QStringLiteral("--gate"));
    }
    return gate;
}

void QualityGate::evaluate(QList<Gate> &gates, const QList<MetricSummary> &summaries)
{
    for (Gate &gate : gates) {
        if (gate.statistic == Gate::Statistic::NoRegression)
            continue; // evaluateRegression()
        gate.value.reset();
        gate.passed = false;
        gate.figures.clear();
        for (const MetricSummary &summary : summaries) {
            if (summary.metric != gate.metric || summary.count == 0)
                continue;
            gate.figures = describeFigures(summary);
            if (gate.statistic == Gate::Statistic::Mean) {
                gate.value = summary.mean;
            } else {
                const double bound = gate.statistic == Gate::Statistic::Lower95 ? summary.ci95.low : summary.ci95.high;
                // Too few items for an interval: nothing shows that the bound clears the threshold.
                if (!std::isfinite(bound))
                    break;
                gate.value = bound;
            }
            gate.passed = holds(gate.op, *gate.value, gate.threshold);
            break;
        }
    }
}

void QualityGate::evaluateRegression(QList<Gate> &gates, const QList<RegressionCheck> &checks, const QString &missing)
{
    for (Gate &gate : gates) {
        if (gate.statistic != Gate::Statistic::NoRegression)
            continue;
        gate.value.reset();
        gate.passed = false;
        gate.figures = missing;
        for (const RegressionCheck &check : checks) {
            if (check.metric != gate.metric)
                continue;
            gate.figures = check.figures;
            if (check.pairs < 2)
                break;
            gate.value = check.meanDifference;
            gate.passed = !check.worse;
            break;
        }
        if (gate.figures.isEmpty())
            gate.figures = QStringLiteral("%1 was not scored in both runs").arg(gate.metric);
    }
}

QString QualityGate::describeFigures(const MetricSummary &summary)
{
    const auto score = [](double value) { return QString::number(value, 'f', 3); };
    if (!summary.ci95.isKnown())
        return QStringLiteral("mean %1, n %2, too few %3 for an interval")
            .arg(score(summary.mean), QString::number(summary.count),
                 summary.clusters > 0 ? QStringLiteral("clusters") : QStringLiteral("items"));
    QString text
        = QStringLiteral("mean %1, SE %2, 95 % CI %3–%4, n %5")
              .arg(score(summary.mean), score(summary.standardError), score(summary.ci95.low), score(summary.ci95.high))
              .arg(summary.count);
    if (summary.clusters > 0)
        text += QStringLiteral(" in %1 clusters").arg(summary.clusters);
    return text;
}

bool QualityGate::allPassed(const QList<Gate> &gates)
{
    return std::all_of(gates.cbegin(), gates.cend(), [](const Gate &gate) { return gate.passed; });
}

QString QualityGate::describe(const Gate &gate)
{
    switch (gate.statistic) {
    case Gate::Statistic::NoRegression:
        return QStringLiteral("%1 no regression").arg(gate.metric);
    case Gate::Statistic::Lower95:
        return QStringLiteral("%1 %2 %3 (lower 95% bound)").arg(gate.metric, gate.op, QString::number(gate.threshold));
    case Gate::Statistic::Upper95:
        return QStringLiteral("%1 %2 %3 (upper 95% bound)").arg(gate.metric, gate.op, QString::number(gate.threshold));
    case Gate::Statistic::Mean:
        break;
    }
    return QStringLiteral("%1 %2 %3").arg(gate.metric, gate.op, QString::number(gate.threshold));
}

QString QualityGate::failureMessage(const Gate &gate)
{
    if (gate.passed)
        return {};
    if (gate.statistic == Gate::Statistic::NoRegression)
        return gate.value ? QStringLiteral("worse than the baseline: %1").arg(gate.figures) : gate.figures;
    if (!gate.value) {
        if (!gate.figures.isEmpty())
            return QStringLiteral("no 95% interval: %1").arg(gate.figures);
        return QStringLiteral("%1 has no scores in this run").arg(gate.metric);
    }
    const QString what = gate.statistic == Gate::Statistic::Mean ? QStringLiteral("mean")
        : gate.statistic == Gate::Statistic::Lower95             ? QStringLiteral("lower 95% bound")
                                                                 : QStringLiteral("upper 95% bound");
    const QString value = formatScore(*gate.value, gate.threshold);
    const QString threshold = QString::number(gate.threshold);
    QString verdict;
    if (gate.op == QLatin1String(">="))
        verdict = QStringLiteral("%1 %2 is below %3").arg(what, value, threshold);
    else if (gate.op == QLatin1String(">"))
        verdict = QStringLiteral("%1 %2 is not above %3").arg(what, value, threshold);
    else if (gate.op == QLatin1String("<="))
        verdict = QStringLiteral("%1 %2 is above %3").arg(what, value, threshold);
    else
        verdict = QStringLiteral("%1 %2 is not below %3").arg(what, value, threshold);
    if (gate.statistic != Gate::Statistic::Mean && !gate.figures.isEmpty())
        verdict += QStringLiteral(" (%1)").arg(gate.figures);
    return verdict;
}

QString QualityGate::formatScore(double value, double threshold)
{
    for (int decimals = 2; decimals < 6; ++decimals) {
        const QString text = QString::number(value, 'f', decimals);
        const bool distinct
            = std::abs(value - threshold) <= tolerance || text != QString::number(threshold, 'f', decimals);
        if (distinct)
            return text;
    }
    return QString::number(value, 'f', 6);
}
