#include "core/eval/metricstatistics.h"

#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;

class TestMetricStatistics : public QObject
{
    Q_OBJECT

private slots:
    void oddCount()
    {
        // Sorted 0.2 0.4 0.5 0.9 1.0: p10 rank 0.4 → 0.2 + 0.4 × (0.4 − 0.2) = 0.28, as numpy.percentile gives.
        const MetricSummary summary = MetricStatistics::summarize(u"faithfulness"_s, {0.2, 0.9, 0.5, 1.0, 0.4}, 0.5);
        QCOMPARE(summary.metric, u"faithfulness"_s);
        QCOMPARE(summary.count, 5);
        QCOMPARE(summary.mean, 0.6);
        QCOMPARE(summary.median, 0.5);
        QCOMPARE(summary.p10, 0.28);
        QCOMPARE(summary.min, 0.2);
        QCOMPARE(summary.max, 1.0);
        QCOMPARE(summary.passRate, 0.6); // 0.5 counts: "at or above"
    }

    void evenCountInterpolates()
    {
        const MetricSummary summary = MetricStatistics::summarize(u"m"_s, {4, 1, 3, 2}, 3);
        QCOMPARE(summary.median, 2.5);
        QCOMPARE(summary.p10, 1.3);
        QCOMPARE(summary.passRate, 0.5);
    }

    void singleValue()
    {
        const MetricSummary summary = MetricStatistics::summarize(u"m"_s, {0.7}, 0.7);
        QCOMPARE(summary.count, 1);
        QCOMPARE(summary.p10, 0.7);
        QCOMPARE(summary.median, 0.7);
        QCOMPARE(summary.passRate, 1.0);
    }

    void emptyIsAllZeros()
    {
        const MetricSummary summary = MetricStatistics::summarize(u"relevance"_s, {}, 0.7);
        QCOMPARE(summary.metric, u"relevance"_s);
        QCOMPARE(summary.count, 0);
        QCOMPARE(summary.mean, 0.0);
        QCOMPARE(summary.median, 0.0);
        QCOMPARE(summary.p10, 0.0);
        QCOMPARE(summary.min, 0.0);
        QCOMPARE(summary.max, 0.0);
        QCOMPARE(summary.passRate, 0.0);
    }

    void nonFiniteValuesAreLeftOut()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const MetricSummary summary
            = MetricStatistics::summarize(u"m"_s, {nan, 0.5, std::numeric_limits<double>::infinity(), 1.0}, 0.7);
        QCOMPARE(summary.count, 2);
        QCOMPARE(summary.mean, 0.75);
        QCOMPARE(MetricStatistics::summarize(u"m"_s, {nan}, 0.7).count, 0);
    }

    void quantileEnds()
    {
        const QList<double> sorted{0.1, 0.3, 0.8};
        QCOMPARE(MetricStatistics::quantile(sorted, 0), 0.1);
        QCOMPARE(MetricStatistics::quantile(sorted, 1), 0.8);
        QCOMPARE(MetricStatistics::quantile(sorted, 0.25), 0.2);
        QCOMPARE(MetricStatistics::quantile({}, 0.5), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestMetricStatistics)
#include "tst_metricstatistics.moc"
