// Known secrets in the keyring, used for real by `genaiops eval run` (an OpenAI key for generation,
// an AWS secret key signing the Bedrock judge's calls), then looked for in everything the program
// puts out: stdout and stderr with every log category on, the JUnit file, each export format, the
// workspace file and its WAL, the running process's argv and environment, and what it prints when
// it is aborted mid-run. None may hold a secret, whole or in its URL-encoded form.

#include "common/testserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

const QByteArray OpenAiKey = "sk-genaiops-SECRET-openai-5f1c9e";
const QByteArray AwsSecret = "genaiops/SECRET+aws/7d3e21";
const QByteArray WrongKey = "sk-genaiops-SECRET-wrong-9a8b77";
const QString AccessKey = u"AKIDSECRETSTEST"_s;

struct Outcome
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCliSecrets : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_directory;
    TestServer m_openai{u"openai_server.py"_s,
                        {u"--api-key"_s, QString::fromLatin1(OpenAiKey), u"--latency-ms"_s, u"300"_s}};
    TestServer m_bedrock{u"bedrock_server.py"_s,
                         {u"--access-key"_s, AccessKey, u"--secret-key"_s, QString::fromLatin1(AwsSecret),
                          u"--region"_s, u"us-east-1"_s}};
    // Every output looked at so far, by name, for the final sweep and for the failure message.
    QList<QPair<QString, QByteArray>> m_outputs;

    QString workspace() const { return m_directory.filePath(u"ws.genaiops"_s); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const QString &key : {u"AWS_ACCESS_KEY_ID"_s, u"AWS_SECRET_ACCESS_KEY"_s, u"AWS_SESSION_TOKEN"_s,
                                   u"AWS_PROFILE"_s, u"OPENAI_API_KEY"_s})
            environment.remove(key);
        environment.insert(u"HOME"_s, m_directory.path());
        // Every category of the workbench, debug included: the logs are an output too.
        environment.insert(u"QT_LOGGING_RULES"_s, u"genaiops.*.debug=true"_s);
        return environment;
    }

    void startCli(QProcess &process, const QStringList &arguments) const
    {
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(GENAIOPS_CLI_PATH),
                      QStringList{u"--verbose"_s, u"--workspace"_s, workspace()} + arguments);
    }

    Outcome cli(const QStringList &arguments, const QByteArray &input = {})
    {
        QProcess process;
        startCli(process, arguments);
        process.waitForStarted();
        process.write(input);
        process.closeWriteChannel();
        process.waitForFinished(120000);
        Outcome outcome{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                        process.readAllStandardOutput(), process.readAllStandardError()};
        const QString name = arguments.mid(0, 2).join(u' ');
        m_outputs << std::pair{name + u" (stdout)"_s, outcome.out} << std::pair{name + u" (stderr)"_s, outcome.err};
        return outcome;
    }

    QString dataset()
    {
        const QString path = m_directory.filePath(u"golden.jsonl"_s);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            for (int item = 0; item < 6; ++item)
                file.write(
                    QJsonDocument(QJsonObject{{u"user_input"_s, u"What is item %1?"_s.arg(item)},
                                              {u"retrieved_contexts"_s, QJsonArray{u"Item %1 is gold."_s.arg(item)}},
                                              {u"reference"_s, u"Item %1 is gold."_s.arg(item)}})
                        .toJson(QJsonDocument::Compact)
                    + '\n');
        return path;
    }

    QStringList runArguments(const QString &generatorProfile) const
    {
        return {u"eval"_s,
                u"run"_s,
                u"--dataset"_s,
                m_directory.filePath(u"golden.jsonl"_s),
                u"--provider"_s,
                u"openai"_s,
                u"--profile"_s,
                generatorProfile,
                u"--model"_s,
                u"gpt-4o-mini"_s,
                u"--judge-provider"_s,
                u"bedrock"_s,
                u"--judge-profile"_s,
                u"judge"_s,
                u"--judge-endpoint-url"_s,
                m_bedrock.url().toString(),
                u"--judge-region"_s,
                u"us-east-1"_s,
                u"--judge-model"_s,
                u"anthropic.claude-3-haiku-20240307-v1:0"_s,
                u"--metrics"_s,
                u"lexical_f1,relevance"_s};
    }

    // Names every output that holds a secret, whole or URL-encoded.
    static QStringList leaks(const QList<QPair<QString, QByteArray>> &outputs)
    {
        QStringList found;
        for (const QByteArray &secret : {OpenAiKey, AwsSecret, WrongKey})
            for (const auto &[name, bytes] : outputs)
                if (bytes.contains(secret) || bytes.contains(QUrl::toPercentEncoding(QString::fromLatin1(secret))))
                    found << name + u": "_s + QString::fromLatin1(secret);
        return found;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_openai.start(), qPrintable(m_openai.errorString()));
        QVERIFY2(m_bedrock.start(), qPrintable(m_bedrock.errorString()));
        dataset();
        const QByteArray openai
            = "api_key=" + OpenAiKey + "\nbase_url=" + m_openai.url(u"/v1"_s).toString().toUtf8() + '\n';
        QCOMPARE(cli({u"credentials"_s, u"set"_s, u"gen"_s, u"--kind"_s, u"openai"_s}, openai).exitCode, 0);
        const QByteArray wrong
            = "api_key=" + WrongKey + "\nbase_url=" + m_openai.url(u"/v1"_s).toString().toUtf8() + '\n';
        QCOMPARE(cli({u"credentials"_s, u"set"_s, u"wrong"_s, u"--kind"_s, u"openai"_s}, wrong).exitCode, 0);
        const QByteArray aws
            = "access_key_id=" + AccessKey.toLatin1() + "\nsecret_access_key=" + AwsSecret + "\nregion=us-east-1\n";
        QCOMPARE(cli({u"credentials"_s, u"set"_s, u"judge"_s, u"--kind"_s, u"aws"_s}, aws).exitCode, 0);
    }

    void aRunWithSecretsFromTheKeyringWritesNoneOfThemAnywhere()
    {
        const QString junit = m_directory.filePath(u"gates.xml"_s);
        const Outcome run = cli(runArguments(u"gen"_s)
                                + QStringList{u"--gate"_s, u"lexical_f1>=0.0"_s, u"--junit"_s, junit, u"--json"_s});
        QVERIFY2(run.exitCode == 0 || run.exitCode == 1, run.err.right(2000).constData());
        const QJsonObject result = QJsonDocument::fromJson(run.out).object();
        // The secrets did their work: the key was accepted and the judge's calls were signed.
        QCOMPARE(result.value(u"completed"_s).toInt(), 6);
        QVERIFY2(result.value(u"failed"_s).toInt() == 0, run.err.right(3000).constData());
        QVERIFY2(m_bedrock.requests().size() >= 6, "the Bedrock judge was never called");
        m_outputs << std::pair{u"JUnit file"_s, fileBytes(junit)};
        const QString runId = QString::number(result.value(u"run_id"_s).toInteger());
        for (const QString &format : {u"html"_s, u"csv"_s, u"jsonl"_s}) {
            const QString exported = m_directory.filePath(u"export."_s + format);
            QCOMPARE(cli({u"eval"_s, u"export"_s, runId, u"--format"_s, format, u"--out"_s, exported}).exitCode, 0);
            m_outputs << std::pair{u"export "_s + format, fileBytes(exported)};
        }
        QCOMPARE(cli({u"eval"_s, u"show"_s, runId, u"--json"_s}).exitCode, 0);
        QCOMPARE(cli({u"credentials"_s, u"list"_s, u"--json"_s}).exitCode, 0);

        // A key the service refuses: its 401, which quotes the key (masked), is stored and exported.
        const Outcome refused = cli(runArguments(u"wrong"_s) + QStringList{u"--json"_s});
        const QString refusedId
            = QString::number(QJsonDocument::fromJson(refused.out).object().value(u"run_id"_s).toInteger());
        const QString refusedExport = m_directory.filePath(u"refused.jsonl"_s);
        QCOMPARE(
            cli({u"eval"_s, u"export"_s, refusedId, u"--format"_s, u"jsonl"_s, u"--out"_s, refusedExport}).exitCode, 0);
        m_outputs << std::pair{u"export of the refused run"_s, fileBytes(refusedExport)};
        QVERIFY2(m_outputs.last().second.contains("Incorrect API key provided"),
                 m_outputs.last().second.left(2000).constData());

        for (const QString &suffix : {QString(), u"-wal"_s})
            m_outputs << std::pair{u"workspace"_s + suffix, fileBytes(workspace() + suffix)};
        const QStringList found = leaks(m_outputs);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }

    void aRunningProcessHoldsNoSecretInArgvOrEnvironmentNorPrintsOneWhenAborted()
    {
        QProcess process;
        const qsizetype before = m_openai.requests().size();
        // Slow enough to be looked at and aborted mid-run: each generation takes 300 ms, one at a time.
        startCli(process, runArguments(u"gen"_s) + QStringList{u"--concurrency"_s, u"1"_s});
        QVERIFY(process.waitForStarted());
        // Once a request has gone out, the key has been read from the keyring and used.
        QTRY_VERIFY_WITH_TIMEOUT(m_openai.requests().size() > before || process.state() != QProcess::Running, 20000);
        QCOMPARE(process.state(), QProcess::Running);
        // argv, and the environment the process was given (what `ps e` and a crash reporter show);
        // the workbench starts no child process that could be handed a secret in its own.
        const QString proc = u"/proc/%1/"_s.arg(process.processId());
        m_outputs.clear();
        m_outputs << std::pair{u"argv"_s, fileBytes(proc + u"cmdline"_s)}
                  << std::pair{u"environment"_s, fileBytes(proc + u"environ"_s)};
        QVERIFY2(!m_outputs.first().second.isEmpty(), "the process ended before it could be looked at");
        ::kill(pid_t(process.processId()), SIGABRT);
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);
        m_outputs << std::pair{u"stdout when aborted"_s, process.readAllStandardOutput()}
                  << std::pair{u"stderr when aborted"_s, process.readAllStandardError()};
        const QStringList found = leaks(m_outputs);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }

    // Last: it locks the keyring for good (unlocking needs a prompt no test can answer). A locked
    // keyring stops the run before any call with a message that says to unlock it; nothing is sent
    // without the key, and no secret turns up in what is printed.
    void aLockedKeyringStopsTheRunWithAClearMessageAndSendsNothing()
    {
        QCOMPARE(QProcess::execute(u"dbus-send"_s,
                                   {u"--session"_s, u"--print-reply"_s, u"--dest=org.freedesktop.secrets"_s,
                                    u"/org/freedesktop/secrets"_s, u"org.freedesktop.Secret.Service.Lock"_s,
                                    u"array:objpath:/org/freedesktop/secrets/collection/login"_s}),
                 0);
        const qsizetype before = m_openai.requests().size();
        m_outputs.clear();
        const Outcome locked = cli(runArguments(u"gen"_s) + QStringList{u"--json"_s});
        QVERIFY(locked.exitCode != 0);
        QVERIFY2(locked.err.contains("the keyring is locked"), locked.err.right(2000).constData());
        QVERIFY2(locked.err.contains("keyring entry for profile \"gen\""), locked.err.right(2000).constData());
        QCOMPARE(m_openai.requests().size(), before);
        const Outcome written
            = cli({u"credentials"_s, u"set"_s, u"gen"_s, u"--kind"_s, u"openai"_s}, "api_key=sk-new\n");
        QVERIFY(written.exitCode != 0);
        QVERIFY2(written.err.contains("the keyring is locked"), written.err.constData());
        const QStringList found = leaks(m_outputs);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }

    void theSweepFindsASecretWhereOneIs()
    {
        // The check above would pass on outputs it cannot read; here it must find what is there.
        const QStringList found
            = leaks({{u"plain"_s, "x" + AwsSecret + "y"},
                     {u"encoded"_s, "key=" + QUrl::toPercentEncoding(QString::fromLatin1(AwsSecret))},
                     {u"clean"_s, "nothing here"}});
        QCOMPARE(found.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestCliSecrets)
#include "tst_clisecrets.moc"
