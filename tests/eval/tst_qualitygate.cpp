#include "core/eval/metricstatistics.h"
#include "core/eval/qualitygate.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

MetricSummary summary(const QString &metric, double mean, qint64 count)
{
    MetricSummary made;
    made.metric = metric;
    made.mean = mean;
    made.count = count;
    return made;
}

Gate gate(const QString &text)
{
    Result<Gate> parsed = QualityGate::parse(text);
    if (!parsed)
        qFatal("%s", qPrintable(parsed.error().describe()));
    return parsed.value();
}

} // namespace

class TestQualityGate : public QObject
{
    Q_OBJECT

private slots:
    void parsesGoodTexts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("op");
        QTest::addColumn<double>("threshold");
        QTest::newRow("compact") << u"faithfulness>=0.8"_s << u"faithfulness"_s << u">="_s << 0.8;
        QTest::newRow("spaced") << u"faithfulness >= 0.8"_s << u"faithfulness"_s << u">="_s << 0.8;
        QTest::newRow("greater") << u"  relevance > 0.5 "_s << u"relevance"_s << u">"_s << 0.5;
        QTest::newRow("at most") << u"lexical_f1<=0.3"_s << u"lexical_f1"_s << u"<="_s << 0.3;
        QTest::newRow("below, no leading zero") << u"rouge_l<.9"_s << u"rouge_l"_s << u"<"_s << 0.9;
        QTest::newRow("integer") << u"context_support>=1"_s << u"context_support"_s << u">="_s << 1.0;
    }

    void parsesGoodTexts()
    {
        QFETCH(QString, text);
        QFETCH(QString, metric);
        QFETCH(QString, op);
        QFETCH(double, threshold);
        const Result<Gate> parsed = QualityGate::parse(text);
        QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.error().describe()));
        QCOMPARE(parsed.value().metric, metric);
        QCOMPARE(parsed.value().op, op);
        QCOMPARE(parsed.value().threshold, threshold);
        QVERIFY(!parsed.value().value);
        QVERIFY(!parsed.value().passed);
    }

    void rejectsBadTexts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("hint");
        const QString form = u"expected METRIC OP NUMBER"_s;
        QTest::newRow("empty") << QString() << form;
        QTest::newRow("no operator") << u"faithfulness"_s << form;
        QTest::newRow("reversed operator") << u"faithfulness=>0.8"_s << form;
        QTest::newRow("equality") << u"faithfulness==0.8"_s << form;
        QTest::newRow("no metric") << u">=0.8"_s << form;
        QTest::newRow("no number") << u"faithfulness>="_s << form;
        QTest::newRow("word for number") << u"faithfulness>=high"_s << form;
        QTest::newRow("negative") << u"faithfulness>=-0.1"_s << form;
        QTest::newRow("trailing words") << u"faithfulness >= 0.8 please"_s << form;
        QTest::newRow("percent") << u"faithfulness>=80"_s << u"from 0 to 1"_s;
        QTest::newRow("unknown bound") << u"faithfulness>=0.8@lower90"_s << form;
        QTest::newRow("lower bound under a ceiling") << u"toxicity<=0.1@lower95"_s << u"@upper95 with <="_s;
        QTest::newRow("upper bound over a floor") << u"faithfulness>=0.8@upper95"_s << u"@lower95 with >="_s;
    }

    // The interval's far side decides a bound gate; a gate with too few items for an interval fails.
    void boundGatesReadTheInterval()
    {
        QList<Gate> gates{QualityGate::parse(u"faithfulness >= 0.6 @lower95"_s).value(),
                          QualityGate::parse(u"faithfulness>=0.6"_s).value(),
                          QualityGate::parse(u"relevance>=0.5@lower95"_s).value(),
                          QualityGate::parse(u"faithfulness<=0.9@upper95"_s).value()};
        QCOMPARE(gates[0].statistic, Gate::Statistic::Lower95);
        QCOMPARE(QualityGate::describe(gates[0]), u"faithfulness >= 0.6 (lower 95% bound)"_s);
        // Mean 0.62 over four items spread 0.3 … 0.9: the mean clears 0.6, its lower bound does not.
        const QList<MetricSummary> summaries{MetricStatistics::summarize(u"faithfulness"_s, {0.3, 0.6, 0.7, 0.9}, 0.6),
                                             MetricStatistics::summarize(u"relevance"_s, {0.9}, 0.5)};
        QualityGate::evaluate(gates, summaries);
        QVERIFY(!gates[0].passed);
        QVERIFY(*gates[0].value < 0.6);
        QVERIFY(std::abs(*gates[0].value - summaries[0].ci95.low) < 1e-12);
        QVERIFY(QualityGate::failureMessage(gates[0]).startsWith(u"lower 95% bound"_s));
        QVERIFY2(QualityGate::failureMessage(gates[0]).contains(u"95 % CI"_s),
                 qPrintable(QualityGate::failureMessage(gates[0])));
        QVERIFY(gates[1].passed);
        QVERIFY(!gates[2].passed); // one item: no interval, nothing shows the bound clears
        QVERIFY(!gates[2].value);
        QVERIFY(QualityGate::failureMessage(gates[2]).contains(u"too few items"_s));
        QVERIFY(!gates[3].passed); // the upper bound reaches past 0.9
        QVERIFY(*gates[3].value > 0.9);
    }

    void noRegressionGateParsesAndWaitsForItsCheck()
    {
        const Result<Gate> parsed = QualityGate::parse(u"faithfulness : no-regression"_s);
        QVERIFY(parsed);
        QCOMPARE(parsed.value().statistic, Gate::Statistic::NoRegression);
        QCOMPARE(parsed.value().metric, u"faithfulness"_s);
        QList<Gate> gates{parsed.value()};
        QualityGate::evaluate(gates, {MetricStatistics::summarize(u"faithfulness"_s, {0.5, 0.6}, 0.7)});
        QVERIFY(!gates[0].passed); // evaluate() leaves it to the comparison
        QualityGate::evaluateRegression(gates, {}, u"no baseline run: give --baseline RUN_ID"_s);
        QVERIFY(!gates[0].passed);
        QCOMPARE(QualityGate::failureMessage(gates[0]), u"no baseline run: give --baseline RUN_ID"_s);
        QualityGate::evaluateRegression(gates, {{u"faithfulness"_s, 40, -0.01, false, u"no difference"_s}}, {});
        QVERIFY(gates[0].passed);
        QualityGate::evaluateRegression(gates, {{u"faithfulness"_s, 40, -0.08, true, u"worse: -0.080"_s}}, {});
        QVERIFY(!gates[0].passed);
        QCOMPARE(QualityGate::failureMessage(gates[0]), u"worse than the baseline: worse: -0.080"_s);
        QualityGate::evaluateRegression(gates, {}, {});
        QCOMPARE(QualityGate::failureMessage(gates[0]), u"faithfulness was not scored in both runs"_s);
    }

    void rejectsBadTexts()
    {
        QFETCH(QString, text);
        QFETCH(QString, hint);
        const Result<Gate> parsed = QualityGate::parse(text);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().kind, Error::Kind::Usage);
        QVERIFY2(parsed.error().message.contains(u"\"%1\""_s.arg(text)), qPrintable(parsed.error().message));
        QVERIFY2(parsed.error().message.contains(hint), qPrintable(parsed.error().message));
    }

    void evaluatesAgainstTheMean()
    {
        QList<Gate> gates{gate(u"faithfulness>=0.8"_s), gate(u"relevance > 0.8"_s), gate(u"relevance<0.85"_s),
                          gate(u"lexical_f1>=0.1"_s), gate(u"context_support>=0.5"_s)};
        const QList<MetricSummary> summaries{summary(u"faithfulness"_s, 0.62, 10), summary(u"relevance"_s, 0.85, 10),
                                             summary(u"lexical_f1"_s, 0, 0)};
        QualityGate::evaluate(gates, summaries);

        QVERIFY(gates[0].value);
        QCOMPARE(*gates[0].value, 0.62);
        QVERIFY(!gates[0].passed);
        QCOMPARE(QualityGate::failureMessage(gates[0]), u"mean 0.62 is below 0.8"_s);
        QVERIFY(gates[1].passed);
        QCOMPARE(QualityGate::failureMessage(gates[1]), QString());
        QVERIFY(!gates[2].passed);
        QCOMPARE(QualityGate::failureMessage(gates[2]), u"mean 0.85 is not below 0.85"_s);
        for (int unmeasured : {3, 4}) {
            QVERIFY(!gates[unmeasured].value);
            QVERIFY(!gates[unmeasured].passed);
        }
        QCOMPARE(QualityGate::failureMessage(gates[3]), u"lexical_f1 has no scores in this run"_s);
        QVERIFY(!QualityGate::allPassed(gates));
        QVERIFY(QualityGate::allPassed({gates[1]}));
        QVERIFY(QualityGate::allPassed({}));
        QCOMPARE(QualityGate::describe(gates[0]), u"faithfulness >= 0.8"_s);
    }

    void aMeanOnTheThresholdPassesDespiteRounding()
    {
        QList<Gate> gates{gate(u"faithfulness>=0.8"_s), gate(u"faithfulness<=0.8"_s)};
        QualityGate::evaluate(gates, {MetricStatistics::summarize(u"faithfulness"_s, {0.7, 0.9, 0.7, 0.9, 0.8}, 0.7)});
        QVERIFY(gates[0].passed);
        QVERIFY(gates[1].passed);
    }

    void reevaluatingResetsTheVerdict()
    {
        QList<Gate> gates{gate(u"faithfulness>=0.5"_s)};
        QualityGate::evaluate(gates, {summary(u"faithfulness"_s, 0.9, 3)});
        QVERIFY(gates[0].passed);
        QualityGate::evaluate(gates, {});
        QVERIFY(!gates[0].passed);
        QVERIFY(!gates[0].value);
    }

    void formatsCloseMeansApartFromTheThreshold()
    {
        QCOMPARE(QualityGate::formatScore(0.62, 0.8), u"0.62"_s);
        QCOMPARE(QualityGate::formatScore(0.7996, 0.8), u"0.7996"_s);
        QCOMPARE(QualityGate::formatScore(0.8, 0.8), u"0.80"_s);
    }
};

QTEST_GUILESS_MAIN(TestQualityGate)
#include "tst_qualitygate.moc"
