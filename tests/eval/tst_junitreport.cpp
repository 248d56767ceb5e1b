#include "core/eval/junitreport.h"
#include "core/eval/metricstatistics.h"
#include "core/eval/qualitygate.h"

#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

struct Parsed
{
    QString suitesTests, suitesFailures, suiteName, suiteTests, suiteFailures, systemOut;
    int suites = 0;
    QStringList caseNames, classNames, failureMessages;
};

Parsed parse(const QByteArray &xml)
{
    Parsed parsed;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto attributes = reader.attributes();
        if (reader.name() == u"testsuites") {
            parsed.suitesTests = attributes.value(u"tests"_s).toString();
            parsed.suitesFailures = attributes.value(u"failures"_s).toString();
        } else if (reader.name() == u"testsuite") {
            ++parsed.suites;
            parsed.suiteName = attributes.value(u"name"_s).toString();
            parsed.suiteTests = attributes.value(u"tests"_s).toString();
            parsed.suiteFailures = attributes.value(u"failures"_s).toString();
        } else if (reader.name() == u"testcase") {
            parsed.caseNames << attributes.value(u"name"_s).toString();
            parsed.classNames << attributes.value(u"classname"_s).toString();
        } else if (reader.name() == u"failure") {
            parsed.failureMessages << attributes.value(u"message"_s).toString();
        } else if (reader.name() == u"system-out") {
            parsed.systemOut = reader.readElementText();
        }
    }
    if (reader.hasError())
        qFatal("JUnit XML does not parse: %s", qPrintable(reader.errorString()));
    return parsed;
}

} // namespace

class TestJUnitReport : public QObject
{
    Q_OBJECT

private slots:
    void oneCasePerGateAndAFailureForEachFailedOne()
    {
        const QList<MetricSummary> summaries{MetricStatistics::summarize(u"faithfulness"_s, {0.5, 0.74}, 0.7),
                                             MetricStatistics::summarize(u"relevance"_s, {0.9, 1.0}, 0.7),
                                             MetricStatistics::summarize(u"rouge_l"_s, {}, 0.7)};
        QList<Gate> gates;
        for (const QString &text : {u"faithfulness>=0.8"_s, u"relevance>=0.8"_s, u"rouge_l>0.2"_s})
            gates << QualityGate::parse(text).value();
        QualityGate::evaluate(gates, summaries);

        const QByteArray xml = JUnitReport::write(u"nightly <main> & \"friends\""_s, 42, gates, summaries);
        const Parsed parsed = parse(xml);
        QCOMPARE(parsed.suites, 1);
        QCOMPARE(parsed.suiteName, u"genaiops eval nightly <main> & \"friends\" (run 42)"_s);
        QCOMPARE(parsed.suiteTests, u"3"_s);
        QCOMPARE(parsed.suiteFailures, u"2"_s);
        QCOMPARE(parsed.suitesTests, u"3"_s);
        QCOMPARE(parsed.suitesFailures, u"2"_s);
        QCOMPARE(parsed.caseNames, QStringList({u"faithfulness >= 0.8"_s, u"relevance >= 0.8"_s, u"rouge_l > 0.2"_s}));
        QCOMPARE(parsed.classNames, QStringList(3, u"genaiops.eval.gates"_s));
        QCOMPARE(parsed.failureMessages,
                 QStringList({u"mean 0.62 is below 0.8"_s, u"rouge_l has no scores in this run"_s}));
        QVERIFY(parsed.systemOut.contains(
            u"faithfulness (judge): 2 items, mean 0.62 (SE 0.120, 95% CI 0.00–1.00), median 0.62, p10 0.52, min 0.50, "
            "max 0.74, pass rate 50% (95% CI 9–91%)"_s));
        QVERIFY(parsed.systemOut.contains(u"rouge_l (lexical): no values"_s));
    }

    void noGatesIsAnEmptyPassingSuite()
    {
        const Parsed parsed = parse(JUnitReport::write(u"run \u0001 with a control character"_s, 1, {}, {}));
        QCOMPARE(parsed.suites, 1);
        QCOMPARE(parsed.suiteTests, u"0"_s);
        QCOMPARE(parsed.suiteFailures, u"0"_s);
        QVERIFY(parsed.caseNames.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJUnitReport)
#include "tst_junitreport.moc"
