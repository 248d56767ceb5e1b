#include "eval/qualitygate.h"

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
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*([A-Za-z][A-Za-z0-9_.\\-]*)\\s*(>=|<=|>|<)\\s*([0-9]*\\.?[0-9]+)\\s*$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        return makeError(Error::Kind::Usage,
                         QStringLiteral("gate \"%1\" is not understood: expected METRIC OP NUMBER such as "
                                        "faithfulness>=0.8, with OP one of >=, >, <=, <")
                             .arg(text),
                         QStringLiteral("--gate"));
    }
    Gate gate;
    gate.metric = match.captured(1);
    gate.op = match.captured(2);
    gate.threshold = match.captured(3).toDouble();
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
        gate.value.reset();
        gate.passed = false;
        for (const MetricSummary &summary : summaries) {
            if (summary.metric == gate.metric && summary.count > 0) {
                gate.value = summary.mean;
                gate.passed = holds(gate.op, summary.mean, gate.threshold);
                break;
            }
        }
    }
}

bool QualityGate::allPassed(const QList<Gate> &gates)
{
    return std::all_of(gates.cbegin(), gates.cend(), [](const Gate &gate) { return gate.passed; });
}

QString QualityGate::describe(const Gate &gate)
{
    return QStringLiteral("%1 %2 %3").arg(gate.metric, gate.op, QString::number(gate.threshold));
}

QString QualityGate::failureMessage(const Gate &gate)
{
    if (gate.passed)
        return {};
    if (!gate.value)
        return QStringLiteral("%1 has no scores in this run").arg(gate.metric);
    const QString mean = formatScore(*gate.value, gate.threshold);
    const QString threshold = QString::number(gate.threshold);
    if (gate.op == QLatin1String(">="))
        return QStringLiteral("mean %1 is below %2").arg(mean, threshold);
    if (gate.op == QLatin1String(">"))
        return QStringLiteral("mean %1 is not above %2").arg(mean, threshold);
    if (gate.op == QLatin1String("<="))
        return QStringLiteral("mean %1 is above %2").arg(mean, threshold);
    return QStringLiteral("mean %1 is not below %2").arg(mean, threshold);
}

QString QualityGate::formatScore(double value, double threshold)
{
    for (int decimals = 2; decimals < 6; ++decimals) {
        const QString text = QString::number(value, 'f', decimals);
        const bool distinct = std::abs(value - threshold) <= tolerance
                           || text != QString::number(threshold, 'f', decimals);
        if (distinct)
            return text;
    }
    return QString::number(value, 'f', 6);
}
