#include "common/engineundertest.h"
#include "common/pythonreference.h"
#include "core/eval/datasetwriter.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/runcomparison.h"
#include "core/eval/runsummary.h"
#include "core/storage/workspace.h"
#include "core/workspaceschema.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace Qt::StringLiterals;

// Paired comparison of stored runs: how items pair (same dataset, ids, content), what is left out,
// the figures against scipy, and the gates and summaries built on them.
class TestRunComparison : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<Workspace> m_workspace;

    struct Question
    {
        QString id; // empty: none
        QString text;
        QString source;
    };

    Dataset makeDataset(const QString &name, const QList<Question> &questions, const QString &responsePrefix)
    {
        Dataset dataset;
        const Status status = m_workspace->transaction([&]() -> Status {
            DatasetWriter writer(*m_workspace);
            Status step = writer.begin(name, u"/data/%1.jsonl"_s.arg(name));
            for (qsizetype index = 0; step && index < questions.size(); ++index) {
                EvalItem item;
                item.line = int(index + 1);
                item.question = questions[index].text;
                item.contexts = {u"Context of %1."_s.arg(questions[index].text)};
                item.reference = u"Reference of %1."_s.arg(questions[index].text);
                item.response = responsePrefix + questions[index].text;
                if (!questions[index].id.isEmpty())
                    item.extra.insert(u"id"_s, questions[index].id);
                item.extra.insert(u"source"_s, questions[index].source);
                step = writer.add(item);
            }
            if (!step)
                return step;
            auto finished = writer.finish(u"hash-%1"_s.arg(name), {});
            if (!finished)
                return finished.error();
            dataset = finished.value();
            return Done{};
        });
        if (!status)
            qFatal("dataset failed: %s", qPrintable(status.error().describe()));
        return dataset;
    }

    // A run whose faithfulness for item i is scores[i] (NaN: no value).
    EvalRun makeRun(const Dataset &dataset, const QString &name, const QList<double> &scores,
                    const RunSettings &settings = {})
    {
        EvalRun run;
        run.name = name;
        run.datasetId = dataset.id;
        run.settings = settings;
        run.settings.metrics = {u"faithfulness"_s, u"lexical_f1"_s};
        if (!EvalRunRepository(*m_workspace).create(run))
            qFatal("create failed");
        QList<ItemResult> results;
        for (qsizetype index = 0; index < scores.size(); ++index) {
            ItemResult result;
            result.runId = run.id;
            result.itemIndex = index;
            result.response = u"answer"_s;
            MetricScore faithfulness;
            faithfulness.metric = u"faithfulness"_s;
            if (std::isfinite(scores[index]))
                faithfulness.value = scores[index];
            else
                faithfulness.error = u"the judge answered prose"_s;
            MetricScore lexical;
            lexical.metric = u"lexical_f1"_s;
            lexical.value = 0.5; // the same in every run: no difference at all
            result.scores = {faithfulness, lexical};
            results << result;
        }
        if (const Status stored = EvalRunRepository(*m_workspace).storeResults(results); !stored)
            qFatal("store failed: %s", qPrintable(stored.error().describe()));
        return run;
    }

    static QList<Question> questions(int count, bool withIds)
    {
        QList<Question> list;
        for (int i = 0; i < count; ++i)
            list.append({withIds ? u"q-%1"_s.arg(i) : QString(), u"Question %1?"_s.arg(i), u"doc-%1"_s.arg(i / 10)});
        return list;
    }

private slots:
    void init()
    {
        m_directory = std::make_unique<QTemporaryDir>();
        auto workspace = Workspace::open(EngineUnderTest::location(m_directory->filePath(u"ws.genaiops"_s)),
                                         Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules());
        QVERIFY2(workspace, qPrintable(workspace ? QString() : workspace.error().describe()));
        m_workspace = std::move(workspace).value();
    }

    void cleanup() { m_workspace.reset(); }

    void sameDatasetPairsItemForItemAndAgreesWithScipy()
    {
        std::mt19937_64 random(1);
        std::normal_distribution<double> noise(0.0, 0.1);
        QList<double> a, b;
        for (int i = 0; i < 120; ++i) {
            a.append(std::clamp(0.6 + noise(random), 0.0, 1.0));
            b.append(std::clamp(a.last() + 0.04 + noise(random), 0.0, 1.0));
        }
        const Dataset dataset = makeDataset(u"golden"_s, questions(120, false), u"A: "_s);
        const EvalRun runA = makeRun(dataset, u"baseline"_s, a);
        const EvalRun runB = makeRun(dataset, u"candidate"_s, b);
        auto comparison = RunComparison::compute(*m_workspace, runA.id, runB.id);
        QVERIFY2(comparison, qPrintable(comparison ? QString() : comparison.error().describe()));
        const RunComparison &result = comparison.value();
        QCOMPARE(result.pairedBy, u"item"_s);
        QCOMPARE(result.pairedItems, 120);
        QVERIFY(result.onlyA.isEmpty() && result.onlyB.isEmpty());
        QCOMPARE(result.metrics.size(), 2);
        const MetricComparison &faithfulness = result.metrics[0];
        QCOMPARE(faithfulness.metric, u"faithfulness"_s);

        QString error;
        const QJsonValue expected = PythonReference::evaluate(
            u"from scipy import stats\nr = stats.ttest_rel(data['b'], data['a'])\nci = r.confidence_interval()\n"
            "result = {'t': r.statistic, 'p': r.pvalue, 'low': ci.low, 'high': ci.high}"_s,
            QJsonObject{{u"a"_s, QJsonArray::fromVariantList(QVariantList(a.cbegin(), a.cend()))},
                        {u"b"_s, QJsonArray::fromVariantList(QVariantList(b.cbegin(), b.cend()))}},
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(std::abs(faithfulness.difference.pValue - expected[u"p"_s].toDouble()) < 1e-9);
        QVERIFY(std::abs(faithfulness.difference.ci95.low - expected[u"low"_s].toDouble()) < 1e-9);
        QVERIFY(std::abs(faithfulness.difference.ci95.high - expected[u"high"_s].toDouble()) < 1e-9);
        // Holm over two metrics, the second with p = 1: the first's p doubles.
        QVERIFY(std::abs(faithfulness.adjustedPValue - std::min(1.0, 2 * faithfulness.difference.pValue)) < 1e-15);
        QCOMPARE(faithfulness.verdict, PairedTest::Verdict::Better);
        QCOMPARE(result.metrics[1].verdict, PairedTest::Verdict::NoDifference);

        const QJsonObject json = result.toJson();
        const QJsonObject metric = json[u"metrics"_s][u"faithfulness"_s].toObject();
        for (const QString &key : {u"n"_s, u"mean_a"_s, u"mean_b"_s, u"mean_difference"_s, u"se"_s, u"ci95"_s,
                                   u"p_value"_s, u"correlation"_s, u"verdict"_s})
            QVERIFY2(metric.contains(key), qPrintable(key));
        QCOMPARE(metric[u"verdict"_s].toString(), u"better"_s);
        QCOMPARE(metric[u"n"_s].toInt(), 120);
        QCOMPARE(json[u"unpaired"_s][u"only_a"_s].toArray().size(), 0);
    }

    void otherVersionPairsByContentAndListsTheUnpaired()
    {
        // Version 2 has the same questions in another order, drops question 3 and adds a new one:
        // pairing by position would match the wrong items.
        QList<Question> first = questions(6, false);
        QList<Question> second
            = {first[5], first[4], first[2], first[1], first[0], {QString(), u"A new question?"_s, u"doc-9"_s}};
        const Dataset datasetA = makeDataset(u"golden"_s, first, u"old: "_s);
        const Dataset datasetB = makeDataset(u"golden-v2"_s, second, u"new: "_s);
        const EvalRun runA = makeRun(datasetA, u"a"_s, {0.1, 0.2, 0.3, 0.4, 0.5, 0.6});
        const EvalRun runB = makeRun(datasetB, u"b"_s, {0.7, 0.6, 0.4, 0.3, 0.2, 0.9});
        auto comparison = RunComparison::compute(*m_workspace, runA.id, runB.id);
        QVERIFY(comparison);
        const RunComparison &result = comparison.value();
        QCOMPARE(result.pairedBy, u"content"_s);
        QCOMPARE(result.pairedItems, 5);
        QCOMPARE(result.onlyA, QStringList{u"4"_s}); // question 3, the fourth item of A
        QCOMPARE(result.onlyB, QStringList{u"6"_s});
        // Each pair is the same question: B's value minus A's is +0.1 for every one of them.
        const MetricComparison &faithfulness = result.metrics[0];
        QCOMPARE(faithfulness.items.size(), 5);
        for (const ComparedItem &item : faithfulness.items)
            QVERIFY2(std::abs(item.b - item.a - 0.1) < 1e-9,
                     qPrintable(u"item %1 of B with %2 of A"_s.arg(item.indexB).arg(item.indexA)));
    }

    void idsPairWhenBothDatasetsHaveThem()
    {
        QList<Question> first = questions(4, true);
        QList<Question> second = first;
        second[1].text = u"Question 1, reworded?"_s; // same id, new wording: still the same item
        std::swap(second[0], second[3]);
        const Dataset datasetA = makeDataset(u"ids"_s, first, u"x"_s);
        const Dataset datasetB = makeDataset(u"ids-v2"_s, second, u"y"_s);
        const EvalRun runA = makeRun(datasetA, u"a"_s, {0.1, 0.2, 0.3, 0.4});
        const EvalRun runB = makeRun(datasetB, u"b"_s, {0.4, 0.2, 0.3, 0.1});
        auto comparison = RunComparison::compute(*m_workspace, runA.id, runB.id);
        QVERIFY(comparison);
        QCOMPARE(comparison.value().pairedBy, u"id"_s);
        QCOMPARE(comparison.value().pairedItems, 4);
        QCOMPARE(comparison.value().metrics[0].difference.meanDifference, 0.0);
    }

    void itemsScoredInOneRunOnlyAreNotPaired()
    {
        const Dataset dataset = makeDataset(u"golden"_s, questions(5, false), u"A: "_s);
        const double missing = std::numeric_limits<double>::quiet_NaN();
        const EvalRun runA = makeRun(dataset, u"a"_s, {0.5, missing, 0.5, 0.5, 0.5});
        const EvalRun runB = makeRun(dataset, u"b"_s, {0.6, 0.9, missing, 0.6, 0.6});
        auto comparison = RunComparison::compute(*m_workspace, runA.id, runB.id);
        QVERIFY(comparison);
        QCOMPARE(comparison.value().metrics[0].difference.count, 3);
    }

    void identicalRunsSayNoDifference()
    {
        const Dataset dataset = makeDataset(u"golden"_s, questions(4, false), u"A: "_s);
        const EvalRun runA = makeRun(dataset, u"a"_s, {0.5, 0.25, 1.0, 0.0});
        const EvalRun same = makeRun(dataset, u"same"_s, {0.5, 0.25, 1.0, 0.0});
        const EvalRun moved = makeRun(dataset, u"moved"_s, {0.5, 0.25, 1.0, 0.125});
        auto identical = RunComparison::compute(*m_workspace, runA.id, same.id);
        QVERIFY(identical);
        QVERIFY(identical.value().isIdentical());
        QVERIFY(identical.value().metrics[0].largestChanges.isEmpty());
        auto different = RunComparison::compute(*m_workspace, runA.id, moved.id);
        QVERIFY(different);
        QVERIFY(!different.value().isIdentical());
        QVERIFY(!RunComparison().isIdentical()); // nothing paired is not "the same"
    }

    void aPartialRunListsWhatItLacks()
    {
        const Dataset dataset = makeDataset(u"golden"_s, questions(6, false), u"A: "_s);
        const EvalRun full = makeRun(dataset, u"full"_s, {0.1, 0.2, 0.3, 0.4, 0.5, 0.6});
        // A cancelled run: only its first three items have results.
        const EvalRun partial = makeRun(dataset, u"partial"_s, {0.2, 0.3, 0.4});
        auto comparison = RunComparison::compute(*m_workspace, full.id, partial.id);
        QVERIFY(comparison);
        QCOMPARE(comparison.value().pairedItems, 3);
        QCOMPARE(comparison.value().onlyA, (QStringList{u"4"_s, u"5"_s, u"6"_s}));
        QVERIFY(comparison.value().onlyB.isEmpty());
        QCOMPARE(comparison.value().metrics[0].difference.count, 3);

        auto unknown = RunComparison::compute(*m_workspace, full.id, partial.id, {u"faithfulnes"_s});
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().kind, Error::Kind::Usage);
        QVERIFY(unknown.error().message.contains(u"not scored in both runs"_s));
    }

    void noRegressionGateFailsOnlyWhenWorse()
    {
        std::mt19937_64 random(4);
        std::normal_distribution<double> noise(0.0, 0.08);
        QList<double> base, same, worse;
        for (int i = 0; i < 150; ++i) {
            base.append(std::clamp(0.7 + noise(random), 0.0, 1.0));
            same.append(std::clamp(base.last() + 0.5 * noise(random), 0.0, 1.0));
            worse.append(std::clamp(base.last() - 0.06 + 0.5 * noise(random), 0.0, 1.0));
        }
        const Dataset dataset = makeDataset(u"golden"_s, questions(150, false), u"A: "_s);
        const EvalRun baseline = makeRun(dataset, u"baseline"_s, base);
        RunSettings settings;
        settings.baselineRunId = baseline.id;
        settings.gates = {u"faithfulness:no-regression"_s, u"faithfulness>=0.6@lower95"_s};
        const EvalRun kept = makeRun(dataset, u"kept"_s, same, settings);
        const EvalRun regressed = makeRun(dataset, u"regressed"_s, worse, settings);

        auto keptSummary = RunSummary::compute(*m_workspace, kept.id);
        QVERIFY(keptSummary);
        QVERIFY2(keptSummary.value().gatesPassed(), qPrintable(keptSummary.value().gates[0].figures));
        auto regressedSummary = RunSummary::compute(*m_workspace, regressed.id);
        QVERIFY(regressedSummary);
        const Gate &gate = regressedSummary.value().gates[0];
        QVERIFY(!gate.passed);
        QVERIFY2(gate.figures.contains(u"worse"_s), qPrintable(gate.figures));
        QVERIFY(QualityGate::failureMessage(gate).startsWith(u"worse than the baseline"_s));
        // The bound gate reads the interval: 0.64 ≈ mean − 0.06 clears 0.6 with room.
        QVERIFY(regressedSummary.value().gates[1].passed);
        QVERIFY(*regressedSummary.value().gates[1].value < regressedSummary.value().metric(u"faithfulness"_s)->mean);
    }

    void clusteredSummaryUsesTheField()
    {
        const Dataset dataset = makeDataset(u"golden"_s, questions(40, false), u"A: "_s);
        QList<double> scores;
        for (int i = 0; i < 40; ++i)
            scores.append((i / 10) % 2 == 0 ? 0.9 : 0.4); // each document's items alike
        RunSettings settings;
        settings.clusterBy = u"source"_s;
        const EvalRun run = makeRun(dataset, u"clustered"_s, scores, settings);
        const EvalRun plain = makeRun(dataset, u"plain"_s, scores);
        auto clustered = RunSummary::compute(*m_workspace, run.id);
        auto naive = RunSummary::compute(*m_workspace, plain.id);
        QVERIFY(clustered && naive);
        const MetricSummary *withClusters = clustered.value().metric(u"faithfulness"_s);
        const MetricSummary *without = naive.value().metric(u"faithfulness"_s);
        QCOMPARE(withClusters->clusters, 4);
        QCOMPARE(without->clusters, 0);
        QVERIFY(withClusters->standardError > 2.5 * without->standardError);
        const QJsonObject json = clustered.value().toJson();
        QCOMPARE(json[u"metrics"_s][u"faithfulness"_s][u"clusters"_s].toInt(), 4);
        QCOMPARE(json[u"metrics"_s][u"faithfulness"_s][u"ci95"_s].toArray().size(), 2);
        QVERIFY(json[u"metrics"_s][u"faithfulness"_s][u"se"_s].isDouble());
    }
};

QTEST_GUILESS_MAIN(TestRunComparison)
#include "tst_runcomparison.moc"
