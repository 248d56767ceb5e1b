// The Connections page's Test button makes a real minimal call through the profile.

#include "common/testserver.h"
#include "common/workerfixture.h"
#include "core/edge/localbroker.h"
#include "core/secrets/credentialstore.h"
#include "core/storage/workspaceworker.h"
#include "core/workspaceschema.h"
#include "ui/common/profilemarks.h"
#include "ui/connections/connectionspanel.h"
#include "ui/connections/credentialprofilemodel.h"
#include "ui/connections/profiledialog.h"
#include "ui/theme.h"

#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
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

    // What a screenshot of the page shows cannot depend on a secret: the page with a profile whose
    // key is in the keyring, and the profile dialog with a key typed in, render to the same pixels
    // for two different keys of one length (the dots show the length, nothing else).
    void aScreenshotOfTheConnectionsPageDoesNotDependOnTheSecret()
    {
        const auto panelWith = [&](const QByteArray &key) {
            bool done = false;
            m_panel->saveProfile(m_profile, SecretMap{{QStringLiteral("api_key"), QString::fromLatin1(key)}},
                                 [&done](Status status) { done = bool(status); });
            if (!QTest::qWaitFor([&] { return done; }, 20000))
                return QImage();
            // Both pictures of the page as it settles after a load, however busy the machine is.
            QSignalSpy loaded(m_panel, &ConnectionsPanel::loaded);
            m_panel->reload();
            if (!loaded.wait(20000))
                return QImage();
            m_panel->resize(1000, 640);
            // "Updated" is the second the profile was saved: it differs between two saves, the key aside.
            QTableView *table = m_panel->findChild<QTableView *>();
            if (!table)
                return QImage();
            table->setColumnHidden(CredentialProfileModel::UpdatedColumn, true);
            QCoreApplication::processEvents();
            const QImage image = m_panel->grab().toImage();
            table->setColumnHidden(CredentialProfileModel::UpdatedColumn, false);
            return image;
        };
        const QImage first = panelWith("sk-first-SECRET-0000aaaa");
        const QImage second = panelWith("sk-other-SECRET-1111bbbb");
        QVERIFY(!first.isNull());
        if (first != second) { // kept for a look at what differs
            first.save(QDir::temp().filePath(QStringLiteral("connections-first.png")));
            second.save(QDir::temp().filePath(QStringLiteral("connections-second.png")));
        }
        QVERIFY2(first == second, "the Connections page renders differently for another secret");
        QCOMPARE(m_store->readBlocking(m_profile.name).value().value(QStringLiteral("api_key")),
                 QStringLiteral("sk-other-SECRET-1111bbbb")); // the second key really was stored

        const auto dialogWith = [](const QString &key, QLineEdit::EchoMode shown = QLineEdit::Password) {
            ProfileDialog dialog;
            dialog.resize(560, 360);
            for (QLineEdit *editor : dialog.findChildren<QLineEdit *>())
                if (editor->echoMode() == QLineEdit::Password) {
                    editor->setText(key);
                    editor->setEchoMode(shown);
                }
            return std::pair{dialog.grab().toImage(), dialog.enteredSecrets()};
        };
        // The control: shown as plain text, the two keys do render differently.
        QVERIFY(dialogWith(QStringLiteral("sk-first-SECRET-0000aaaa"), QLineEdit::Normal).first
                != dialogWith(QStringLiteral("sk-other-SECRET-1111bbbb"), QLineEdit::Normal).first);
        const auto [typed, typedSecrets] = dialogWith(QStringLiteral("sk-first-SECRET-0000aaaa"));
        const auto [other, otherSecrets] = dialogWith(QStringLiteral("sk-other-SECRET-1111bbbb"));
        QVERIFY2(!typedSecrets.isEmpty(), "the dialog has no password field to type into");
        QVERIFY(typedSecrets != otherSecrets);
        QVERIFY2(typed == other, "the profile dialog shows something of the typed secret");
    }

    // A profile that does not verify TLS certificates is red in the Connections table, and red in
    // every profile drop-down while it is the one chosen (ProfileMarks, used by the Playground, the
    // New run dialog and the Edge panel).
    void aProfileThatDoesNotVerifyTlsIsMarkedRed()
    {
        CredentialProfile lab = m_profile;
        lab.name = QStringLiteral("lab");
        lab.settings.insert(QStringLiteral("verify_tls"), QStringLiteral("no"));
        CredentialProfileModel model;
        model.setProfiles({m_profile, lab});
        const QColor bad = Theme::color(Theme::Role::Bad);
        const QModelIndex labSettings = model.index(1, CredentialProfileModel::SettingsColumn);
        QVERIFY(model.data(labSettings).toString().startsWith(QLatin1String("TLS NOT VERIFIED")));
        QCOMPARE(model.data(labSettings, Qt::ForegroundRole).value<QColor>(), bad);
        QVERIFY(!model.data(model.index(0, CredentialProfileModel::SettingsColumn), Qt::ForegroundRole).isValid());

        QWidget parent;
        auto *box = new QComboBox(&parent);
        box->addItems({QStringLiteral("gateway"), QStringLiteral("lab")});
        ProfileMarks::apply(box, {QStringLiteral("lab")});
        QCOMPARE(box->itemData(1, Qt::ForegroundRole).value<QColor>(), bad);
        QVERIFY(!box->itemData(0, Qt::ForegroundRole).isValid());
        QVERIFY(box->palette().color(QPalette::ButtonText) != bad); // "gateway" is chosen
        box->setCurrentIndex(1);
        QCOMPARE(box->palette().color(QPalette::ButtonText), bad);
        QVERIFY(box->toolTip().contains(QLatin1String("does not verify TLS")));
        box->setCurrentIndex(0);
        QVERIFY(box->palette().color(QPalette::ButtonText) != bad);
    }

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
