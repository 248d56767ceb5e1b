// Drives the Playground panel against the local OpenAI-compatible and Bedrock servers: three
// streams at once while the event loop keeps turning, stop, history and the invocation log.

#include "common/testserver.h"
#include "common/workerfixture.h"
#include "core/providers/invocationlog.h"
#include "core/secrets/credentialprofilerepository.h"
#include "core/secrets/credentialstore.h"
#include "core/storage/workspaceworker.h"
#include "core/workspaceschema.h"
#include "ui/playground/playgroundpanel.h"
#include "ui/playground/responsepane.h"

#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

class TestPlaygroundPanel : public QObject
{
    Q_OBJECT

private:
    WorkerFixture m_fixture{this};
    TestServer m_openai{QStringLiteral("openai_server.py"), {QStringLiteral("--token-delay-ms"), QStringLiteral("25")}};
    TestServer m_bedrock{QStringLiteral("bedrock_server.py"),
                         {QStringLiteral("--access-key"), QStringLiteral("AKIDPLAYGROUND"),
                          QStringLiteral("--secret-key"), QStringLiteral("playground-secret"),
                          QStringLiteral("--token-delay-ms"), QStringLiteral("25")}};
    WorkspaceWorker *m_worker = nullptr;
    CredentialStore *m_store = nullptr;
    PlaygroundPanel *m_panel = nullptr;

    void prepareRun()
    {
        m_panel->setPrompt(QStringLiteral("Tell me about {{topic}} in a few short words please"),
                           QStringLiteral("Be brief."));
        m_panel->setVariable(QStringLiteral("topic"), QStringLiteral("Grüße aus 東京"));
        m_panel->setPaneCount(3);
        m_panel->configurePane(0, QStringLiteral("local"), QStringLiteral("gpt-4o-mini"));
        m_panel->configurePane(1, QStringLiteral("local"), QStringLiteral("gpt-4o"));
        m_panel->configurePane(2, QStringLiteral("bedrock-test"),
                               QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_openai.start(), qPrintable(m_openai.errorString()));
        QVERIFY2(m_bedrock.start(), qPrintable(m_bedrock.errorString()));
        QString problem;
        QVERIFY2(m_fixture.open(&problem), qPrintable(problem));
        m_worker = &m_fixture.worker();
        m_store = new CredentialStore(WorkerFixture::keyringService, this);

        CredentialProfile local;
        local.name = QStringLiteral("local");
        local.kind = CredentialProfile::Kind::OpenAi;
        local.settings.insert(QStringLiteral("base_url"), m_openai.url(QStringLiteral("/v1")).toString());
        CredentialProfile bedrock;
        bedrock.name = QStringLiteral("bedrock-test");
        bedrock.kind = CredentialProfile::Kind::Aws;
        bedrock.settings.insert(QStringLiteral("region"), QStringLiteral("us-east-1"));
        bedrock.settings.insert(QStringLiteral("endpoint_url"), m_bedrock.url().toString());
        m_fixture.run<Done>([=](Workspace &workspace) -> Status {
            CredentialProfileRepository profiles(workspace);
            const Status first = profiles.save(local);
            return first ? profiles.save(bedrock) : first;
        });
        QVERIFY(m_store->writeBlocking(QStringLiteral("bedrock-test"),
                                       {{QStringLiteral("access_key_id"), QStringLiteral("AKIDPLAYGROUND")},
                                        {QStringLiteral("secret_access_key"), QStringLiteral("playground-secret")}}));

        m_panel = new PlaygroundPanel(*m_worker, *m_store);
        m_panel->resize(1200, 800);
        m_panel->show();
        QSignalSpy loaded(m_panel, &PlaygroundPanel::loaded);
        m_panel->reload();
        QVERIFY(loaded.wait(20000));
    }

    void cleanupTestCase()
    {
        delete m_panel;
        QVERIFY(m_store->removeBlocking(QStringLiteral("bedrock-test")));
    }

    void threeStreamsRunWhileTheEventLoopTurns()
    {
        prepareRun();
        // Which pane each delta went to, in arrival order: interleaving proves the streams run together.
        QList<int> arrivals;
        QObject listening; // the connections end with this test function
        for (int slot = 0; slot < 3; ++slot) {
            auto *text = m_panel->pane(slot)->findChild<QPlainTextEdit *>();
            connect(text, &QPlainTextEdit::textChanged, &listening, [&arrivals, slot]() { arrivals << slot; });
        }
        int ticks = 0;
        qint64 longestGap = 0;
        QElapsedTimer sinceTick;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, this, [&]() {
            ++ticks;
            longestGap = qMax(longestGap, sinceTick.restart());
        });
        QSignalSpy finished(m_panel, &PlaygroundPanel::runFinished);
        sinceTick.start();
        ticker.start();
        QElapsedTimer wall;
        wall.start();
        m_panel->runAll();
        QVERIFY(m_panel->isRunning()); // from the moment Run is pressed: a second press does nothing
        QVERIFY2(finished.wait(30000), qPrintable(m_panel->problem()));
        ticker.stop();
        qInfo("three streams took %lld ms; the event loop turned %d times, longest gap %lld ms", wall.elapsed(), ticks,
              longestGap);

        const QString expected = QStringLiteral("Echo: Tell me about Grüße aus 東京 in a few short words please");
        for (int slot = 0; slot < 3; ++slot)
            QCOMPARE(m_panel->pane(slot)->text(), expected);
        // Each answer has 11 word deltas 25 ms apart: the loop must have turned all along.
        QVERIFY2(ticks >= 20, qPrintable(QStringLiteral("only %1 event-loop turns").arg(ticks)));
        const int firstOfLast = int(arrivals.indexOf(2));
        const int lastOfFirst = int(arrivals.lastIndexOf(0));
        QVERIFY2(firstOfLast >= 0 && firstOfLast < lastOfFirst, "the streams did not interleave");

        const PlaygroundRun &run = m_panel->lastRun();
        QVERIFY(run.id > 0); // kept in the history
        QCOMPARE(run.responses.size(), 3);
        for (const PlaygroundResponse &response : run.responses) {
            QVERIFY2(response.error.isEmpty(), qPrintable(response.error));
            QVERIFY(response.metrics.outputTokens > 0);
            QVERIFY(response.metrics.inputTokens > 0);
            QVERIFY(response.metrics.ttftMs >= 0);
            QVERIFY(response.metrics.latencyMs >= response.metrics.ttftMs);
        }
        QCOMPARE(run.responses[2].provider, QStringLiteral("bedrock"));
        QVERIFY(run.responses[2].costUsd.has_value()); // Claude 3 Haiku is in the default price table
        QCOMPARE(m_bedrock.lastRequest().value(QStringLiteral("verdict")).toString(), QStringLiteral("ok"));

        const auto usage = m_fixture.run<QList<UsageRow>>(
            [](Workspace &workspace) { return InvocationLog(workspace).usageByModelAndDay(1); });
        qint64 calls = 0;
        for (const UsageRow &row : usage)
            calls += row.calls;
        QCOMPARE(calls, 3);
    }

    void stopCancelsEveryStream()
    {
        prepareRun();
        QSignalSpy finished(m_panel, &PlaygroundPanel::runFinished);
        auto *firstText = m_panel->pane(0)->findChild<QPlainTextEdit *>();
        QSignalSpy firstDelta(firstText, &QPlainTextEdit::textChanged);
        m_panel->runAll();
        QVERIFY(firstDelta.wait(10000));
        m_panel->stop();
        QVERIFY(finished.wait(10000));
        for (const PlaygroundResponse &response : m_panel->lastRun().responses)
            QVERIFY2(response.error.contains(QLatin1String("ancel")), qPrintable(response.error));
        QVERIFY(!m_panel->isRunning());
    }

    void aMissingVariableIsNamed()
    {
        m_panel->setPrompt(QStringLiteral("Compare {{first}} with {{second}}"));
        m_panel->setVariable(QStringLiteral("first"), QStringLiteral("A"));
        m_panel->runAll();
        QVERIFY(!m_panel->isRunning());
        QVERIFY2(m_panel->problem().contains(QLatin1String("second")), qPrintable(m_panel->problem()));
    }
};

QTEST_MAIN(TestPlaygroundPanel)
#include "tst_playgroundpanel.moc"
