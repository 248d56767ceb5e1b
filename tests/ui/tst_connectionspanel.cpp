// The Connections page's Test button makes a real minimal call through the profile.

#include "common/testserver.h"
#include "common/workerfixture.h"
#include "core/edge/localbroker.h"
#include "core/secrets/credentialstore.h"
#include "core/storage/workspaceworker.h"
#include "core/workspaceschema.h"
#include "ui/connections/connectionspanel.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestConnectionsPanel : public QObject
{
    Q_OBJECT

private:
    WorkerFixture m_fixture{this};
    TestServer m_openai{QStringLiteral("openai_server.py")};
    WorkspaceWorker *m_worker = nullptr;
    CredentialStore *m_store = nullptr;
    ConnectionsPanel *m_panel = nullptr;
    CredentialProfile m_profile;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_openai.start(), qPrintable(m_openai.errorString()));
        QString problem;
        QVERIFY2(m_fixture.open(&problem), qPrintable(problem));
        m_worker = &m_fixture.worker();
        m_store = new CredentialStore(WorkerFixture::keyringService, this);
        m_panel = new ConnectionsPanel(*m_worker, *m_store);
        m_profile.name = QStringLiteral("gateway");
        m_profile.kind = CredentialProfile::Kind::OpenAi;
        m_profile.settings.insert(QStringLiteral("base_url"), m_openai.url(QStringLiteral("/v1")).toString());
    }

    void cleanupTestCase() { delete m_panel; }

    void aWorkingConnectionPasses()
    {
        QSignalSpy finished(m_panel, &ConnectionsPanel::testFinished);
        m_panel->testProfile(m_profile, QStringLiteral("gpt-4o-mini"));
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QVERIFY2(finished.first().at(1).toString().contains(QLatin1String("gateway works")),
                 qPrintable(finished.first().at(1).toString()));
        const QJsonObject body
            = QJsonDocument::fromJson(m_openai.lastRequest().value(QStringLiteral("body")).toString().toUtf8())
                  .object();
        QCOMPARE(body.value(QStringLiteral("max_tokens")).toInt(), 5);
        QCOMPARE(body.value(QStringLiteral("model")).toString(), QStringLiteral("gpt-4o-mini"));
    }

    void aWrongModelFailsWithTheServiceMessage()
    {
        QSignalSpy finished(m_panel, &ConnectionsPanel::testFinished);
        m_panel->testProfile(m_profile, QStringLiteral("no-such-model"));
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY2(finished.first().at(1).toString().contains(QLatin1String("no-such-model")),
                 qPrintable(finished.first().at(1).toString()));
    }

    void anUnreachableEndpointFails()
    {
        CredentialProfile dead = m_profile;
        dead.settings.insert(QStringLiteral("base_url"), QStringLiteral("http://127.0.0.1:9/v1"));
        QSignalSpy finished(m_panel, &ConnectionsPanel::testFinished);
        m_panel->testProfile(dead, QStringLiteral("gpt-4o-mini"));
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(0).toBool(), false);
    }

    void anMqttProfileConnectsToItsBroker()
    {
        if (LocalBroker::executable().isEmpty())
            QSKIP("mosquitto is not installed");
        LocalBroker broker;
        QVERIFY(broker.start());
        CredentialProfile mqtt;
        mqtt.name = QStringLiteral("line-broker");
        mqtt.kind = CredentialProfile::Kind::Mqtt;
        mqtt.settings.insert(QStringLiteral("broker_url"), broker.url());
        QSignalSpy finished(m_panel, &ConnectionsPanel::testFinished);
        m_panel->testBroker(mqtt);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QVERIFY2(finished.first().at(1).toString().contains(broker.url()),
                 qPrintable(finished.first().at(1).toString()));

        broker.stop(); // nothing listens there now
        finished.clear();
        m_panel->testBroker(mqtt);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY2(finished.first().at(1).toString().contains(QLatin1String("refused")),
                 qPrintable(finished.first().at(1).toString()));
    }
};

QTEST_MAIN(TestConnectionsPanel)
#include "tst_connectionspanel.moc"
