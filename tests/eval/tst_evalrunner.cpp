#include "core/eval/evalrunner.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/itemevaluation.h"
#include "core/eval/runsummary.h"
#include "core/providers/chatprovider.h"
#include "core/providers/invocationlog.h"
#include "core/storage/workspace.h"
#include "evalrunfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

namespace {

// Custom templates that name the step and the item, so a reply rule can answer exactly one call.
RunSettings judgedSettings(const QStringList &metrics)
{
    RunSettings settings;
    settings.metrics = metrics;
    settings.concurrency = 2;
    settings.judge.provider = u"openai"_s;
    settings.judge.model = EvalRunFixture::judgeModel;
    settings.faithfulnessStatementsPrompt = u"STATEMENTS Q={{question}} R={{response}}"_s;
    settings.faithfulnessVerdictsPrompt = u"VERDICTS Q={{question}} C={{contexts}} S={{statements}}"_s;
    settings.relevancePrompt = u"RELEVANCE Q={{question}} R={{response}}"_s;
    return settings;
}

QString statementsReply(int count)
{
    QJsonArray statements;
    for (int i = 0; i < count; ++i)
        statements << u"Statement %1."_s.arg(i + 1);
    return u"Here you go:\n```json\n%1\n```"_s.arg(
        QString::fromUtf8(QJsonDocument(QJsonObject{{"statements"_L1, statements}}).toJson()));
}

QString verdictsReply(int count, int supported)
{
    QJsonArray verdicts;
    for (int i = 0; i < count; ++i)
        verdicts << QJsonObject{{"statement"_L1, u"Statement %1."_s.arg(i + 1)},
                                {"verdict"_L1, i < supported ? 1 : 0},
                                {"reason"_L1, u"reason %1"_s.arg(i + 1)}};
    return QString::fromUtf8(QJsonDocument(QJsonObject{{"verdicts"_L1, verdicts}}).toJson(QJsonDocument::Compact));
}

QString relevanceReply(double score)
{
    return u"My rating: {\"score\": %1, \"explanation\": \"fits %1\"}"_s.arg(score);
}

// Item i: 4 statements of which 4 - i are supported, relevance 0.1 × (i + 1).
QJsonArray scriptedJudge(int items)
{
    QJsonArray rules;
    for (int i = 0; i < items; ++i) {
        const QString question = EvalRunFixture::question(i);
        rules << EvalRunFixture::judgeRule(u"STATEMENTS Q="_s + question, statementsReply(4))
              << EvalRunFixture::judgeRule(u"VERDICTS Q="_s + question, verdictsReply(4, 4 - i))
              << EvalRunFixture::judgeRule(u"RELEVANCE Q="_s + question, relevanceReply(0.1 * (i + 1)));
    }
    return rules;
}

} // namespace

// The runner against the local OpenAI-compatible server with scripted judge answers: known scores
// come out, and every failure is an error on its item or metric, never a number.
class TestEvalRunner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void judgedRunGivesKnownScores();
    void generatesResponsesAndUsesBuiltInPrompts();
    void generationUsesTheRunsPromptAndParameters();
    void garbageFromTheJudgeFailsOnlyThatMetric();
    void repeatsKeepEveryScoreAndFindTheUnstable();
    void throttledCallsAreRetried();
    void failedGenerationIsAnItemError();
    void slowItemTimesOut();
    void missingJudgeFailsTheRun();
    void runsOnAWorkerThread();
    void scoringWaitsForWhatTheEventLoopHolds();

private:
    EvalRunFixture m_fixture;
};

void TestEvalRunner::initTestCase()
{
    QString error;
    QVERIFY2(m_fixture.startServer(error), qPrintable(error));
}

void TestEvalRunner::init()
{
    QString error;
    QVERIFY2(m_fixture.prepare(error), qPrintable(error));
}

void TestEvalRunner::judgedRunGivesKnownScores()
{
    const int items = 4;
    const qint64 runId
        = m_fixture.createRun(items, judgedSettings({Metrics::faithfulness, Metrics::relevance, Metrics::lexicalF1}));
    QVERIFY(runId > 0);
    QVERIFY(m_fixture.setReplies(scriptedJudge(items)));

    const auto outcome = m_fixture.run(runId, std::nullopt, m_fixture.config(EvalRunFixture::judgeModel));
    QCOMPARE(outcome.status, EvalRun::Status::Completed);
    QCOMPARE(outcome.reported.size(), items);
    QCOMPARE(outcome.lastDone, items);
    QCOMPARE(outcome.lastTotal, items);
    QCOMPARE(outcome.lastFailed, 0);

    const QList<ItemResult> results = m_fixture.storedResults(runId);
    QCOMPARE(results.size(), items);
    for (const ItemResult &result : results) {
        const int i = int(result.itemIndex);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.scores.size(), 3);
        QCOMPARE(result.scores[0].metric, Metrics::faithfulness); // in the run's order
        const MetricScore *faithfulness = result.score(Metrics::faithfulness);
        QVERIFY2(faithfulness->error.isEmpty(), qPrintable(faithfulness->error));
        QCOMPARE(*faithfulness->value, (4 - i) / 4.0);
        QCOMPARE(faithfulness->details.size(), 4);
        QCOMPARE(faithfulness->details[3].toObject().value("reason"_L1).toString(), u"reason 4"_s);
        const MetricScore *relevance = result.score(Metrics::relevance);
        QVERIFY2(relevance->error.isEmpty(), qPrintable(relevance->error));
        QCOMPARE(*relevance->value, 0.1 * (i + 1));
        QCOMPARE(relevance->explanation, u"fits %1"_s.arg(0.1 * (i + 1)));
        QCOMPARE(*result.score(Metrics::lexicalF1)->value, 1.0);
        QVERIFY(result.inputTokens > 0 && result.outputTokens > 0);
        QVERIFY(result.costUsd > 0.0);
    }
    const EvalRun run = m_fixture.storedRun(runId);
    QCOMPARE(run.status, EvalRun::Status::Completed);
    QCOMPARE(run.completed, items);
    QVERIFY(!run.finishedAt.isEmpty());

    auto logged = InvocationLog(m_fixture.workspace()).recent(100);
    QVERIFY(logged.ok());
    QCOMPARE(logged.value().size(), items * 3);
    for (const Invocation &invocation : logged.value()) {
        QCOMPARE(invocation.source, u"eval"_s);
        QCOMPARE(invocation.model, EvalRunFixture::judgeModel);
    }
}

void TestEvalRunner::generatesResponsesAndUsesBuiltInPrompts()
{
    RunSettings settings;
    settings.responsesFromDataset = false;
    settings.generator.model = EvalRunFixture::generatorModel;
    settings.judge.model = EvalRunFixture::judgeModel;
    settings.metrics = {Metrics::faithfulness, Metrics::relevance};
    const qint64 runId = m_fixture.createRun(3, settings);
    QVERIFY(runId > 0);
    // Only the judge's calls are scripted (by phrases of the built-in prompts); the generator echoes.
    QVERIFY(m_fixture.setReplies(
        {EvalRunFixture::judgeRule(u"standalone factual statements"_s, statementsReply(2)),
         EvalRunFixture::judgeRule(u"For each statement give verdict"_s, verdictsReply(2, 1)),
         EvalRunFixture::judgeRule(u"rating how well a response addresses"_s, relevanceReply(0.9))}));

    const auto outcome = m_fixture.run(runId, m_fixture.config(EvalRunFixture::generatorModel),
                                       m_fixture.config(EvalRunFixture::judgeModel));
    QCOMPARE(outcome.status, EvalRun::Status::Completed);
    const QList<ItemResult> results = m_fixture.storedResults(runId);
    QCOMPARE(results.size(), 3);
    for (const ItemResult &result : results) {
        QVERIFY2(result.ok, qPrintable(result.error));
        // The generator was asked the question with its contexts, as a RAG prompt.
        QVERIFY2(result.response.startsWith(u"Echo: Contexts:"_s), qPrintable(result.response));
        QVERIFY(result.response.contains(u"[1] [item-%1] is a test item."_s.arg(result.itemIndex)));
        QVERIFY(result.response.contains(u"Question: "_s + EvalRunFixture::question(int(result.itemIndex))));
        QCOMPARE(*result.score(Metrics::faithfulness)->value, 0.5);
        QCOMPARE(*result.score(Metrics::relevance)->value, 0.9);
    }
    // The verdicts prompt got the statements the first step extracted.
    bool sawVerdicts = false;
    for (const QJsonValue &request : m_fixture.server().requests()) {
        const QString body = request.toObject().value("body"_L1).toString();
        if (body.contains(u"For each statement give verdict"_s)) {
            sawVerdicts = true;
            QVERIFY(body.contains(u"1. Statement 1.\\n2. Statement 2."_s));
        }
    }
    QVERIFY(sawVerdicts);
}

void TestEvalRunner::generationUsesTheRunsPromptAndParameters()
{
    RunSettings settings;
    settings.responsesFromDataset = false;
    settings.generator.model = EvalRunFixture::generatorModel;
    settings.metrics = {Metrics::lexicalF1};
    settings.generationSystemPrompt = u"Answer in one sentence, citing [n]."_s;
    settings.temperature = 0.25;
    settings.maxTokens = 77;
    // Stored with the run and read back: a resumed run generates the same way.
    QCOMPARE(RunSettings::fromJson(settings.toJson()).generationSystemPrompt, settings.generationSystemPrompt);
    QCOMPARE(RunSettings::fromJson(settings.toJson()).temperature, std::optional(0.25));
    QCOMPARE(RunSettings::fromJson(RunSettings().toJson()).temperature, std::nullopt);
    const qint64 runId = m_fixture.createRun(2, settings);
    QVERIFY(runId > 0);
    const auto outcome = m_fixture.run(runId, m_fixture.config(EvalRunFixture::generatorModel), std::nullopt);
    QCOMPARE(outcome.status, EvalRun::Status::Completed);
    const QJsonArray requests = m_fixture.server().requests();
    QCOMPARE(requests.size(), 2);
    for (const QJsonValue &request : requests) {
        const QJsonObject body
            = QJsonDocument::fromJson(request.toObject().value("body"_L1).toString().toUtf8()).object();
        QCOMPARE(body.value("max_tokens"_L1).toInt(), 77);
        QCOMPARE(body.value("temperature"_L1).toDouble(), 0.25);
        const QJsonObject system = body.value("messages"_L1).toArray().first().toObject();
        QCOMPARE(system.value("role"_L1).toString(), u"system"_s);
        QCOMPARE(system.value("content"_L1).toString(), settings.generationSystemPrompt);
    }
}

void TestEvalRunner::repeatsKeepEveryScoreAndFindTheUnstable()
{
    RunSettings settings = judgedSettings({Metrics::relevance, Metrics::questionOverlap});
    settings.responsesFromDataset = false;
    settings.generator.model = EvalRunFixture::generatorModel;
    settings.repeats = 2;
    settings.judgeRepeats = 3;
    const int items = 3;
    const qint64 runId = m_fixture.createRun(items, settings);
    QVERIFY(runId > 0);
    // Item 0's judge answers 0.2, 0.6, 1.0 in turn (a noisy judge, its verdict flips at 0.7);
    // the others always 0.9.
    QJsonArray rules;
    QJsonObject noisy = EvalRunFixture::judgeRule(u"RELEVANCE Q="_s + EvalRunFixture::question(0), relevanceReply(0.2));
    noisy.insert("then"_L1, QJsonArray{relevanceReply(0.6), relevanceReply(1.0)});
    rules << noisy;
    for (int i = 1; i < items; ++i)
        rules << EvalRunFixture::judgeRule(u"RELEVANCE Q="_s + EvalRunFixture::question(i), relevanceReply(0.9));
    QVERIFY(m_fixture.setReplies(rules));

    const auto outcome = m_fixture.run(runId, m_fixture.config(EvalRunFixture::generatorModel),
                                       m_fixture.config(EvalRunFixture::judgeModel));
    QCOMPARE(outcome.status, EvalRun::Status::Completed);
    // Two generations and three judge calls on each: 2 + 6 calls per item.
    QCOMPARE(m_fixture.server().requests().size(), items * (2 + 6));
    const QList<ItemResult> results = m_fixture.storedResults(runId);
    QCOMPARE(results.size(), items);
    for (const ItemResult &result : results) {
        QVERIFY2(result.ok, qPrintable(result.error));
        const MetricScore *relevance = result.score(Metrics::relevance);
        QCOMPARE(relevance->repeats.size(), 6);
        double sum = 0;
        for (double value : relevance->repeats)
            sum += value;
        QVERIFY(std::abs(*relevance->value - sum / 6) < 1e-12);
        QVERIFY(std::abs(*relevance->value - (result.itemIndex == 0 ? 0.6 : 0.9)) < 1e-12);
        // A lexical metric is scored once per response.
        QCOMPARE(result.score(Metrics::questionOverlap)->repeats.size(), 2);
    }
    auto summary = RunSummary::compute(m_fixture.workspace(), runId);
    QVERIFY(summary);
    QCOMPARE(summary.value().metric(Metrics::relevance)->unstable, 1);
    QCOMPARE(summary.value().metric(Metrics::questionOverlap)->unstable, 0);
    const VarianceParts parts = summary.value().variance.value(Metrics::relevance);
    QCOMPARE(parts.items, items);
    // The echo generator answers alike both times, so all the spread within an item is the judge's.
    QCOMPARE(parts.betweenGenerations, 0.0);
    QVERIFY(parts.betweenJudgeCalls > 0.05);
    const QJsonObject json = summary.value().toJson();
    QCOMPARE(json["repeats"_L1].toInt(), 2);
    QCOMPARE(json["metrics"_L1]["relevance"_L1]["unstable_items"_L1].toInt(), 1);
}

void TestEvalRunner::garbageFromTheJudgeFailsOnlyThatMetric()
{
    const int items = 4;
    const qint64 runId
        = m_fixture.createRun(items, judgedSettings({Metrics::faithfulness, Metrics::relevance, Metrics::lexicalF1}));
    QVERIFY(runId > 0);
    QJsonArray rules{
        EvalRunFixture::judgeRule(u"VERDICTS Q="_s + EvalRunFixture::question(2), u"{\"verdicts\": \"all fine\"}"_s),
        EvalRunFixture::judgeRule(u"RELEVANCE Q="_s + EvalRunFixture::question(2), u"Very relevant, 9/10!"_s)};
    for (const QJsonValue &rule : scriptedJudge(items))
        rules << rule;
    QVERIFY(m_fixture.setReplies(rules));

    const auto outcome = m_fixture.run(runId, std::nullopt, m_fixture.config(EvalRunFixture::judgeModel));
    QCOMPARE(outcome.status, EvalRun::Status::Completed);
    QCOMPARE(outcome.lastFailed, 0); // the item itself is fine; two of its metrics are not
    const QList<ItemResult> results = m_fixture.storedResults(runId);
    QCOMPARE(results.size(), items);
    for (const ItemResult &result : results) {
        QVERIFY(result.ok);
        const MetricScore *faithfulness = result.score(Metrics::faithfulness);
        const MetricScore *relevance = result.score(Metrics::relevance);
        QVERIFY(result.score(Metrics::lexicalF1)->value);
        if (result.itemIndex != 2) {
            QVERIFY(faithfulness->value && faithfulness->error.isEmpty());
            QVERIFY(relevance->value && relevance->error.isEmpty());
            continue;
        }
        QVERIFY(!faithfulness->value);
        QVERIFY2(faithfulness->error.contains(
                     u"the judge's answer was not the JSON asked for: \"verdicts\" is not a list"_s),
                 qPrintable(faithfulness->error));
        QVERIFY(!relevance->value);
        QVERIFY2(relevance->error.contains(u"no JSON object found in \"Very relevant, 9/10!\""_s),
                 qPrintable(relevance->error));
    }
    auto values = EvalRunRepository(m_fixture.workspace()).metricValues(runId, Metrics::relevance);
    QVERIFY(values.ok());
    QCOMPARE(values.value().size(), items - 1); // no stand-in 0 for the broken answer
}

void TestEvalRunner::throttledCallsAreRetried()
{
    const int items = 6;
    const qint64 runId = m_fixture.createRun(items, judgedSettings({Metrics::relevance}));
    QVERIFY(runId > 0);
    QVERIFY(m_fixture.setReplies(scriptedJudge(items)));
    ProviderConfig judge = m_fixture.config(EvalRunFixture::judgeModel,
                                            {{"X-Test-Fault", "429"},
                                             {"X-Test-Fail-Count", "6"},
                                             {"X-Test-Key", "throttled-run"},
                                             {"X-Test-Retry-After", "0.05"}});
    judge.retry.maxAttempts = 8;

    const auto outcome = m_fixture.run(runId, std::nullopt, judge);
    QCOMPARE(outcome.status, EvalRun::Status::Completed);
    for (const ItemResult &result : m_fixture.storedResults(runId)) {
        const MetricScore *relevance = result.score(Metrics::relevance);
        QVERIFY2(relevance->error.isEmpty(), qPrintable(relevance->error));
        QCOMPARE(*relevance->value, 0.1 * double(result.itemIndex + 1));
    }
    int throttled = 0;
    for (const QJsonValue &request : m_fixture.server().requests())
        throttled += request.toObject().value("verdict"_L1).toString().startsWith(u"fault:"_s) ? 1 : 0;
    QCOMPARE(throttled, 6);
}

void TestEvalRunner::failedGenerationIsAnItemError()
{
    RunSettings settings = judgedSettings({Metrics::relevance, Metrics::lexicalF1});
    settings.responsesFromDataset = false;
    settings.generator.model = EvalRunFixture::generatorModel;
    const qint64 runId = m_fixture.createRun(3, settings);
    QVERIFY(runId > 0);
    ProviderConfig generator = m_fixture.config(EvalRunFixture::generatorModel, {{"X-Test-Fault", "500"}});
    generator.retry.maxAttempts = 1;

    const auto outcome = m_fixture.run(runId, generator, m_fixture.config(EvalRunFixture::judgeModel));
    QCOMPARE(outcome.status, EvalRun::Status::Completed);
    QCOMPARE(outcome.lastFailed, 3);
    for (const ItemResult &result : m_fixture.storedResults(runId)) {
        QVERIFY(!result.ok);
        QVERIFY2(result.error.startsWith(u"generating the response failed: "_s), qPrintable(result.error));
        QVERIFY(result.scores.isEmpty());
    }
    QCOMPARE(m_fixture.storedRun(runId).failed, 3);
    QVERIFY(EvalRunRepository(m_fixture.workspace()).metricValues(runId, Metrics::lexicalF1).value().isEmpty());
}

void TestEvalRunner::slowItemTimesOut()
{
    RunSettings settings = judgedSettings({Metrics::relevance});
    settings.itemTimeoutMs = 300;
    const qint64 runId = m_fixture.createRun(2, settings);
    QVERIFY(runId > 0);
    const ProviderConfig judge
        = m_fixture.config(EvalRunFixture::judgeModel, {{"X-Test-Fault", "latency"}, {"X-Test-Delay-Ms", "3000"}});
    const auto outcome = m_fixture.run(runId, std::nullopt, judge);
    QCOMPARE(outcome.status, EvalRun::Status::Completed);
    QVERIFY2(outcome.elapsedMs < 2500, qPrintable(QString::number(outcome.elapsedMs)));
    for (const ItemResult &result : m_fixture.storedResults(runId)) {
        QVERIFY(!result.ok);
        QCOMPARE(result.error, u"timed out after 0.3 s"_s);
    }
}

void TestEvalRunner::missingJudgeFailsTheRun()
{
    const qint64 runId = m_fixture.createRun(2, judgedSettings({Metrics::relevance}));
    QVERIFY(runId > 0);
    const auto outcome = m_fixture.run(runId, std::nullopt, std::nullopt);
    QCOMPARE(outcome.status, EvalRun::Status::Failed);
    QVERIFY2(outcome.errorString.contains(u"no judge model"_s), qPrintable(outcome.errorString));
    QCOMPARE(m_fixture.storedRun(runId).status, EvalRun::Status::Failed);
    QVERIFY(m_fixture.storedResults(runId).isEmpty());
}

// As the GUI runs it: moved to a thread of its own, started and deleted there, signals queued back.
void TestEvalRunner::runsOnAWorkerThread()
{
    const int items = 3;
    const qint64 runId = m_fixture.createRun(items, judgedSettings({Metrics::relevance, Metrics::questionOverlap}));
    QVERIFY(runId > 0);
    QVERIFY(m_fixture.setReplies(scriptedJudge(items)));

    QThread worker;
    auto *runner = new EvalRunner(m_fixture.workspace().location(), runId, std::nullopt,
                                  m_fixture.config(EvalRunFixture::judgeModel), false);
    runner->moveToThread(&worker);
    QList<ItemResult> reported;
    QList<Qt::HANDLE> threads;
    connect(runner, &EvalRunner::itemFinished, this, [&](const ItemResult &result) {
        reported << result;
        threads << QThread::currentThreadId();
    });
    QSignalSpy finished(runner, &EvalRunner::finished);
    worker.start();
    QMetaObject::invokeMethod(runner, &EvalRunner::start, Qt::QueuedConnection);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().value<EvalRun::Status>(), EvalRun::Status::Completed);
    QMetaObject::invokeMethod(
        runner, [runner] { delete runner; }, Qt::BlockingQueuedConnection);
    worker.quit();
    QVERIFY(worker.wait(5000));

    QTRY_COMPARE(reported.size(), items);
    for (Qt::HANDLE thread : std::as_const(threads))
        QCOMPARE(thread, QThread::currentThreadId());
    for (const ItemResult &result : std::as_const(reported))
        QCOMPARE(*result.score(Metrics::relevance)->value, 0.1 * double(result.itemIndex + 1));
    QCOMPARE(m_fixture.storedRun(runId).status, EvalRun::Status::Completed);
}

QTEST_GUILESS_MAIN(TestEvalRunner)
// The runner gives an item's slot to the next item once the item's last call is in: the lexical
// scores (this thread's CPU only) come from the event loop, after what the release queued there
// (the next item's call), and never for an aborted item.
void TestEvalRunner::scoringWaitsForWhatTheEventLoopHolds()
{
    RunSettings settings;
    settings.metrics = {Metrics::lexicalF1, Metrics::questionOverlap};
    settings.responsesFromDataset = false;
    settings.generator.provider = u"openai"_s;
    settings.generator.model = EvalRunFixture::generatorModel;
    EvalItem item;
    item.index = 0;
    item.question = u"What is the capital of France?"_s;
    item.reference = u"Paris is the capital of France."_s;
    QNetworkAccessManager network;
    const auto provider = ChatProvider::create(m_fixture.config(EvalRunFixture::generatorModel), &network);
    for (const bool abortOnRelease : {false, true}) {
        ItemEvaluation evaluation(1, item, settings, {{provider.get(), std::nullopt}, {}, {}, std::nullopt},
                                  [](const Invocation &) {});
        bool queuedOnRelease = false;
        int released = 0;
        QList<bool> queuedBeforeResult;
        QObject context;
        connect(&evaluation, &ItemEvaluation::callsFinished, &context, [&] {
            ++released;
            QMetaObject::invokeMethod(
                &context, [&] { queuedOnRelease = true; }, Qt::QueuedConnection);
            if (abortOnRelease)
                evaluation.abort();
        });
        connect(&evaluation, &ItemEvaluation::finished, &context,
                [&](const ItemResult &) { queuedBeforeResult << queuedOnRelease; });
        evaluation.start();
        QTRY_COMPARE_WITH_TIMEOUT(released, 1, 15000);
        QTRY_VERIFY(queuedOnRelease);
        if (abortOnRelease) {
            QTest::qWait(50);
            QCOMPARE(queuedBeforeResult, QList<bool>());
        } else {
            QTRY_COMPARE(queuedBeforeResult, QList<bool>{true});
        }
    }
}

#include "tst_evalrunner.moc"
