#include "core/common/logsink.h"
#include "core/common/secretredactor.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestSecretRedactor : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { SecretRedactor::instance().clear(); }

    void masksEveryRegisteredSecret()
    {
        SecretRedactor::instance().registerSecret(QStringLiteral("AKIDEXAMPLE123"));
        SecretRedactor::instance().registerSecret(QStringLiteral("wJalrXUtnFEMI/K7MDENG"));
        const QString text = QStringLiteral("key AKIDEXAMPLE123 secret wJalrXUtnFEMI/K7MDENG again AKIDEXAMPLE123");
        QCOMPARE(SecretRedactor::instance().redact(text), QStringLiteral("key **** secret **** again ****"));
    }

    void masksTheLongerSecretWhole()
    {
        // "abcd" is part of "abcdefgh": masking the short one first would leave "****efgh" behind.
        SecretRedactor::instance().registerSecret(QStringLiteral("abcd"));
        SecretRedactor::instance().registerSecret(QStringLiteral("abcdefgh"));
        QCOMPARE(SecretRedactor::instance().redact(QStringLiteral("x abcdefgh y abcd")),
                 QStringLiteral("x **** y ****"));
    }

    void ignoresTooShortSecrets()
    {
        SecretRedactor::instance().registerSecret(QStringLiteral("ab"));
        QCOMPARE(SecretRedactor::instance().redact(QStringLiteral("about")), QStringLiteral("about"));
    }

    void logFileNeverHoldsASecret()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const QString logPath = directory.filePath(QStringLiteral("logs/genaiops.log"));
        LogSink::install(logPath);
        const QString secret = QStringLiteral("sk-live-%1").arg(QDateTime::currentMSecsSinceEpoch());
        SecretRedactor::instance().registerSecret(secret);
        qWarning("service answered: invalid key %s", qPrintable(secret));
        qInfo() << "retrying with" << secret;
        QFile log(logPath);
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray contents = log.readAll();
        QVERIFY(contents.contains("service answered: invalid key ****"));
        QVERIFY(!contents.contains(secret.toUtf8()));
        qInstallMessageHandler(nullptr);
    }
};

QTEST_GUILESS_MAIN(TestSecretRedactor)
#include "tst_secretredactor.moc"
