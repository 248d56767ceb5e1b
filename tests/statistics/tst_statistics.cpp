#include "common/pythonreference.h"
#include "core/statistics/bootstrap.h"
#include "core/statistics/distributions.h"
#include "core/statistics/meanestimate.h"
#include "core/statistics/pairedtest.h"
#include "core/statistics/sampleplanner.h"
#include "core/statistics/varianceparts.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <random>

using namespace Qt::StringLiterals;

namespace {

constexpr double agreement = 1e-9;

QJsonValue reference(const QString &snippet, const QJsonValue &input)
{
    QString error;
    const QJsonValue result = PythonReference::evaluate(snippet, input, &error);
    if (!error.isEmpty())
        qWarning("python reference failed: %s", qPrintable(error));
    return result;
}

QJsonArray toJson(const QList<double> &values)
{
    QJsonArray array;
    for (double value : values)
        array.append(value);
    return array;
}

// Scores in [0, 1] shaped like judge scores: most high, a tail of low ones.
QList<double> betaScores(std::mt19937_64 &random, qsizetype count, double a, double b)
{
    std::gamma_distribution<double> first(a, 1.0);
    std::gamma_distribution<double> second(b, 1.0);
    QList<double> values;
    for (qsizetype i = 0; i < count; ++i) {
        const double x = first(random);
        values.append(x / (x + second(random)));
    }
    return values;
}

} // namespace

class TestStatistics : public QObject
{
    Q_OBJECT

private slots:
    void quantilesAgreeWithScipy()
    {
        const QList<double> probabilities{1e-12, 1e-6, 0.001, 0.01, 0.02425, 0.025, 0.1,   0.3,     0.5,
                                          0.6,   0.8,  0.9,   0.95, 0.975,   0.99,  0.999, 1 - 1e-7};
        const QList<double> degrees{1, 2, 3, 4.5, 7, 10, 29, 99, 199, 1000, 100000};
        const QJsonArray xs{-40.0, -6.0, -2.1, -0.3, 0.0, 0.7, 1.96, 3.5, 12.0};
        QJsonArray ourQuantiles;
        for (double df : degrees) {
            QJsonArray row;
            for (double p : probabilities)
                row.append(Distributions::studentQuantile(p, df));
            ourQuantiles.append(row);
        }
        // scipy 1.10's t.ppf (cephes stdtri) strays from its own t.cdf by up to 1e-7 (df 99, p 1e-12;
        // for df 2, where the quantile has a closed form, ours is exact and scipy's is 1.5e-8 off).
        // So t quantiles are checked by what matters: scipy's t.cdf — exact to 1e-15 — at our quantile
        // gives back the probability to 1e-9; and they stay within 1e-7 of scipy's t.ppf.
        const QJsonValue expected = reference(
            u"from scipy import stats\n"
            "result = {'norm': [stats.norm.ppf(p) for p in data['p']],\n"
            "          'normcdf': [stats.norm.cdf(x) for x in data['x']],\n"
            "          't': [[stats.t.ppf(p, df) for p in data['p']] for df in data['df']],\n"
            "          'back': [[stats.t.cdf(q, df) if p < 0.5 else stats.t.sf(q, df) for p, q in zip(data['p'], qs)]\n"
            "                   for df, qs in zip(data['df'], data['ours'])],\n"
            "          'tcdf': [[stats.t.cdf(x, df) for x in data['x']] for df in data['df']]}"_s,
            QJsonObject{
                {u"p"_s, toJson(probabilities)}, {u"df"_s, toJson(degrees)}, {u"x"_s, xs}, {u"ours"_s, ourQuantiles}});
        QVERIFY2(expected.isObject(), "scipy gave no answer");
        for (qsizetype i = 0; i < probabilities.size(); ++i) {
            const double want = expected[u"norm"_s][i].toDouble();
            QVERIFY2(std::abs(Distributions::normalQuantile(probabilities[i]) - want)
                         <= agreement * std::max(1.0, std::abs(want)),
                     qPrintable(u"norm.ppf(%1)"_s.arg(probabilities[i])));
        }
        for (qsizetype i = 0; i < xs.size(); ++i)
            QVERIFY(std::abs(Distributions::normalCdf(xs[i].toDouble()) - expected[u"normcdf"_s][i].toDouble())
                    <= agreement);
        for (qsizetype d = 0; d < degrees.size(); ++d) {
            for (qsizetype i = 0; i < probabilities.size(); ++i) {
                const double p = probabilities[i];
                const double tail = std::min(p, 1 - p);
                const double back = expected[u"back"_s][d][i].toDouble();
                QVERIFY2(
                    std::abs(back - tail) <= agreement * tail,
                    qPrintable(u"t.cdf(our t quantile(%1, %2)) = %3"_s.arg(p).arg(degrees[d]).arg(back, 0, 'g', 17)));
                const double want = expected[u"t"_s][d][i].toDouble();
                const double got = ourQuantiles[d][i].toDouble();
                QVERIFY2(std::abs(got - want) <= 1e-7 * std::max(1.0, std::abs(want)),
                         qPrintable(u"t.ppf(%1, %2): %3 vs scipy %4"_s.arg(p)
                                        .arg(degrees[d])
                                        .arg(got, 0, 'g', 17)
                                        .arg(want, 0, 'g', 17)));
            }
            for (qsizetype i = 0; i < xs.size(); ++i) {
                const double want = expected[u"tcdf"_s][d][i].toDouble();
                QVERIFY2(std::abs(Distributions::studentCdf(xs[i].toDouble(), degrees[d]) - want)
                             <= agreement * std::max(1e-6, want),
                         qPrintable(u"t.cdf(%1, %2)"_s.arg(xs[i].toDouble()).arg(degrees[d])));
            }
        }
        // df 2 in closed form: t = (2p − 1) / √(2p(1 − p)).
        for (double p : probabilities) {
            const double exact = (2 * p - 1) / std::sqrt(2 * p * (1 - p));
            QVERIFY(std::abs(Distributions::studentQuantile(p, 2) - exact) <= 1e-12 * std::max(1.0, std::abs(exact)));
        }
    }

    void pairedTTestAgreesWithScipy()
    {
        std::mt19937_64 random(7);
        QJsonArray cases;
        QList<PairedDifference> ours;
        for (qsizetype size : {3, 8, 30, 200, 5000}) {
            const QList<double> a = betaScores(random, size, 4, 2);
            QList<double> b = betaScores(random, size, 4.4, 2);
            for (qsizetype i = 0; i < size; ++i)
                b[i] = 0.5 * b[i] + 0.5 * a[i]; // correlated, as two runs on the same items are
            cases.append(QJsonObject{{u"a"_s, toJson(a)}, {u"b"_s, toJson(b)}});
            ours.append(PairedTest::tTest(a, b));
        }
        const QJsonValue expected
            = reference(u"from scipy import stats\nimport numpy as np\nresult = []\n"
                        "for case in data:\n"
                        "    r = stats.ttest_rel(case['b'], case['a'])\n"
                        "    ci = r.confidence_interval(0.95)\n"
                        "    result.append({'t': r.statistic, 'p': r.pvalue, 'low': ci.low, 'high': ci.high,\n"
                        "                   'r': float(np.corrcoef(case['a'], case['b'])[0, 1])})"_s,
                        cases);
        QVERIFY2(expected.isArray(), "scipy gave no answer");
        for (qsizetype i = 0; i < ours.size(); ++i) {
            const QJsonObject want = expected[i].toObject();
            QVERIFY2(std::abs(ours[i].tStatistic - want[u"t"_s].toDouble())
                         <= agreement * std::max(1.0, std::abs(ours[i].tStatistic)),
                     qPrintable(u"t of case %1"_s.arg(i)));
            QVERIFY2(std::abs(ours[i].pValue - want[u"p"_s].toDouble()) <= agreement,
                     qPrintable(u"p of case %1: %2 vs %3"_s.arg(i)
                                    .arg(ours[i].pValue, 0, 'g', 17)
                                    .arg(want[u"p"_s].toDouble(), 0, 'g', 17)));
            QVERIFY(std::abs(ours[i].ci95.low - want[u"low"_s].toDouble()) <= agreement);
            QVERIFY(std::abs(ours[i].ci95.high - want[u"high"_s].toDouble()) <= agreement);
            QVERIFY(std::abs(ours[i].correlation - want[u"r"_s].toDouble()) <= agreement);
        }
    }

    void wilsonAndSignTestAgreeWithScipy()
    {
        const QList<QPair<int, int>> counts{{0, 1},    {0, 20},     {1, 20},       {7, 20}, {20, 20},
                                            {55, 120}, {493, 1000}, {9990, 10000}, {3, 3},  {12, 40}};
        QJsonArray input;
        for (const auto &[successes, trials] : counts)
            input.append(QJsonArray{successes, trials});
        const QJsonValue expected = reference(u"from scipy import stats\nresult = []\n"
                                              "for k, n in data:\n"
                                              "    t = stats.binomtest(k, n)\n"
                                              "    ci = t.proportion_ci(0.95, method='wilson')\n"
                                              "    result.append({'p': t.pvalue, 'low': ci.low, 'high': ci.high})"_s,
                                              input);
        QVERIFY2(expected.isArray(), "scipy gave no answer");
        for (qsizetype i = 0; i < counts.size(); ++i) {
            const QJsonObject want = expected[i].toObject();
            const Interval wilson = MeanEstimate::wilson(counts[i].first, counts[i].second);
            QVERIFY2(std::abs(wilson.low - want[u"low"_s].toDouble()) <= agreement,
                     qPrintable(u"wilson low %1/%2"_s.arg(counts[i].first).arg(counts[i].second)));
            QVERIFY2(std::abs(wilson.high - want[u"high"_s].toDouble()) <= agreement,
                     qPrintable(u"wilson high %1/%2"_s.arg(counts[i].first).arg(counts[i].second)));
            QVERIFY2(std::abs(Distributions::signTestP(counts[i].first, counts[i].second) - want[u"p"_s].toDouble())
                         <= agreement,
                     qPrintable(u"sign test %1/%2"_s.arg(counts[i].first).arg(counts[i].second)));
        }
    }

    void meanIntervalAgreesWithScipy()
    {
        std::mt19937_64 random(11);
        const QList<double> values = betaScores(random, 57, 3, 1.5);
        const MeanEstimate estimate = MeanEstimate::of(values);
        const QJsonValue expected = reference(
            u"from scipy import stats\nimport numpy as np\n"
            "se = stats.sem(data)\nlow, high = stats.t.interval(0.95, len(data) - 1, loc=np.mean(data), scale=se)\n"
            "result = {'mean': float(np.mean(data)), 'se': float(se), 'low': float(low), 'high': float(high)}"_s,
            toJson(values));
        QVERIFY2(expected.isObject(), "scipy gave no answer");
        QVERIFY(std::abs(estimate.mean - expected[u"mean"_s].toDouble()) <= agreement);
        QVERIFY(std::abs(estimate.standardError - expected[u"se"_s].toDouble()) <= agreement);
        QVERIFY(std::abs(estimate.ci95.low - expected[u"low"_s].toDouble()) <= agreement);
        QVERIFY(std::abs(estimate.ci95.high - expected[u"high"_s].toDouble()) <= agreement);
    }

    void holmAdjustsStepDown()
    {
        // Holm (1979) by hand: sorted 0.01, 0.02, 0.03, 0.04 × 4, 3, 2, 1 → 0.04, 0.06, 0.06 (kept
        // monotone), 0.06; order of the input preserved.
        const QList<double> adjusted = PairedTest::holm({0.03, 0.01, 0.04, 0.02});
        QCOMPARE(adjusted.size(), 4);
        QVERIFY(qFuzzyCompare(adjusted[1], 0.04));
        QVERIFY(qFuzzyCompare(adjusted[3], 0.06));
        QVERIFY(qFuzzyCompare(adjusted[0], 0.06));
        QVERIFY(qFuzzyCompare(adjusted[2], 0.06));
        QCOMPARE(PairedTest::holm({0.5, 0.9}), (QList<double>{1.0, 1.0}));
    }

    void betterRunIsFoundAndItsIntervalHoldsTheTruth()
    {
        std::mt19937_64 random(2024);
        std::normal_distribution<double> base(0.6, 0.15);
        std::normal_distribution<double> change(0.05, 0.15);
        QList<double> a, b;
        for (int i = 0; i < 200; ++i) {
            a.append(base(random));
            b.append(a.last() + change(random));
        }
        const PairedDifference difference = PairedTest::tTest(a, b);
        QVERIFY2(PairedTest::verdict(difference.meanDifference, difference.pValue) == PairedTest::Verdict::Better,
                 qPrintable(u"p = %1"_s.arg(difference.pValue)));
        QVERIFY(difference.ci95.contains(0.05));
        QVERIFY(!difference.ci95.contains(0.0));
        QCOMPARE(PairedTest::verdict(-difference.meanDifference, difference.pValue), PairedTest::Verdict::Worse);
    }

    void sameRunsDifferInFivePercentOfComparisons()
    {
        std::mt19937_64 random(99);
        std::normal_distribution<double> item(0.0, 0.15);
        int verdicts = 0;
        for (int comparison = 0; comparison < 1000; ++comparison) {
            QList<double> a, b;
            for (int i = 0; i < 200; ++i) {
                const double difficulty = 0.6 + item(random);
                a.append(difficulty + 0.5 * item(random));
                b.append(difficulty + 0.5 * item(random));
            }
            const PairedDifference difference = PairedTest::tTest(a, b);
            verdicts += PairedTest::verdict(difference.meanDifference, difference.pValue)
                != PairedTest::Verdict::NoDifference;
        }
        qInfo("A/A comparisons with a verdict: %d of 1000", verdicts);
        QVERIFY2(verdicts >= 35 && verdicts <= 65, qPrintable(u"%1 of 1000"_s.arg(verdicts)));
    }

    void intervalsCoverTheTruth()
    {
        std::mt19937_64 random(5);
        const double truth = 4.0 / (4.0 + 2.0); // Beta(4, 2)'s mean
        int covered = 0;
        for (int run = 0; run < 1000; ++run)
            covered += MeanEstimate::of(betaScores(random, 200, 4, 2)).ci95.contains(truth);
        qInfo("95%% intervals holding the true mean: %d of 1000", covered);
        QVERIFY2(covered >= 940 && covered <= 960, qPrintable(u"%1 of 1000"_s.arg(covered)));
    }

    void wilsonCoversTheTruth()
    {
        std::mt19937_64 random(6);
        std::bernoulli_distribution pass(0.85);
        int covered = 0;
        for (int run = 0; run < 1000; ++run) {
            int passes = 0;
            for (int i = 0; i < 200; ++i)
                passes += pass(random);
            covered += MeanEstimate::wilson(passes, 200).contains(0.85);
        }
        qInfo("Wilson intervals holding the true pass rate: %d of 1000", covered);
        QVERIFY2(covered >= 930 && covered <= 970, qPrintable(u"%1 of 1000"_s.arg(covered)));
    }

    void clusteredErrorsWidenWithSharedSources()
    {
        // 20 source documents, 10 questions each, half the variance shared within a document.
        std::mt19937_64 random(3);
        std::normal_distribution<double> shared(0.0, std::sqrt(0.5) * 0.2);
        std::normal_distribution<double> own(0.0, std::sqrt(0.5) * 0.2);
        QList<double> values;
        QList<qint64> groups;
        for (qint64 document = 0; document < 20; ++document) {
            const double effect = shared(random);
            for (int question = 0; question < 10; ++question) {
                values.append(0.7 + effect + own(random));
                groups.append(document);
            }
        }
        const MeanEstimate naive = MeanEstimate::of(values);
        const MeanEstimate clustered = MeanEstimate::clustered(values, groups);
        qInfo("naive SE %.4f, clustered SE %.4f (%.2f×)", naive.standardError, clustered.standardError,
              clustered.standardError / naive.standardError);
        QCOMPARE(clustered.clusters, 20);
        QVERIFY(clustered.standardError >= 2 * naive.standardError);
        QVERIFY(clustered.ci95.width() > naive.ci95.width());

        // One item per group is no clustering at all.
        QList<qint64> own_groups;
        for (qsizetype i = 0; i < values.size(); ++i)
            own_groups.append(i);
        const MeanEstimate single = MeanEstimate::clustered(values, own_groups);
        QVERIFY(std::abs(single.standardError - naive.standardError) < 1e-12);
    }

    void plannerGivesTheItemsNeeded()
    {
        QCOMPARE(SamplePlanner::itemsNeeded(0.15, 0.03, 0.05, 0.8), 197);
        QCOMPARE(SamplePlanner::itemsNeeded(0.15, 0.03, 0.05, 0.9), 263);
        QVERIFY(std::abs(SamplePlanner::detectableEffect(0.15, 197, 0.05, 0.8) - 0.03) < 0.0002);
        QVERIFY(std::abs(PairedTest::minimumDetectable(0.01) - 0.0280158) < 1e-6);
    }

    void quantileBootstrapMatchesResampling()
    {
        std::mt19937_64 random(8);
        QList<double> values = betaScores(random, 301, 3, 2);
        std::sort(values.begin(), values.end());
        const Interval fast = Bootstrap::quantile(values, 0.5, 4000);
        const Interval slow = Bootstrap::percentile(
            values,
            [](QList<double> sample) {
                std::sort(sample.begin(), sample.end());
                return sample[sample.size() / 2];
            },
            4000);
        qInfo("median interval: order statistics [%.4f, %.4f], resampling [%.4f, %.4f]", fast.low, fast.high, slow.low,
              slow.high);
        QVERIFY(std::abs(fast.low - slow.low) < 0.01);
        QVERIFY(std::abs(fast.high - slow.high) < 0.01);
        // Seeded: the same data, the same interval.
        const Interval again = Bootstrap::quantile(values, 0.5, 4000);
        QCOMPARE(again.low, fast.low);
        QCOMPARE(again.high, fast.high);
    }

    void varianceSplitsIntoItsParts()
    {
        // Items differ with variance 0.04, generations of one item with 0.01, judge calls with 0.0025.
        std::mt19937_64 random(12);
        std::normal_distribution<double> item(0.0, 0.2), generation(0.0, 0.1), judge(0.0, 0.05);
        QList<QList<QList<double>>> scores;
        for (int i = 0; i < 2000; ++i) {
            const double itemEffect = 0.6 + item(random);
            QList<QList<double>> matrix;
            for (int g = 0; g < 3; ++g) {
                const double answer = itemEffect + generation(random);
                QList<double> calls;
                for (int j = 0; j < 3; ++j)
                    calls.append(answer + judge(random));
                matrix.append(calls);
            }
            scores.append(matrix);
        }
        const VarianceParts parts = VarianceParts::estimate(scores);
        qInfo("variance: items %.4f, generations %.4f, judge calls %.5f", parts.betweenItems, parts.betweenGenerations,
              parts.betweenJudgeCalls);
        QCOMPARE(parts.items, 2000);
        QVERIFY(std::abs(parts.betweenItems - 0.04) < 0.004);
        QVERIFY(std::abs(parts.betweenGenerations - 0.01) < 0.0015);
        QVERIFY(std::abs(parts.betweenJudgeCalls - 0.0025) < 0.0003);
    }

    void degenerateInputsGiveNoInterval()
    {
        QVERIFY(!MeanEstimate::of({}).ci95.isKnown());
        QVERIFY(!MeanEstimate::of({0.5}).ci95.isKnown());
        QVERIFY(!MeanEstimate::wilson(0, 0).isKnown());
        const PairedDifference same = PairedTest::tTest({0.5, 0.7, 0.9}, {0.5, 0.7, 0.9});
        QCOMPARE(same.pValue, 1.0);
        QCOMPARE(PairedTest::verdict(same.meanDifference, same.pValue), PairedTest::Verdict::NoDifference);
        const PairedDifference shifted = PairedTest::tTest({0.5, 0.7, 0.9}, {0.6, 0.8, 1.0});
        QCOMPARE(shifted.pValue, 0.0);
        QCOMPARE(PairedTest::verdict(shifted.meanDifference, shifted.pValue), PairedTest::Verdict::Better);
    }
};

QTEST_GUILESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
