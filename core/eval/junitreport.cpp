#include "core/eval/junitreport.h"

#include "core/eval/lexicalmetrics.h"
#include "core/eval/qualitygate.h"

#include <QXmlStreamWriter>

#include <algorithm>

QByteArray JUnitReport::write(const QString &runName, qint64 runId, const QList<Gate> &gates,
                              const QList<MetricSummary> &summaries)
{
    const QString suiteName = QStringLiteral("genaiops eval %1 (run %2)").arg(runName, QString::number(runId));
    const QString tests = QString::number(gates.size());
    const QString failures
        = QString::number(std::count_if(gates.cbegin(), gates.cend(), [](const Gate &gate) { return !gate.passed; }));

    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    writer.setAutoFormatting(true);
    writer.writeStartDocument();
    writer.writeStartElement(QStringLiteral("testsuites"));
    writer.writeAttribute(QStringLiteral("name"), suiteName);
    writer.writeAttribute(QStringLiteral("tests"), tests);
    writer.writeAttribute(QStringLiteral("failures"), failures);
    writer.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));

    writer.writeStartElement(QStringLiteral("testsuite"));
    writer.writeAttribute(QStringLiteral("name"), suiteName);
    writer.writeAttribute(QStringLiteral("tests"), tests);
    writer.writeAttribute(QStringLiteral("failures"), failures);
    writer.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    writer.writeAttribute(QStringLiteral("skipped"), QStringLiteral("0"));
    writer.writeAttribute(QStringLiteral("time"), QStringLiteral("0"));

    for (const Gate &gate : gates) {
        writer.writeStartElement(QStringLiteral("testcase"));
        writer.writeAttribute(QStringLiteral("classname"), QStringLiteral("genaiops.eval.gates"));
        writer.writeAttribute(QStringLiteral("name"), QualityGate::describe(gate));
        writer.writeAttribute(QStringLiteral("time"), QStringLiteral("0"));
        if (!gate.passed) {
            const QString message = QualityGate::failureMessage(gate);
            writer.writeStartElement(QStringLiteral("failure"));
            writer.writeAttribute(QStringLiteral("message"), message);
            writer.writeAttribute(QStringLiteral("type"), QStringLiteral("QualityGate"));
            writer.writeCharacters(QStringLiteral("%1: %2").arg(QualityGate::describe(gate), message));
            writer.writeEndElement();
        }
        // The figures behind the verdict, passed or failed: a reader of the CI log sees how close it was.
        if (!gate.figures.isEmpty())
            writer.writeTextElement(QStringLiteral("system-out"), gate.figures);
        writer.writeEndElement();
    }

    QStringList lines;
    for (const MetricSummary &summary : summaries)
        lines << summaryLine(summary);
    writer.writeTextElement(QStringLiteral("system-out"), lines.join(QLatin1Char('\n')));
    writer.writeEndElement();
    writer.writeEndElement();
    writer.writeEndDocument();
    return xml;
}

QString JUnitReport::summaryLine(const MetricSummary &summary)
{
    const QString name = LexicalMetrics::label(summary.metric);
    if (summary.count == 0)
        return QStringLiteral("%1: no values").arg(name);
    const auto score = [](double value) { return QString::number(value, 'f', 2); };
    const auto interval = [&](const Interval &bounds) {
        return bounds.isKnown() ? QStringLiteral("%1–%2").arg(score(bounds.low), score(bounds.high))
                                : QStringLiteral("n/a");
    };
    const auto percent = [](double value) { return QString::number(value * 100, 'f', 0); };
    return QStringLiteral("%1: %2 items, mean %3 (SE %4, 95% CI %5), median %6, p10 %7, min %8, max %9, pass rate %10% "
                          "(95% CI %11–%12%)")
        .arg(name, QString::number(summary.count), score(summary.mean),
             summary.ci95.isKnown() ? QString::number(summary.standardError, 'f', 3) : QStringLiteral("n/a"),
             interval(summary.ci95), score(summary.median), score(summary.p10), score(summary.min), score(summary.max))
        .arg(percent(summary.passRate), percent(summary.passRateCi95.isKnown() ? summary.passRateCi95.low : 0),
             percent(summary.passRateCi95.isKnown() ? summary.passRateCi95.high : 1));
}
