#include "common/engineundertest.h"
#include "common/postgresserver.h"
#include "core/eval/evalrunner.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/runsummary.h"
#include "core/storage/workspace.h"
#include "evalrunfixture.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

RunSettings relevanceSettings(int concurrency)
{
    RunSettings settings;
    settings.metrics = {Metrics::faithfulness, Metrics::relevance};
    settings.concurrency = concurrency;
    settings.judge.model = EvalRunFixture::judgeModel;
    settings.faithfulnessStatementsPrompt = u"STATEMENTS Q={{question}}"_s;
    settings.faithfulnessVerdictsPrompt = u"VERDICTS Q={{question}} S={{statements}}"_s;
    settings.relevancePrompt = u"RELEVANCE Q={{question}}"_s;
    return settings;
}

// Faithfulness 0.75 and relevance 0.4 for every item, except the rules put in front of them.
QJsonArray judgeReplies(const QJsonArray &overrides = {})
{
    QJsonArray rules = overrides;
    rules << EvalRunFixture::judgeRule(u"STATEMENTS Q="_s, uR"({"statements": ["A", "B", "C", "D"]})"_s)
          << EvalRunFixture::judgeRule(u"VERDICTS Q="_s, uR"({"verdicts": [{"verdict": 1, "reason": "a"},
                {"verdict": 1, "reason": "b"}, {"verdict": 1, "reason": "c"}, {"verdict": 0, "reason": "d"}]})"_s)
          << EvalRunFixture::judgeRule(u"RELEVANCE Q="_s, uR"({"score": 0.4, "explanation": "partly"})"_s);
    return rules;
}

} // namespace

// A run that stops — cancelled, or with errors to retry — resumes with exactly one result per
// item; and items really run side by side, so wall time is bound by the endpoint.
class TestEvalResume : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void cancelThenResumeStoresEachItemOnce();
    void itemsWithoutCallsCancelAndResumeTheSame();
    void retryErrorsRedoesOnlyWhatFailed();
    void eachEndpointFaultFailsOnlyItsItemWithItsReasonAndRetryErrorsFixesIt();
    void aFullDiskStopsTheRunAsInterruptedKeepingWhatWasStoredAndItResumesOnceThereIsRoom();
    void concurrencyIsBoundByTheEndpoint();
    void aTeamWorkspaceWhoseServerRestartsMidRunLosesAndDuplicatesNothing();

private:
    EvalRunFixture m_fixture;
};

void TestEvalResume::initTestCase()
{
    QString error;
    QVERIFY2(m_fixture.startServer(error), qPrintable(error));
}

void TestEvalResume::init()
{
    QString error;
    QVERIFY2(m_fixture.prepare(error), qPrintable(error));
}

void TestEvalResume::cancelThenResumeStoresEachItemOnce()
{
    const int items = 20;
    const qint64 runId = m_fixture.createRun(items, relevanceSettings(4));
    QVERIFY(runId > 0);
    QVERIFY(m_fixture.setReplies(judgeReplies()));
    const ProviderConfig judge
        = m_fixture.config(EvalRunFixture::judgeModel, {{"X-Test-Fault", "latency"}, {"X-Test-Delay-Ms", "50"}});
    int seen = 0;
    const auto first
        = m_fixture.run(runId, std::nullopt, judge, false, [&seen](EvalRunner &runner, const ItemResult &) {
              if (++seen == 5)
                  runner.cancel();
          });
    QCOMPARE(first.status, EvalRun::Status::Cancelled);
    // The cancel takes effect once the batch of results stored with the fifth is reported (items
    // that finish together are stored together): what was reported is exactly what is stored.
    const qsizetype done = first.reported.size();
    QVERIFY2(done >= 5 && done < items, qPrintable(QString::number(done)));
    QCOMPARE(m_fixture.storedResults(runId).size(), done);
    QCOMPARE(m_fixture.storedRun(runId).status, EvalRun::Status::Cancelled);
    QCOMPARE(EvalRunRepository(m_fixture.workspace()).pendingItems(runId).value().size(), items - done);

    const auto resumed = m_fixture.run(runId, std::nullopt, judge);
    QCOMPARE(resumed.status, EvalRun::Status::Completed);
    QCOMPARE(resumed.reported.size(), items - done);
    QCOMPARE(resumed.lastDone, items);
    QCOMPARE(resumed.lastTotal, items);
    for (const ItemResult &again : resumed.reported) {
        for (const ItemResult &before : first.reported)
            QVERIFY(again.itemIndex != before.itemIndex);
    }
    const QList<ItemResult> stored = m_fixture.storedResults(runId);
    QCOMPARE(stored.size(), items);
    for (int i = 0; i < items; ++i) {
        QCOMPARE(stored[i].itemIndex, i);
        QCOMPARE(*stored[i].score(Metrics::faithfulness)->value, 0.75);
    }
    const EvalRun run = m_fixture.storedRun(runId);
    QCOMPARE(run.status, EvalRun::Status::Completed);
    QCOMPARE(run.completed, items);
}

// Responses from the dataset and lexical metrics only: each item finishes inside its own start, so
// the runner starts a batch of them per pass of the event loop. Stopping and resuming such a run
// must still store every item exactly once.
void TestEvalResume::itemsWithoutCallsCancelAndResumeTheSame()
{
    const int items = 30;
    RunSettings settings;
    settings.metrics = {Metrics::lexicalF1, Metrics::questionOverlap};
    settings.concurrency = 4;
    const qint64 runId = m_fixture.createRun(items, settings);
    QVERIFY(runId > 0);
    int seen = 0;
    const auto first
        = m_fixture.run(runId, std::nullopt, std::nullopt, false, [&seen](EvalRunner &runner, const ItemResult &) {
              if (++seen == 10)
                  runner.cancel();
          });
    QCOMPARE(first.status, EvalRun::Status::Cancelled);
    const qsizetype done = first.reported.size();
    QVERIFY2(done >= 10 && done < items, qPrintable(QString::number(done)));
    QCOMPARE(m_fixture.storedResults(runId).size(), done);

    const auto resumed = m_fixture.run(runId, std::nullopt, std::nullopt);
    QCOMPARE(resumed.status, EvalRun::Status::Completed);
    QCOMPARE(resumed.reported.size(), items - done);
    QCOMPARE(resumed.lastDone, items);
    const QList<ItemResult> stored = m_fixture.storedResults(runId);
    QCOMPARE(stored.size(), items);
    for (int i = 0; i < items; ++i) {
        QCOMPARE(stored[i].itemIndex, i);
        QCOMPARE(*stored[i].score(Metrics::lexicalF1)->value, 1.0);
    }
    QCOMPARE(m_fixture.storedRun(runId).completed, items);
}

void TestEvalResume::retryErrorsRedoesOnlyWhatFailed()
{
    const qint64 runId = m_fixture.createRun(4, relevanceSettings(2));
    QVERIFY(runId > 0);
    QVERIFY(m_fixture.setReplies(
        judgeReplies({EvalRunFixture::judgeRule(u"RELEVANCE Q="_s + EvalRunFixture::question(1), u"no idea"_s)})));
    const ProviderConfig judge = m_fixture.config(EvalRunFixture::judgeModel);
    const auto first = m_fixture.run(runId, std::nullopt, judge);
    QCOMPARE(first.status, EvalRun::Status::Completed);
    const ItemResult broken = m_fixture.storedResults(runId).at(1);
    QVERIFY(!broken.score(Metrics::relevance)->error.isEmpty());
    // "Completed" with a judge error is not a clean run: the summary counts the item and the score.
    {
        auto summary = RunSummary::compute(m_fixture.workspace(), runId);
        QVERIFY(summary);
        QCOMPARE(summary.value().run.failed, 0);
        QCOMPARE(summary.value().results, 4);
        QCOMPARE(summary.value().itemsWithErrors, 1);
        QCOMPARE(summary.value().unscored(*summary.value().metric(Metrics::relevance)), 1);
        QCOMPARE(summary.value().unscored(*summary.value().metric(Metrics::faithfulness)), 0);
        const QJsonObject json = summary.value().toJson();
        QCOMPARE(json.value(u"items_with_errors"_s).toInt(), 1);
        QCOMPARE(json.value(u"metrics"_s)[Metrics::relevance][u"unscored_items"_s].toInt(), 1);
    }

    // Resuming a finished run without retryErrors has nothing to do.
    const auto idle = m_fixture.run(runId, std::nullopt, judge);
    QCOMPARE(idle.status, EvalRun::Status::Completed);
    QCOMPARE(idle.reported.size(), 0);

    QVERIFY(m_fixture.server().reset());
    QVERIFY(m_fixture.setReplies(judgeReplies()));
    const auto retried = m_fixture.run(runId, std::nullopt, judge, true);
    QCOMPARE(retried.status, EvalRun::Status::Completed);
    QCOMPARE(retried.reported.size(), 1);
    QCOMPARE(retried.reported.first().itemIndex, 1);
    // Only the failed metric was asked again; faithfulness and the response were kept.
    QCOMPARE(m_fixture.server().requests().size(), 1);
    const ItemResult fixed = m_fixture.storedResults(runId).at(1);
    QCOMPARE(*fixed.score(Metrics::relevance)->value, 0.4);
    QCOMPARE(*fixed.score(Metrics::faithfulness)->value, 0.75);
    QCOMPARE(fixed.score(Metrics::faithfulness)->details, broken.score(Metrics::faithfulness)->details);
    QCOMPARE(fixed.scores.first().metric, Metrics::faithfulness);
    QVERIFY(fixed.costUsd > broken.costUsd);
    QCOMPARE(m_fixture.storedRun(runId).completed, 4);
    auto summary = RunSummary::compute(m_fixture.workspace(), runId);
    QVERIFY(summary);
    QCOMPARE(summary.value().itemsWithErrors, 0);
}

// Every fault an endpoint shows, each on one item's judge calls and on every attempt: the run
// completes, the healthy item is scored, each faulted item carries its own reason and no score (a
// 0 would pass for a judgement), and once the endpoint is well, retrying the errors scores them all.
void TestEvalResume::eachEndpointFaultFailsOnlyItsItemWithItsReasonAndRetryErrorsFixesIt()
{
    struct Fault
    {
        QJsonObject rule; // without "contains"
        QString reason; // what the item's error must say
    };
    const QList<Fault> faults{
        {{{u"fault"_s, u"429"_s}, {u"retry_after"_s, u"0"_s}}, u"429"_s},
        {{{u"fault"_s, u"429"_s}, {u"retry_after"_s, u""_s}}, u"429"_s},
        {{{u"fault"_s, u"500"_s}}, u"500"_s},
        {{{u"fault"_s, u"503"_s}}, u"503"_s},
        {{{u"fault"_s, u"reset"_s}}, u"connection"_s},
        {{{u"fault"_s, u"latency"_s}, {u"delay_ms"_s, 3000}}, u"no answer"_s},
        {{{u"fault"_s, u"truncate"_s}}, u"cut off"_s},
        {{{u"fault"_s, u"malformed"_s}}, u"JSON"_s},
        {{}, u"JSON"_s}, // no fault: the judge answers in prose
    };
    const int items = int(faults.size()) + 1; // item 0 stays healthy
    const qint64 runId = m_fixture.createRun(items, relevanceSettings(4));
    QVERIFY(runId > 0);
    QJsonArray rules;
    for (int i = 0; i < faults.size(); ++i) {
        QJsonObject rule = faults[i].rule;
        rule.insert(u"contains"_s, EvalRunFixture::question(i + 1));
        rule.insert(u"model"_s, EvalRunFixture::judgeModel);
        rule.insert(u"reply"_s, u"I think the answer is mostly right, with a small gap."_s);
        rules << rule;
    }
    QVERIFY(m_fixture.setReplies(judgeReplies(rules)));
    ProviderConfig judge = m_fixture.config(EvalRunFixture::judgeModel);
    judge.firstByteTimeoutMs = 400; // the stalled item waits 3 s for its first byte
    judge.retry.maxAttempts = 2;
    const auto first = m_fixture.run(runId, std::nullopt, judge);
    QCOMPARE(first.status, EvalRun::Status::Completed);

    const QList<ItemResult> stored = m_fixture.storedResults(runId);
    QCOMPARE(stored.size(), items);
    QCOMPARE(*stored[0].score(Metrics::relevance)->value, 0.4);
    QCOMPARE(*stored[0].score(Metrics::faithfulness)->value, 0.75);
    for (int i = 0; i < faults.size(); ++i) {
        const ItemResult &result = stored[i + 1];
        for (const QString &metric : {Metrics::faithfulness, Metrics::relevance}) {
            const MetricScore *score = result.score(metric);
            const QString error = score ? score->error : result.error;
            qInfo().noquote() << "item" << i + 1 << metric << ":" << error;
            QVERIFY2(!score || !score->value, qPrintable(u"item %1 %2 has a value"_s.arg(i + 1).arg(metric)));
            QVERIFY2(error.contains(faults[i].reason, Qt::CaseInsensitive),
                     qPrintable(u"item %1 %2: %3"_s.arg(i + 1).arg(metric, error)));
        }
    }
    auto summary = RunSummary::compute(m_fixture.workspace(), runId);
    QVERIFY(summary);
    QCOMPARE(summary.value().itemsWithErrors, faults.size());
    QCOMPARE(summary.value().unscored(*summary.value().metric(Metrics::relevance)), faults.size());

    // The endpoint is well again: only the faulted items are asked again, and all are scored.
    QVERIFY(m_fixture.setReplies(judgeReplies()));
    const auto retried = m_fixture.run(runId, std::nullopt, judge, true);
    QCOMPARE(retried.status, EvalRun::Status::Completed);
    QCOMPARE(retried.reported.size(), faults.size());
    for (const ItemResult &result : m_fixture.storedResults(runId)) {
        QCOMPARE(*result.score(Metrics::relevance)->value, 0.4);
        QCOMPARE(*result.score(Metrics::faithfulness)->value, 0.75);
    }
    summary = RunSummary::compute(m_fixture.workspace(), runId);
    QVERIFY(summary);
    QCOMPARE(summary.value().itemsWithErrors, 0);
}

// The workspace's disk fills up mid-run (a 32 MiB tmpfs the test mounts, room for the whole run and its WAL once the
// filler is gone; CI runs as root): the run stops with an error naming the workspace file, reads as interrupted (not
// failed), keeps every result it reported, and once there is room again a resume stores the rest, each item once.
void TestEvalResume::aFullDiskStopsTheRunAsInterruptedKeepingWhatWasStoredAndItResumesOnceThereIsRoom()
{
    if (EngineUnderTest::isPostgres())
        QSKIP("a workspace file's full disk; a team workspace's server keeps its own disk");
    if (::geteuid() != 0)
        QSKIP("mounting a small tmpfs needs root; CI runs as root");
    QTemporaryDir mountPoint;
    QCOMPARE(
        QProcess::execute(u"mount"_s, {u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=32m"_s, u"tmpfs"_s, mountPoint.path()}), 0);
    const auto unmount = qScopeGuard([&] {
        QString ignored;
        m_fixture.prepare(ignored); // a workspace off the mount, so it can go
        QProcess::execute(u"umount"_s, {u"-l"_s, mountPoint.path()});
    });
    QString error;
    QVERIFY2(m_fixture.prepare(error, mountPoint.path()), qPrintable(error));
    const int items = 60;
    const qint64 runId = m_fixture.createRun(items, relevanceSettings(2));
    QVERIFY(runId > 0);
    // Long judge explanations make every stored result take room.
    QVERIFY(m_fixture.setReplies(judgeReplies({EvalRunFixture::judgeRule(
        u"RELEVANCE Q="_s, uR"({"score": 0.4, "explanation": ")"_s + QString(3000, u'x') + u"\"}"_s)})));
    const ProviderConfig judge
        = m_fixture.config(EvalRunFixture::judgeModel, {{"X-Test-Fault", "latency"}, {"X-Test-Delay-Ms", "20"}});

    const QString filler = mountPoint.filePath(u"filler"_s);
    int seen = 0;
    const auto first = m_fixture.run(runId, std::nullopt, judge, false, [&](EvalRunner &, const ItemResult &) {
        if (++seen != 10)
            return;
        QFile fill(filler); // every byte the disk has left
        if (fill.open(QIODevice::WriteOnly))
            while (fill.write(QByteArray(64 * 1024, 'f')) > 0) { }
    });
    QCOMPARE(first.status, EvalRun::Status::Failed);
    QVERIFY2(first.errorString.contains(QFileInfo(m_fixture.workspace().location()).fileName()),
             qPrintable(first.errorString));
    QVERIFY2(first.errorString.contains(u"full"_s, Qt::CaseInsensitive), qPrintable(first.errorString));
    const QList<ItemResult> kept = m_fixture.storedResults(runId);
    QVERIFY2(kept.size() >= 10 && kept.size() < items, qPrintable(QString::number(kept.size())));
    QCOMPARE(kept.size(), first.reported.size()); // what was reported is what is stored
    const EvalRun stopped = m_fixture.storedRun(runId);
    QCOMPARE(stopped.status, EvalRun::Status::Running);
    QVERIFY(stopped.interrupted);
    QCOMPARE(stopped.displayStatus(), u"interrupted"_s);

    QVERIFY(QFile::remove(filler));
    const auto resumed = m_fixture.run(runId, std::nullopt, judge);
    QCOMPARE(resumed.status, EvalRun::Status::Completed);
    QCOMPARE(resumed.reported.size(), items - kept.size());
    const QList<ItemResult> stored = m_fixture.storedResults(runId);
    QCOMPARE(stored.size(), items);
    for (int i = 0; i < items; ++i)
        QCOMPARE(stored[i].itemIndex, i);
}

void TestEvalResume::concurrencyIsBoundByTheEndpoint()
{
    const int items = 40;
    const int latencyMs = 100;
    const int concurrency = 8;
    RunSettings settings;
    settings.responsesFromDataset = false;
    settings.generator.model = EvalRunFixture::generatorModel;
    settings.metrics = {Metrics::lexicalF1};
    settings.concurrency = concurrency;
    const qint64 runId = m_fixture.createRun(items, settings);
    QVERIFY(runId > 0);
    const ProviderConfig generator
        = m_fixture.config(EvalRunFixture::generatorModel,
                           {{"X-Test-Fault", "latency"}, {"X-Test-Delay-Ms", QByteArray::number(latencyMs)}});

    const auto outcome = m_fixture.run(runId, generator, std::nullopt);
    QCOMPARE(outcome.status, EvalRun::Status::Completed);
    QCOMPARE(m_fixture.storedResults(runId).size(), items);
    const double serialMs = double(items) * latencyMs;
    const double idealMs = serialMs / concurrency;
    const int maxInFlight = m_fixture.stats().value("max_in_flight"_L1).toInt();
    qInfo("%d items × %d ms at concurrency %d over %d network managers: %lld ms, %.0f%% of serial (%.0f ms), "
          "%.1f× the ideal %.0f ms; the server saw at most %d requests at once",
          items, latencyMs, concurrency, outcome.managers, outcome.elapsedMs,
          100.0 * double(outcome.elapsedMs) / serialMs, serialMs, double(outcome.elapsedMs) / idealMs, idealMs,
          maxInFlight);
    // Timing is not for tests: only a loose bound. (The server's in-flight peak is not asserted
    // either: its listen backlog of 5 drops SYNs of a burst, and a dropped one is retried after 1 s.)
    QCOMPARE(outcome.managers, (concurrency + EvalRunner::callsPerManager - 1) / EvalRunner::callsPerManager);
    QVERIFY(double(outcome.elapsedMs) < 0.5 * serialMs);
}

// The acceptance of a team workspace's faults: PostgreSQL killed while items are being stored and
// started again a second later. The runner's connection reconnects, the cut-off transaction runs
// again, and the run completes with exactly one result per item.
void TestEvalResume::aTeamWorkspaceWhoseServerRestartsMidRunLosesAndDuplicatesNothing()
{
    if (!EngineUnderTest::isPostgres())
        QSKIP("a team workspace's server (a workspace file has none)");
    const int items = 40;
    const qint64 runId = m_fixture.createRun(items, relevanceSettings(4));
    QVERIFY(runId > 0);
    QVERIFY(m_fixture.setReplies(judgeReplies()));
    const ProviderConfig judge
        = m_fixture.config(EvalRunFixture::judgeModel, {{"X-Test-Fault", "latency"}, {"X-Test-Delay-Ms", "50"}});
    PostgresServer *server = PostgresServer::shared();
    QVERIFY(server);
    std::thread restarter;
    QString stopError;
    QString startError;
    int seen = 0;
    const auto outcome = m_fixture.run(runId, std::nullopt, judge, false, [&](EvalRunner &, const ItemResult &) {
        if (++seen != 8)
            return;
        server->stop(&stopError, true); // as a kill: no shutdown checkpoint, recovery on start
        restarter = std::thread([server, &startError]() {
            std::this_thread::sleep_for(std::chrono::seconds(1));
            server->start(&startError);
        });
    });
    if (restarter.joinable())
        restarter.join();
    QVERIFY2(stopError.isEmpty() && startError.isEmpty(), qPrintable(stopError + startError));
    QVERIFY2(outcome.status == EvalRun::Status::Completed, qPrintable(outcome.errorString));
    // The test's own connection went with the server too: its next read reconnects.
    auto read = EvalRunRepository(m_fixture.workspace()).results(runId, 0, -1);
    QVERIFY2(read, qPrintable(read ? QString() : read.error().describe()));
    const QList<ItemResult> stored = read.value();
    QCOMPARE(stored.size(), items);
    QSet<qint64> indexes;
    for (const ItemResult &result : stored)
        indexes.insert(result.itemIndex);
    QCOMPARE(indexes.size(), items);
    QCOMPARE(m_fixture.storedRun(runId).completed, qint64(items));
}

QTEST_GUILESS_MAIN(TestEvalResume)
#include "tst_evalresume.moc"
