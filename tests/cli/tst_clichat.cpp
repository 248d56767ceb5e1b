// `genaiops chat` end to end: the real binary against the protocol-faithful local servers.

#include "common/testserver.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Outcome
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

const QString haiku = QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0");

} // namespace

class TestCliChat : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_directory;
    TestServer m_openai{QStringLiteral("openai_server.py")};
    TestServer m_bedrock{QStringLiteral("bedrock_server.py"),
                         {QStringLiteral("--access-key"), QStringLiteral("AKIDCLICHAT"), QStringLiteral("--secret-key"),
                          QStringLiteral("cli/chat+secret"), QStringLiteral("--region"), QStringLiteral("us-east-1")}};

    Outcome chat(const QStringList &arguments, const QByteArray &input = {}, const QProcessEnvironment &extra = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const QString &key :
             {QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AWS_SECRET_ACCESS_KEY"),
              QStringLiteral("AWS_SESSION_TOKEN"), QStringLiteral("AWS_PROFILE"), QStringLiteral("OPENAI_API_KEY")})
            environment.remove(key);
        environment.insert(QStringLiteral("HOME"), m_directory.path()); // no ~/.aws of the machine
        for (const QString &key : extra.keys())
            environment.insert(key, extra.value(key));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(GENAIOPS_CLI_PATH),
                      QStringList{QStringLiteral("--workspace"), m_directory.filePath(QStringLiteral("ws.genaiops")),
                                  QStringLiteral("chat")}
                          + arguments);
        if (!process.waitForStarted())
            return {};
        process.write(input);
        process.closeWriteChannel();
        process.waitForFinished(60000);
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

    QStringList openaiFlags() const
    {
        return {QStringLiteral("--provider"), QStringLiteral("openai"),
                QStringLiteral("--base-url"), m_openai.url(QStringLiteral("/v1")).toString(),
                QStringLiteral("--model"),    QStringLiteral("gpt-4o-mini")};
    }

    QStringList bedrockFlags() const
    {
        return {QStringLiteral("--provider"),     QStringLiteral("bedrock"),
                QStringLiteral("--endpoint-url"), m_bedrock.url().toString(),
                QStringLiteral("--region"),       QStringLiteral("us-east-1"),
                QStringLiteral("--model"),        haiku};
    }

    static QProcessEnvironment awsKeys(const QString &secret = QStringLiteral("cli/chat+secret"))
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDCLICHAT"));
        environment.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), secret);
        return environment;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_openai.start(), qPrintable(m_openai.errorString()));
        QVERIFY2(m_bedrock.start(), qPrintable(m_bedrock.errorString()));
    }

    void openaiStreamsNonAsciiText()
    {
        const Outcome outcome = chat(openaiFlags() + QStringList{QStringLiteral("Grüße aus 東京 🚀")});
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        QCOMPARE(QString::fromUtf8(outcome.out), QStringLiteral("Echo: Grüße aus 東京 🚀\n"));
        QCOMPARE(m_openai.lastRequest().value(QStringLiteral("verdict")).toString(), QStringLiteral("ok"));
    }

    void openaiJsonWithoutStreaming()
    {
        const Outcome outcome = chat(openaiFlags()
                                     + QStringList{QStringLiteral("--no-stream"), QStringLiteral("--json"),
                                                   QStringLiteral("--max-tokens"), QStringLiteral("2"),
                                                   QStringLiteral("one two three four")});
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        const QJsonObject result = QJsonDocument::fromJson(outcome.out).object();
        QCOMPARE(result.value(QStringLiteral("provider")).toString(), QStringLiteral("openai"));
        QCOMPARE(result.value(QStringLiteral("model")).toString(), QStringLiteral("gpt-4o-mini"));
        QCOMPARE(result.value(QStringLiteral("stop_reason")).toString(), QStringLiteral("max_tokens"));
        QCOMPARE(result.value(QStringLiteral("output_tokens")).toInt(), 2);
        QVERIFY(result.value(QStringLiteral("input_tokens")).toInt() > 0);
        QVERIFY(result.value(QStringLiteral("latency_ms")).toInt() >= result.value(QStringLiteral("ttft_ms")).toInt());
        const QJsonObject body
            = QJsonDocument::fromJson(m_openai.lastRequest().value(QStringLiteral("body")).toString().toUtf8())
                  .object();
        QCOMPARE(body.value(QStringLiteral("stream")).toBool(true), false);
    }

    void promptFromStdin()
    {
        const Outcome outcome = chat(openaiFlags() + QStringList{QStringLiteral("-")}, "piped prompt\n");
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        QVERIFY(outcome.out.startsWith("Echo: piped prompt"));
    }

    void bedrockStreamsWithEnvironmentCredentials()
    {
        const Outcome outcome = chat(
            bedrockFlags() + QStringList{QStringLiteral("--json"), QStringLiteral("Grüße, 東京")}, {}, awsKeys());
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        const QJsonObject result = QJsonDocument::fromJson(outcome.out).object();
        QCOMPARE(result.value(QStringLiteral("text")).toString(), QStringLiteral("Echo: Grüße, 東京"));
        QCOMPARE(result.value(QStringLiteral("model")).toString(), haiku);
        QCOMPARE(result.value(QStringLiteral("stop_reason")).toString(), QStringLiteral("end_turn"));
        const QJsonObject request = m_bedrock.lastRequest();
        QCOMPARE(request.value(QStringLiteral("verdict")).toString(), QStringLiteral("ok"));
        QVERIFY(request.value(QStringLiteral("path")).toString().contains(QLatin1String("v1%3A0/converse-stream")));
    }

    void bedrockWithoutStreaming()
    {
        const Outcome outcome = chat(
            bedrockFlags() + QStringList{QStringLiteral("--no-stream"), QStringLiteral("Hallo Welt")}, {}, awsKeys());
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        QCOMPARE(outcome.out, QByteArray("Echo: Hallo Welt\n"));
        QVERIFY(m_bedrock.lastRequest().value(QStringLiteral("path")).toString().endsWith(QLatin1String("/converse")));
    }

    void bedrockFromAnAwsProfileFile()
    {
        QDir(m_directory.path()).mkpath(QStringLiteral(".aws"));
        QFile credentials(m_directory.filePath(QStringLiteral(".aws/credentials")));
        QVERIFY(credentials.open(QIODevice::WriteOnly));
        credentials.write("[default]\naws_access_key_id = AKIDNOPE\naws_secret_access_key = nope\n\n"
                          "[team]\naws_access_key_id = AKIDCLICHAT\naws_secret_access_key = cli/chat+secret\n");
        credentials.close();
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("AWS_PROFILE"), QStringLiteral("team"));
        const Outcome outcome = chat(bedrockFlags() + QStringList{QStringLiteral("from a profile")}, {}, environment);
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        QVERIFY(outcome.out.startsWith("Echo: from a profile"));
        QFile::remove(credentials.fileName());
    }

    void aRejectedSignatureExitsThreeWithTheServiceMessage()
    {
        const Outcome outcome
            = chat(bedrockFlags() + QStringList{QStringLiteral("hello")}, {}, awsKeys(QStringLiteral("wrong-secret")));
        QCOMPARE(outcome.exitCode, 3);
        QVERIFY2(outcome.err.contains("InvalidSignatureException"), outcome.err.constData());
        QVERIFY(outcome.err.contains("The request signature we calculated does not match"));
        QVERIFY(!outcome.err.contains("wrong-secret"));
        QVERIFY(outcome.out.isEmpty());
    }

    void aServiceErrorExitsThree()
    {
        const Outcome outcome
            = chat({QStringLiteral("--provider"), QStringLiteral("openai"), QStringLiteral("--base-url"),
                    m_openai.url(QStringLiteral("/v1")).toString(), QStringLiteral("--model"),
                    QStringLiteral("no-such-model"), QStringLiteral("hello")});
        QCOMPARE(outcome.exitCode, 3);
        QVERIFY2(outcome.err.contains("no-such-model"), outcome.err.constData());
    }

    void anUnreachableEndpointExitsThree()
    {
        const Outcome outcome
            = chat({QStringLiteral("--provider"), QStringLiteral("openai"), QStringLiteral("--base-url"),
                    QStringLiteral("http://127.0.0.1:9/v1"), QStringLiteral("--model"), QStringLiteral("m"),
                    QStringLiteral("--retries"), QStringLiteral("0"), QStringLiteral("hello")});
        QCOMPARE(outcome.exitCode, 3);
        QVERIFY(outcome.err.contains("127.0.0.1:9"));
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("no prompt") << QStringList{QStringLiteral("--provider"), QStringLiteral("openai")}
                                   << QByteArray("exactly one PROMPT");
        QTest::newRow("no provider") << QStringList{QStringLiteral("--model"), QStringLiteral("m"),
                                                    QStringLiteral("hi")}
                                     << QByteArray("--provider openai, --provider bedrock or --provider bedrock-kb");
        QTest::newRow("no base url") << QStringList{
            QStringLiteral("--provider"), QStringLiteral("openai"), QStringLiteral("--model"), QStringLiteral("m"),
            QStringLiteral("hi")} << QByteArray("--base-url is required");
        QTest::newRow("bad temperature") << QStringList{QStringLiteral("--temperature"), QStringLiteral("hot"),
                                                        QStringLiteral("hi")}
                                         << QByteArray("--temperature expects");
        QTest::newRow("unknown profile") << QStringList{
            QStringLiteral("--profile"), QStringLiteral("ghost"), QStringLiteral("--model"), QStringLiteral("m"),
            QStringLiteral("hi")} << QByteArray("no connection profile named \"ghost\"");
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        const Outcome outcome = chat(arguments);
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains(message), outcome.err.constData());
    }

    void everyCallIsLogged()
    {
        // Successful and failed calls alike end up in the workspace's invocation log.
        const Outcome outcome = chat(openaiFlags() + QStringList{QStringLiteral("count me")});
        QCOMPARE(outcome.exitCode, 0);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("log"));
        db.setDatabaseName(m_directory.filePath(QStringLiteral("ws.genaiops")));
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(
            QStringLiteral("SELECT count(*), sum(CASE WHEN status = 'ok' THEN 1 ELSE 0 END), "
                           "sum(CASE WHEN prompt IS NOT NULL AND prompt <> '' THEN 1 ELSE 0 END) FROM invocations")));
        QVERIFY(query.next());
        QVERIFY(query.value(0).toInt() >= 8);
        QVERIFY(query.value(1).toInt() >= 5);
        QCOMPARE(query.value(2).toInt(), 0); // prompts are not recorded unless the user turns that on
        db.close();
    }
};

QTEST_GUILESS_MAIN(TestCliChat)
#include "tst_clichat.moc"
