// Runs inside tests/with-keyring.sh: a private D-Bus session with a real, unlocked gnome-keyring-daemon.

#include "core/common/logsink.h"
#include "core/common/secretredactor.h"
#include "core/secrets/credentialprofilerepository.h"
#include "core/secrets/credentialstore.h"
#include "core/storage/workspace.h"
#include "core/workspaceschema.h"

#include <QDirIterator>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

class TestCredentialStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run me through tests/with-keyring.sh");
    }

    void roundTripsThroughTheRealKeyring()
    {
        CredentialStore store(QStringLiteral("genaiops-workbench-test"));
        const QString profile = QStringLiteral("round-trip");
        const SecretMap secrets{
            {QStringLiteral("access_key_id"), QStringLiteral("AKIDROUNDTRIP")},
            {QStringLiteral("secret_access_key"), QStringLiteral("s3cr3t/with+chars=ü")},
            {QStringLiteral("session_token"), QStringLiteral("token-%1").arg(QUuid::createUuid().toString())}};
        const Status written = store.writeBlocking(profile, secrets);
        QVERIFY2(written, qPrintable(written ? QString() : written.error().describe()));

        // A second store object proves the secrets came back from the keyring, not from memory.
        CredentialStore reader(QStringLiteral("genaiops-workbench-test"));
        auto read = reader.readBlocking(profile);
        QVERIFY2(read, qPrintable(read ? QString() : read.error().describe()));
        QCOMPARE(read.value(), secrets);

        QVERIFY(reader.removeBlocking(profile));
        // Nothing stored reads as no secrets, not as an error: an unlocked keyring without the entry.
        auto gone = reader.readBlocking(profile);
        QVERIFY2(gone, qPrintable(gone ? QString() : gone.error().describe()));
        QVERIFY(gone.value().isEmpty());
        QVERIFY(reader.removeBlocking(profile)); // removing what is not there is fine
    }

    void asynchronousFormsReportOnTheirContext()
    {
        CredentialStore store(QStringLiteral("genaiops-workbench-test"));
        bool probed = false;
        store.probe(this, [&](Status reachable) {
            QVERIFY(reachable);
            probed = true;
        });
        QTRY_VERIFY(probed);
    }

    void secretsAppearNowhereOnDiskButTheKeyring()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString secret
            = QStringLiteral("sk-disk-check-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
        const QString workspacePath = home.filePath(QStringLiteral("data/ws.genaiops"));

        // The CLI path: secrets arrive on stdin, the workspace gets the profile.
        QProcess cli;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("HOME"), home.path());
        cli.setProcessEnvironment(environment);
        cli.start(QStringLiteral(GENAIOPS_CLI_PATH),
                  {QStringLiteral("--workspace"), workspacePath, QStringLiteral("credentials"), QStringLiteral("set"),
                   QStringLiteral("disk-check"), QStringLiteral("--kind"), QStringLiteral("openai")});
        QVERIFY(cli.waitForStarted());
        cli.write(QStringLiteral("api_key=%1\nbase_url=http://127.0.0.1:9/v1\n").arg(secret).toUtf8());
        cli.closeWriteChannel();
        QVERIFY(cli.waitForFinished(30000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        QVERIFY(!cli.readAllStandardOutput().contains(secret.toUtf8()));

        // The library path, with a log file and settings written the way the GUI writes them.
        const QString logPath = home.filePath(QStringLiteral("data/logs/genaiops.log"));
        LogSink::install(logPath);
        CredentialStore store;
        QVERIFY(store.writeBlocking(QStringLiteral("disk-check-2"), {{QStringLiteral("api_key"), secret}}));
        qWarning() << "a careless log line with" << secret;
        QSettings settings(home.filePath(QStringLiteral("config/GenAIOps/genaiops-workbench.conf")),
                           QSettings::IniFormat);
        settings.setValue(QStringLiteral("window/panel"), QStringLiteral("connections"));
        settings.sync();
        qInstallMessageHandler(nullptr);

        auto workspace
            = Workspace::openSqlite(workspacePath, Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules());
        QVERIFY(workspace);
        auto profile = CredentialProfileRepository(*workspace.value()).find(QStringLiteral("disk-check"));
        QVERIFY(profile && profile.value());
        QCOMPARE(profile.value()->settings.value(QStringLiteral("base_url")).toString(),
                 QStringLiteral("http://127.0.0.1:9/v1"));
        workspace.value().reset();

        int filesSearched = 0;
        QDirIterator files(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            ++filesSearched;
            QVERIFY2(!file.readAll().contains(secret.toUtf8()), qPrintable(file.fileName()));
        }
        QVERIFY2(filesSearched >= 3, "expected the workspace, the log and the settings file"); // ws (+wal), log, conf
        QVERIFY(QFile::exists(logPath));

        // And the secret is really in the keyring.
        auto stored = CredentialStore().readBlocking(QStringLiteral("disk-check"));
        QVERIFY(stored);
        QCOMPARE(stored.value().value(QStringLiteral("api_key")), secret);
        QVERIFY(store.removeBlocking(QStringLiteral("disk-check")));
        QVERIFY(store.removeBlocking(QStringLiteral("disk-check-2")));
    }

    void saysWhatToDoWhenNoKeyringAnswers()
    {
        QProcess cli;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
        environment.remove(QStringLiteral("DISPLAY"));
        QTemporaryDir home;
        cli.setProcessEnvironment(environment);
        cli.start(QStringLiteral(GENAIOPS_CLI_PATH),
                  {QStringLiteral("--workspace"), home.filePath(QStringLiteral("ws.genaiops")),
                   QStringLiteral("credentials"), QStringLiteral("set"), QStringLiteral("nokeyring"),
                   QStringLiteral("--kind"), QStringLiteral("aws")});
        QVERIFY(cli.waitForStarted());
        cli.write("access_key_id=AKIDNOKEYRING\nsecret_access_key=nokeyringsecret\nregion=eu-west-1\n");
        cli.closeWriteChannel();
        QVERIFY(cli.waitForFinished(60000));
        const QByteArray errors = cli.readAllStandardError();
        QCOMPARE(cli.exitCode(), 3);
        QVERIFY2(errors.contains("gnome-keyring-daemon --unlock"), errors.constData());
        QVERIFY(!errors.contains("nokeyringsecret"));
        // Keyring first: the workspace gained no profile whose secrets went nowhere.
        auto workspace = Workspace::openSqlite(home.filePath(QStringLiteral("ws.genaiops")),
                                               Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules());
        QVERIFY(workspace);
        auto profile = CredentialProfileRepository(*workspace.value()).find(QStringLiteral("nokeyring"));
        QVERIFY(profile);
        QVERIFY(!profile.value().has_value());
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
