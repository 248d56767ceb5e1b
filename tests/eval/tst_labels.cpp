#include "common/engineundertest.h"
#include "common/pythonreference.h"
#include "core/eval/datasetwriter.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/judgeagreement.h"
#include "core/eval/labelexchange.h"
#include "core/eval/labelrepository.h"
#include "core/eval/reviewqueue.h"
#include "core/eval/runsetup.h"
#include "core/storage/workspace.h"
#include "core/workspaceschema.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace Qt::StringLiterals;

// Human labels in the workspace, the review queue's samples, the judge's agreement with people and
// the label exchange files.
class TestLabels : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<Workspace> m_workspace;

    // A run of `scores.size()` items whose faithfulness for item i is scores[i] (NaN: the judge
    // failed); `repeats` gives an item's repeated judge scores.
    EvalRun makeRun(const QList<double> &scores, const QMap<qint64, QList<double>> &repeats = {})
    {
        Dataset dataset;
        const Status written = m_workspace->transaction([&]() -> Status {
            DatasetWriter writer(*m_workspace);
            Status step = writer.begin(u"golden"_s, u"/data/golden.jsonl"_s);
            for (qsizetype index = 0; step && index < scores.size(); ++index) {
                EvalItem item;
                item.line = int(index + 1);
                item.question = u"Question %1?"_s.arg(index);
                item.response = u"Answer %1."_s.arg(index);
                step = writer.add(item);
            }
            if (!step)
                return step;
            auto finished = writer.finish(u"hash-%1"_s.arg(scores.size()), {});
            if (!finished)
                return finished.error();
            dataset = finished.value();
            return Done{};
        });
        if (!written)
            qFatal("dataset: %s", qPrintable(written.error().describe()));
        EvalRun run;
        run.name = u"labelled"_s;
        run.datasetId = dataset.id;
        run.settings.metrics = {u"faithfulness"_s, u"lexical_f1"_s};
        run.settings.thresholds.insert(u"faithfulness"_s, 0.5);
        if (!repeats.isEmpty())
            run.settings.judgeRepeats = 3;
        if (!EvalRunRepository(*m_workspace).create(run))
            qFatal("create failed");
        QList<ItemResult> results;
        for (qsizetype index = 0; index < scores.size(); ++index) {
            ItemResult result;
            result.runId = run.id;
            result.itemIndex = index;
            MetricScore judged;
            judged.metric = u"faithfulness"_s;
            if (std::isfinite(scores[index]))
                judged.value = scores[index];
            else
                judged.error = u"the judge answered prose"_s;
            judged.repeats = repeats.value(index);
            MetricScore lexical;
            lexical.metric = u"lexical_f1"_s;
            lexical.value = 0.5;
            result.scores = {judged, lexical};
            results << result;
        }
        if (const Status stored = EvalRunRepository(*m_workspace).storeResults(results); !stored)
            qFatal("store: %s", qPrintable(stored.error().describe()));
        return run;
    }

    static HumanLabel label(qint64 runId, qint64 item, bool pass, const QString &reviewer = u"rita"_s,
                            const QString &source = u"random"_s)
    {
        HumanLabel result = pass ? HumanLabel::pass() : HumanLabel::fail();
        result.runId = runId;
        result.itemIndex = item;
        result.metric = u"faithfulness"_s;
        result.reviewer = reviewer;
        result.source = source;
        return result;
    }

    QList<HumanLabel> stored(qint64 runId)
    {
        auto labels = LabelRepository(*m_workspace).labels(runId);
        if (!labels)
            qFatal("labels: %s", qPrintable(labels.error().describe()));
        return labels.value();
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

    void labelsAreStoredReplacedPerReviewerAndRefusedWhole()
    {
        const EvalRun run = makeRun({0.9, 0.2, 0.8});
        LabelRepository repository(*m_workspace);
        HumanLabel scored = HumanLabel::score(0.4);
        scored.runId = run.id;
        scored.itemIndex = 2;
        scored.metric = u"faithfulness"_s;
        scored.reviewer = u"rita"_s;
        scored.comment = u"the second claim is not in the context"_s;
        QVERIFY(repository.store({label(run.id, 0, true), label(run.id, 0, false, u"sam"_s), scored}));
        // rita changes her mind on item 0: her label is replaced, sam's stays.
        QVERIFY(repository.store({label(run.id, 0, false)}));
        const QList<HumanLabel> labels = stored(run.id);
        QCOMPARE(labels.size(), 3);
        QCOMPARE(labels[0].reviewer, u"rita"_s);
        QCOMPARE(labels[0].verdict, HumanLabel::Verdict::Fail);
        QCOMPARE(labels[1].reviewer, u"sam"_s);
        QCOMPARE(labels[2].verdict, HumanLabel::Verdict::Score);
        QCOMPARE(labels[2].value, 0.4);
        QCOMPARE(labels[2].comment, scored.comment);
        QVERIFY(!labels[2].createdAt.isEmpty());
        QVERIFY(!labels[2].passes(0.5));

        // One bad label in a batch: none of the batch is stored, and the error says which and why.
        HumanLabel lexical = label(run.id, 1, true);
        lexical.metric = u"lexical_f1"_s;
        const Status refusedLexical = repository.store({label(run.id, 1, true), lexical});
        QVERIFY(!refusedLexical);
        QCOMPARE(refusedLexical.error().where, u"label 2"_s);
        QVERIFY(refusedLexical.error().message.contains(u"not judged"_s));
        const Status outOfRange = repository.store({label(run.id, 3, true)});
        QVERIFY(!outOfRange);
        QVERIFY2(outOfRange.error().message.contains(u"items 0 to 2"_s), qPrintable(outOfRange.error().message));
        HumanLabel unknownMetric = label(run.id, 1, true);
        unknownMetric.metric = u"relevance"_s;
        QVERIFY(!repository.store({unknownMetric}));
        QVERIFY(!repository.store({label(run.id + 7, 0, true)}));
        HumanLabel nobody = label(run.id, 1, true, u"  "_s);
        QVERIFY(!repository.store({nobody}));
        HumanLabel tooHigh = HumanLabel::score(1.5);
        tooHigh.runId = run.id;
        tooHigh.metric = u"faithfulness"_s;
        tooHigh.reviewer = u"rita"_s;
        QVERIFY(!repository.store({tooHigh}));
        QCOMPARE(stored(run.id).size(), 3);

        // Labels go with their run.
        QVERIFY(EvalRunRepository(*m_workspace).remove(run.id));
        QVERIFY(stored(run.id).isEmpty());
    }

    void storeOneHandsBackTheStoredLabel()
    {
        const EvalRun run = makeRun({0.9, 0.2});
        auto given = LabelRepository(*m_workspace).storeOne(label(run.id, 1, false));
        QVERIFY(given);
        QVERIFY(!given.value().createdAt.isEmpty());
        QCOMPARE(stored(run.id).first().createdAt, given.value().createdAt);
        QVERIFY(!LabelRepository(*m_workspace).storeOne(label(run.id, 5, false)));
    }

    // The New run dialog's one call: import the file, then create the run on it.
    void aRunIsCreatedFromADatasetFile()
    {
        const QString path = m_directory->filePath(u"golden.jsonl"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"question\": \"Q?\", \"contexts\": [\"C\"], \"answer\": \"A\", \"ground_truth\": \"A\"}\n");
        file.close();
        RunSettings settings;
        settings.metrics = {u"lexical_f1"_s};
        auto run = RunSetup::createFromFile(*m_workspace, path, settings, u"from a file"_s);
        QVERIFY2(run, qPrintable(run ? QString() : run.error().describe()));
        QCOMPARE(run.value().itemCount, 1);
        QCOMPARE(run.value().name, u"from a file"_s);
        auto missing = RunSetup::createFromFile(*m_workspace, m_directory->filePath(u"none.jsonl"_s), settings);
        QVERIFY(!missing);
        QVERIFY(missing.error().describe().contains(u"none.jsonl"_s));
    }

    void reviewQueueSamplesWhatTheReviewerHasNotSeen()
    {
        QList<double> scores;
        for (int i = 0; i < 100; ++i)
            scores << (i < 90 ? 0.85 + (i % 10) / 100.0 : 0.05 + (i - 90) / 100.0);
        scores[50] = std::numeric_limits<double>::quiet_NaN(); // no judge score: never offered
        const EvalRun run = makeRun(scores);
        QVERIFY(LabelRepository(*m_workspace).store({label(run.id, 1, true), label(run.id, 2, true)}));

        auto random = ReviewQueue::build(*m_workspace, run.id, u"faithfulness"_s, ReviewQueue::Sampling::Random, 200,
                                         u"rita"_s, 5);
        QVERIFY2(random, qPrintable(random ? QString() : random.error().describe()));
        QCOMPARE(random.value().size(), 97);
        QVERIFY(!random.value().contains(1) && !random.value().contains(2) && !random.value().contains(50));
        auto again = ReviewQueue::build(*m_workspace, run.id, u"faithfulness"_s, ReviewQueue::Sampling::Random, 200,
                                        u"rita"_s, 5);
        QCOMPARE(again.value(), random.value()); // seeded
        // Another reviewer is offered the items rita labelled.
        auto sam = ReviewQueue::build(*m_workspace, run.id, u"faithfulness"_s, ReviewQueue::Sampling::Random, 200,
                                      u"sam"_s, 5);
        QCOMPARE(sam.value().size(), 99);

        // Stratified: ten items, and the ten low-scoring items (10 % of the run) get half of them.
        auto stratified = ReviewQueue::build(*m_workspace, run.id, u"faithfulness"_s, ReviewQueue::Sampling::Stratified,
                                             10, u"rita"_s, 5);
        QCOMPARE(stratified.value().size(), 10);
        qsizetype low = 0;
        for (qint64 item : stratified.value())
            low += scores[item] < 0.5 ? 1 : 0;
        QVERIFY2(low >= 5, qPrintable(QString::number(low)));

        QVERIFY(
            !ReviewQueue::build(*m_workspace, run.id, u"lexical_f1"_s, ReviewQueue::Sampling::Random, 5, u"rita"_s, 5));
    }

    void reviewQueueOffersUnstableItemsClosestFirst()
    {
        const EvalRun run = makeRun({0.9, 0.5, 0.45, 0.2, 0.7},
                                    {{0, {0.9, 0.9, 0.9}},
                                     {1, {0.8, 0.3, 0.4}},
                                     {2, {0.6, 0.4, 0.35}},
                                     {3, {0.2, 0.2, 0.2}},
                                     {4, {0.9, 0.3, 0.9}}});
        auto unstable = ReviewQueue::build(*m_workspace, run.id, u"faithfulness"_s, ReviewQueue::Sampling::Unstable, 10,
                                           u"rita"_s, 1);
        QVERIFY(unstable);
        QCOMPARE(unstable.value(), (QList<qint64>{1, 2, 4}));
    }

    void agreementCountsEveryLabelAndCorrectsTheMean()
    {
        // Judge: items 0–5 pass (0.8), 6–9 fail (0.2). People: agree on 0–3 and 6–8, disagree on 4, 5, 9.
        QList<double> scores{
            0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.2, 0.2, 0.2, 0.2, 0.8, 0.2, std::numeric_limits<double>::quiet_NaN()};
        const EvalRun run = makeRun(scores);
        QList<HumanLabel> labels;
        const QList<bool> human{true, true, true, true, false, false, false, false, false, true};
        for (int i = 0; i < human.size(); ++i)
            labels << label(run.id, i, human[i]);
        // sam labels 0–4 as rita did except item 1; and item 12, which the judge failed on.
        for (int i = 0; i < 5; ++i)
            labels << label(run.id, i, i == 1 ? false : human[i], u"sam"_s, u"stratified"_s);
        labels << label(run.id, 12, true, u"sam"_s);
        QVERIFY(LabelRepository(*m_workspace).store(labels));

        auto computed = JudgeAgreement::compute(*m_workspace, run.id);
        QVERIFY2(computed, qPrintable(computed ? QString() : computed.error().describe()));
        QCOMPARE(computed.value().size(), 1); // lexical_f1 is not judged
        const MetricAgreement &agreement = computed.value().first();
        QCOMPARE(agreement.metric, u"faithfulness"_s);
        QCOMPARE(agreement.labelledItems, 10);
        QCOMPARE(agreement.withoutJudgeScore, 1);
        QCOMPARE(agreement.reviewers, (QStringList{u"rita"_s, u"sam"_s}));
        QCOMPARE(agreement.judgeKappa.pairs, 15);
        // rita: 7 of 10 agree; sam: items 0, 2, 3 agree, 1 and 4 do not.
        QCOMPARE(agreement.confusion[1][1], 4 + 3);
        QCOMPARE(agreement.confusion[1][0], 2 + 2);
        QCOMPARE(agreement.confusion[0][0], 3);
        QCOMPARE(agreement.confusion[0][1], 1);
        QVERIFY(std::abs(agreement.judgeKappa.agreement - 10.0 / 15.0) < 1e-12);
        QVERIFY(agreement.randomSample); // sam's items were drawn by stratum, but rita drew every item at random
        QCOMPARE(agreement.reviewerPairs.size(), 1);
        QCOMPARE(agreement.reviewerPairs.first().kappa.pairs, 5);
        QVERIFY(std::abs(agreement.reviewerPairs.first().kappa.agreement - 0.8) < 1e-12);

        // sklearn on the same 15 pairs.
        QJsonArray judge;
        QJsonArray people;
        for (const HumanLabel &given : labels) {
            if (given.itemIndex == 12)
                continue;
            judge.append(scores[given.itemIndex] >= 0.5 ? 1 : 0);
            people.append(given.value >= 0.5 ? 1 : 0);
        }
        QString error;
        const QJsonValue expected = PythonReference::evaluate(
            u"from sklearn.metrics import cohen_kappa_score\nresult = cohen_kappa_score(data['judge'], data['people'])\n"_s,
            QJsonObject{{u"judge"_s, judge}, {u"people"_s, people}}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(std::abs(*agreement.judgeKappa.kappa - expected.toDouble()) < 1e-9);

        // Bias: judge score minus the people's mean per item, over the 10 items.
        double bias = 0;
        for (int i = 0; i < 10; ++i) {
            double humanValue = human[i] ? 1 : 0;
            if (i < 5)
                humanValue = (humanValue + (i == 1 ? 0 : (human[i] ? 1 : 0))) / 2;
            bias += scores[i] - humanValue;
        }
        QVERIFY(std::abs(*agreement.judgeBias - bias / 10) < 1e-12);
        QCOMPARE(agreement.corrected.labelled, 10);
        QCOMPARE(agreement.corrected.unlabelled, 2); // items 10 and 11
        QVERIFY(agreement.corrected.ci95.isKnown());
        QVERIFY(!agreement.trustworthy());
        QVERIFY(agreement.warning().contains(u"not trustworthy"_s));

        const QJsonObject json = agreement.toJson();
        for (const QString &key : {u"n"_s, u"kappa"_s, u"kappa_ci95"_s, u"agreement"_s, u"judge_bias"_s,
                                   u"corrected_mean"_s, u"corrected_ci95"_s})
            QVERIFY2(json.contains(key), qPrintable(key));
        QCOMPARE(json.value(u"n"_s).toInt(), 10);
        QCOMPARE(json.value(u"corrected_ci95"_s).toArray().size(), 2);

        // An item only a stratified queue offered: the labelled items are no longer a random sample.
        QVERIFY(LabelRepository(*m_workspace).store({label(run.id, 10, true, u"sam"_s, u"stratified"_s)}));
        auto again = JudgeAgreement::compute(*m_workspace, run.id);
        QVERIFY(again);
        QVERIFY(!again.value().first().randomSample);
        QCOMPARE(again.value().first().labelledItems, 11);
    }

    void aRunWithoutLabelsHasNoAgreement()
    {
        const EvalRun run = makeRun({0.9, 0.1});
        auto computed = JudgeAgreement::compute(*m_workspace, run.id);
        QVERIFY(computed);
        QVERIFY(computed.value().isEmpty());
        QVERIFY(!JudgeAgreement::compute(*m_workspace, run.id + 1));
    }

    void labelsTravelAsJsonlAndABadLineStoresNothing()
    {
        const EvalRun run = makeRun({0.9, 0.1, 0.6});
        HumanLabel commented = label(run.id, 2, false, u"rita"_s);
        commented.comment = u"says \"always\", the context says \"usually\"\nsecond line"_s;
        QVERIFY(LabelRepository(*m_workspace)
                    .store({label(run.id, 0, true), label(run.id, 1, false, u"sam"_s), commented}));
        const QString path = m_directory->filePath(u"labels.jsonl"_s);
        auto exported = LabelExchange::exportLabels(*m_workspace, run.id, path);
        QVERIFY(exported);
        QCOMPARE(exported.value(), 3);

        // Into another run (another workspace would give the same run another id).
        const EvalRun other = makeRun({0.9, 0.1, 0.6});
        auto imported = LabelExchange::importLabels(*m_workspace, path, other.id);
        QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().describe()));
        QCOMPARE(imported.value(), 3);
        const QList<HumanLabel> before = stored(run.id);
        const QList<HumanLabel> after = stored(other.id);
        QCOMPARE(after.size(), 3);
        for (qsizetype i = 0; i < 3; ++i) {
            QCOMPARE(after[i].reviewer, before[i].reviewer);
            QCOMPARE(after[i].value, before[i].value);
            QCOMPARE(after[i].comment, before[i].comment);
            QCOMPARE(after[i].createdAt, before[i].createdAt);
            QCOMPARE(after[i].source, before[i].source);
        }

        // A file with one bad line among good ones: refused with its line, nothing stored.
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        file.write("\n{\"run_id\": 1, \"item\": 1, \"metric\": \"faithfulness\", \"reviewer\": \"kim\", \"verdict\": "
                   "\"maybe\"}\n");
        file.close();
        const EvalRun third = makeRun({0.9, 0.1, 0.6});
        auto refused = LabelExchange::importLabels(*m_workspace, path, third.id);
        QVERIFY(!refused);
        QCOMPARE(refused.error().where, u"labels.jsonl:5"_s);
        QVERIFY(refused.error().message.contains(u"pass, fail or score"_s));
        QVERIFY(stored(third.id).isEmpty());

        for (const QByteArray &bad : {QByteArray("{\"run_id\": 1, \"item\": -1"), QByteArray("[1, 2]"),
                                      QByteArray("{\"run_id\": 1, \"item\": 0.5, \"metric\": \"faithfulness\", "
                                                 "\"reviewer\": \"kim\", \"verdict\": \"pass\"}"),
                                      QByteArray("{\"run_id\": 1, \"item\": 0, \"metric\": \"faithfulness\", "
                                                 "\"reviewer\": \"kim\", \"verdict\": \"score\"}")}) {
            QFile one(m_directory->filePath(u"one.jsonl"_s));
            QVERIFY(one.open(QIODevice::WriteOnly | QIODevice::Truncate));
            one.write(bad + '\n');
            one.close();
            auto result = LabelExchange::importLabels(*m_workspace, one.fileName(), third.id);
            QVERIFY2(!result, bad.constData());
            QCOMPARE(result.error().where, u"one.jsonl:1"_s);
        }
        QVERIFY(!LabelExchange::importLabels(*m_workspace, m_directory->filePath(u"missing.jsonl"_s)));
    }
};

QTEST_GUILESS_MAIN(TestLabels)
#include "tst_labels.moc"
