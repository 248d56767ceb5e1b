// The Playground with Bedrock guardrails and Knowledge Bases, against the local Bedrock Runtime and
// Agent Runtime servers: a column whose guardrail blocks a denied topic says so and names the
// policy beside an unguarded column; a Knowledge Base column marks its citations with links to the
// passages it retrieved; a prompt version keeps its columns' guardrails.

#include "common/testserver.h"
#include "common/workerfixture.h"
#include "core/playground/promptlibrary.h"
#include "core/secrets/credentialprofilerepository.h"
#include "core/secrets/credentialstore.h"
#include "core/storage/workspaceworker.h"
#include "ui/playground/playgroundpanel.h"
#include "ui/playground/responsepane.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>

namespace {

const QString accessKey = QStringLiteral("AKIDGUARDRAIL");
const QString secretKey = QStringLiteral("guardrail-secret");
const QString guardrail = QStringLiteral("gr1abc2def3g:1");
const QString haiku = QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0");

QStringList awsFlags(const QStringList &more)
{
    return QStringList{
               QStringLiteral("--access-key"), accessKey,
               QStringLiteral("--secret-key"), secretKey,
               QStringLiteral("--guardrails"), TestServer::scriptPath(QStringLiteral("testdata/guardrails.json"))}
    + more;
}

CredentialProfile awsProfile(const QString &name, const QUrl &endpoint)
{
    CredentialProfile profile;
    profile.name = name;
    profile.kind = CredentialProfile::Kind::Aws;
    profile.settings.insert(QStringLiteral("region"), QStringLiteral("us-east-1"));
    profile.settings.insert(QStringLiteral("endpoint_url"), endpoint.toString());
    return profile;
}

// The verdict shown under a column, or empty when it is hidden.
QString shownVerdict(ResponsePane *pane)
{
    for (auto *browser : pane->findChildren<QTextBrowser *>())
        if (browser->isVisible() && browser->toPlainText().contains(QLatin1String("Guardrail")))
            return browser->toPlainText();
    return {};
}

} // namespace

class TestPlaygroundGuardrail : public QObject
{
    Q_OBJECT

private:
    WorkerFixture m_fixture{this};
    TestServer m_bedrock{QStringLiteral("bedrock_server.py"), awsFlags({})};
    TestServer m_agent{
        QStringLiteral("bedrock_agent_server.py"),
        awsFlags({QStringLiteral("--corpus"), TestServer::scriptPath(QStringLiteral("testdata/kb_corpus.jsonl"))})};
    WorkspaceWorker *m_worker = nullptr;
    CredentialStore *m_store = nullptr;
    PlaygroundPanel *m_panel = nullptr;

    bool run()
    {
        QSignalSpy finished(m_panel, &PlaygroundPanel::runFinished);
        m_panel->runAll();
        return finished.wait(30000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_bedrock.start(), qPrintable(m_bedrock.errorString()));
        QVERIFY2(m_agent.start(), qPrintable(m_agent.errorString()));
        QString problem;
        QVERIFY2(m_fixture.open(&problem), qPrintable(problem));
        m_worker = &m_fixture.worker();
        m_store = new CredentialStore(WorkerFixture::keyringService, this);
        const CredentialProfile runtime = awsProfile(QStringLiteral("bedrock"), m_bedrock.url());
        const CredentialProfile agent = awsProfile(QStringLiteral("knowledge-base"), m_agent.url());
        m_fixture.run<Done>([=](Workspace &workspace) -> Status {
            CredentialProfileRepository profiles(workspace);
            const Status first = profiles.save(runtime);
            return first ? profiles.save(agent) : first;
        });
        for (const QString &name : {runtime.name, agent.name})
            QVERIFY(m_store->writeBlocking(
                name,
                {{QStringLiteral("access_key_id"), accessKey}, {QStringLiteral("secret_access_key"), secretKey}}));
        m_panel = new PlaygroundPanel(*m_worker, *m_store);
        m_panel->resize(1280, 720);
        m_panel->show();
        QSignalSpy loaded(m_panel, &PlaygroundPanel::loaded);
        m_panel->reload();
        QVERIFY(loaded.wait(20000));
    }

    void cleanupTestCase()
    {
        delete m_panel;
        QVERIFY(m_store->removeBlocking(QStringLiteral("bedrock")));
        QVERIFY(m_store->removeBlocking(QStringLiteral("knowledge-base")));
    }

    void aGuardedColumnSaysTheGuardrailBlockedATopicAndNamesIt()
    {
        m_panel->setPrompt(QStringLiteral("Which {{asset}} should our team invest in this quarter?"),
                           QStringLiteral("You are a helpful assistant for Northwind Tools staff."));
        m_panel->setVariable(QStringLiteral("asset"), QStringLiteral("shares"));
        m_panel->setPaneCount(2);
        m_panel->configurePane(0, QStringLiteral("bedrock"), haiku);
        m_panel->pane(0)->setGuardrail(guardrail);
        m_panel->configurePane(1, QStringLiteral("bedrock"), haiku);
        m_panel->pane(1)->setGuardrail({});
        QVERIFY2(run(), qPrintable(m_panel->problem()));

        QCOMPARE(m_panel->pane(0)->text(), QStringLiteral("Sorry, the model cannot answer this question."));
        const QString verdict = shownVerdict(m_panel->pane(0));
        QVERIFY2(verdict.contains(QLatin1String("intervened")), qPrintable(verdict));
        QVERIFY2(verdict.contains(QLatin1String("topic \"Investment advice\": blocked (input)")), qPrintable(verdict));
        // The same prompt without the guardrail reaches the model.
        QVERIFY2(m_panel->pane(1)->text().startsWith(QLatin1String("Echo: Which shares")),
                 qPrintable(m_panel->pane(1)->text()));
        QVERIFY(shownVerdict(m_panel->pane(1)).isEmpty());
        // The guarded request carried the guardrail, signed like every other.
        bool guarded = false;
        for (const QJsonValue &entry : m_bedrock.requests()) {
            const QJsonObject request = entry.toObject();
            QCOMPARE(request.value(QStringLiteral("verdict")).toString(), QStringLiteral("ok"));
            guarded = guarded
                || request.value(QStringLiteral("body")).toString().contains(QLatin1String("\"guardrailIdentifier\""));
        }
        QVERIFY(guarded);

        const QString directory = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots");
        QVERIFY(QDir().mkpath(directory));
        QVERIFY(m_panel->grab().save(directory + QStringLiteral("/playground-guardrail.png")));
    }

    void aKnowledgeBaseColumnLinksItsCitationsToThePassages()
    {
        m_panel->setPrompt(QStringLiteral("How many vacation days do employees get per year?"));
        m_panel->setPaneCount(1);
        m_panel->configurePane(
            0, QStringLiteral("knowledge-base"),
            QStringLiteral("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"));
        m_panel->pane(0)->setGuardrail({});
        m_panel->pane(0)->setKnowledgeBase(QStringLiteral("KB12345678"));
        QVERIFY2(run(), qPrintable(m_panel->problem()));
        m_panel->pane(0)->setKnowledgeBase({});

        const PlaygroundRun &last = m_panel->lastRun();
        QCOMPARE(last.responses.size(), 1);
        QVERIFY2(last.responses[0].error.isEmpty(), qPrintable(last.responses[0].error));
        QTextBrowser *cited = nullptr;
        for (auto *browser : m_panel->pane(0)->findChildren<QTextBrowser *>())
            if (browser->isVisible() && browser->toHtml().contains(QLatin1String("#passage-1")))
                cited = browser;
        QVERIFY2(cited, "no cited answer with a link to passage 1");
        const QString shown = cited->toPlainText();
        QVERIFY2(shown.contains(QLatin1String("25 days of paid vacation")), qPrintable(shown));
        QVERIFY2(shown.contains(QLatin1String("s3://northwind-kb/hr/vacation-policy.txt")), qPrintable(shown));
        const QJsonObject request = m_agent.lastRequest();
        QCOMPARE(request.value(QStringLiteral("verdict")).toString(), QStringLiteral("ok"));
        QCOMPARE(request.value(QStringLiteral("operation")).toString(), QStringLiteral("RetrieveAndGenerate"));
    }

    void aPromptVersionKeepsItsColumnsGuardrails()
    {
        m_panel->setPrompt(QStringLiteral("Summarise the leave policy."));
        m_panel->setPaneCount(2);
        m_panel->pane(0)->setGuardrail(guardrail);
        m_panel->pane(1)->setGuardrail({});
        QSignalSpy saved(m_panel, &PlaygroundPanel::statusMessage);
        m_panel->saveVersionAs(QStringLiteral("leave-summary"), QStringLiteral("guarded column"));
        QVERIFY(saved.wait(10000));
        const PromptVersion version = m_fixture.run<PromptVersion>(
            [](Workspace &workspace) { return PromptLibrary(workspace).latest(QStringLiteral("leave-summary")); });
        QCOMPARE(version.guardrails, (QStringList{guardrail, QString()}));
    }
};

QTEST_MAIN(TestPlaygroundGuardrail)
#include "tst_playgroundguardrail.moc"
