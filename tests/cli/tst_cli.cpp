// Drives the real `genaiops` binary as a pipeline would: arguments, stdin, exit codes, stdout, stderr.

#include "common/workspacedamage.h"
#include "core/storage/workspace.h"

#include <QFile>
#include <QJsonArray>
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

Outcome runCli(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(QStringLiteral(GENAIOPS_CLI_PATH), arguments);
    if (!process.waitForStarted())
        return {};
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_directory;
    QString workspace() const { return m_directory.filePath(QStringLiteral("ws.genaiops")); }

private slots:
    void printsItsVersion()
    {
        const Outcome outcome = runCli({QStringLiteral("--version")});
        QCOMPARE(outcome.exitCode, 0);
        QVERIFY(outcome.out.startsWith("genaiops 0."));
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("no command") << QStringList() << QByteArray("Commands:");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")}
                                         << QByteArray("unknown command \"frobnicate\"");
        QTest::newRow("workspace without action")
            << QStringList{QStringLiteral("workspace")}
            << QByteArray("expected `info`, `check`, `members`, `grant`, `revoke` or `migrate`");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("workspace"), QStringLiteral("info"),
                                                       QStringLiteral("--bogus")}
                                        << QByteArray("Unknown option 'bogus'");
        QTest::newRow("set without kind")
            << QStringList{QStringLiteral("credentials"), QStringLiteral("set"), QStringLiteral("p")}
            << QByteArray("--kind aws|openai|mqtt is required");
        QTest::newRow("bad kind") << QStringList{QStringLiteral("credentials"), QStringLiteral("set"),
                                                 QStringLiteral("p"), QStringLiteral("--kind"), QStringLiteral("gcp")}
                                  << QByteArray("unknown kind \"gcp\"");
        QTest::newRow("bad profile name")
            << QStringList{QStringLiteral("credentials"), QStringLiteral("set"), QStringLiteral("a b"),
                           QStringLiteral("--kind"), QStringLiteral("aws")}
            << QByteArray("not a valid profile name");
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        const Outcome outcome = runCli(QStringList{QStringLiteral("--workspace"), workspace()} + arguments);
        QCOMPARE(outcome.exitCode, 2);
        const QByteArray printed = outcome.err + outcome.out;
        QVERIFY2(printed.contains(message), printed.constData());
    }

    // Every command and subcommand answers --help with its own options, on stdout, exit 0, and
    // touches no workspace.
    void everyCommandHasHelp_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("expected");
        const auto row = [](const char *name, const QString &command, const QByteArray &expected) {
            QTest::newRow(name) << command.split(QLatin1Char(' ')) + QStringList{QStringLiteral("--help")} << expected;
        };
        row("chat", QStringLiteral("chat"), "--max-tokens");
        row("credentials", QStringLiteral("credentials"), "--kind");
        row("workspace", QStringLiteral("workspace"), "Usage: genaiops workspace");
        row("eval", QStringLiteral("eval"), "eval export RUN_ID");
        row("eval run", QStringLiteral("eval run"), "Usage: genaiops eval run");
        row("eval run options", QStringLiteral("eval run"), "--judge-model");
        row("eval resume", QStringLiteral("eval resume"), "--retry-errors");
        row("eval list", QStringLiteral("eval list"), "Usage: genaiops eval list");
        row("eval show", QStringLiteral("eval show"), "run_id");
        row("eval import", QStringLiteral("eval import"), "--format");
        row("eval export", QStringLiteral("eval export"), "--out");
        row("registry", QStringLiteral("registry"), "registry promote");
        row("edge", QStringLiteral("edge"), "edge recordings");
        row("edge listen", QStringLiteral("edge listen"), "--broker");
        row("edge simulate", QStringLiteral("edge simulate"), "--devices");
        row("edge replay", QStringLiteral("edge replay"), "--speed");
        row("edge recordings", QStringLiteral("edge recordings"), "--delete");
    }

    void everyCommandHasHelp()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, expected);
        const QString untouched = m_directory.filePath(QStringLiteral("help-untouched.genaiops"));
        const Outcome outcome = runCli(QStringList{QStringLiteral("--workspace"), untouched} + arguments);
        QCOMPARE(outcome.exitCode, 0);
        QVERIFY2(outcome.out.contains(expected), outcome.out.constData());
        QVERIFY2(outcome.err.isEmpty(), outcome.err.constData());
        QVERIFY(!QFile::exists(untouched));
    }

    void workspaceInfoOfAMissingWorkspaceIsAnInputError()
    {
        const QString missing = m_directory.filePath(QStringLiteral("missing.genaiops"));
        const Outcome outcome
            = runCli({QStringLiteral("--workspace"), missing, QStringLiteral("workspace"), QStringLiteral("info")});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY(outcome.err.contains("no workspace here"));
        QVERIFY(!QFile::exists(missing));
    }

    void aNonWorkspaceFileIsRefusedAndLeftUnchanged()
    {
        const QString path = m_directory.filePath(QStringLiteral("golden.jsonl"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("{\"question\": \"What is RAG?\"}\n{\"question\": \"Why evaluate?\"}\n");
        }
        const QByteArray before = fileBytes(path);
        for (const QStringList &command : {QStringList{QStringLiteral("workspace"), QStringLiteral("info")},
                                           QStringList{QStringLiteral("workspace"), QStringLiteral("check")},
                                           QStringList{QStringLiteral("credentials"), QStringLiteral("list")}}) {
            const Outcome outcome = runCli(QStringList{QStringLiteral("--workspace"), path} + command);
            QCOMPARE(outcome.exitCode, 2);
            QVERIFY2(outcome.err.contains("not a GenAIOps workspace"), outcome.err.constData());
            QVERIFY(outcome.err.contains(path.toUtf8()));
            QCOMPARE(fileBytes(path), before);
        }
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void credentialsRoundTripThroughTheKeyring()
    {
        const QStringList base{QStringLiteral("--workspace"), workspace(), QStringLiteral("credentials")};
        Outcome outcome
            = runCli(base
                         + QStringList{QStringLiteral("set"), QStringLiteral("bedrock-dev"), QStringLiteral("--kind"),
                                       QStringLiteral("aws")},
                     "# pasted from the "
                     "console\naccess_key_id=AKIDCLITEST\nsecret_access_key=cli/secret+key\n\nregion=us-east-1\n");
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());

        outcome = runCli(base + QStringList{QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(outcome.exitCode, 0);
        const QJsonObject listed = QJsonDocument::fromJson(outcome.out).object();
        const QJsonObject first = listed.value(QStringLiteral("profiles")).toArray().first().toObject();
        QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("bedrock-dev"));
        QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("aws"));
        QCOMPARE(first.value(QStringLiteral("settings")).toObject().value(QStringLiteral("region")).toString(),
                 QStringLiteral("us-east-1"));
        QVERIFY(!outcome.out.contains("cli/secret+key"));

        // Updating only the region keeps the stored keys.
        outcome = runCli(base
                             + QStringList{QStringLiteral("set"), QStringLiteral("bedrock-dev"),
                                           QStringLiteral("--kind"), QStringLiteral("aws")},
                         "region=eu-central-1\n");
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());

        outcome = runCli(base + QStringList{QStringLiteral("delete"), QStringLiteral("bedrock-dev")});
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        outcome = runCli(base + QStringList{QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY(QJsonDocument::fromJson(outcome.out).object().value(QStringLiteral("profiles")).toArray().isEmpty());

        outcome = runCli(base + QStringList{QStringLiteral("delete"), QStringLiteral("bedrock-dev")});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY(outcome.err.contains("no profile named \"bedrock-dev\""));
    }

    void badStdinNamesTheLine()
    {
        const Outcome outcome
            = runCli({QStringLiteral("--workspace"), workspace(), QStringLiteral("credentials"), QStringLiteral("set"),
                      QStringLiteral("p1"), QStringLiteral("--kind"), QStringLiteral("openai")},
                     "base_url=http://localhost:8000/v1\npassword=hunter22\n");
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains("stdin:2: unknown field \"password\" for a openai profile"),
                 outcome.err.constData());

        const Outcome missing
            = runCli({QStringLiteral("--workspace"), workspace(), QStringLiteral("credentials"), QStringLiteral("set"),
                      QStringLiteral("p2"), QStringLiteral("--kind"), QStringLiteral("aws")},
                     "access_key_id=AKIDONLY\n");
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains("missing secret_access_key"), missing.err.constData());
    }

    void workspaceInfoAndCheckAsJson()
    {
        Outcome outcome = runCli({QStringLiteral("--workspace"), workspace(), QStringLiteral("workspace"),
                                  QStringLiteral("info"), QStringLiteral("--json")});
        QCOMPARE(outcome.exitCode, 0);
        const QJsonObject info = QJsonDocument::fromJson(outcome.out).object();
        QCOMPARE(info.value(QStringLiteral("backend")).toString(), QStringLiteral("sqlite"));
        QCOMPARE(info.value(QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(info.value(QStringLiteral("format")).toInt(), 1);
        QCOMPARE(info.value(QStringLiteral("schema")).toObject().value(QStringLiteral("secrets")).toInt(), 1);

        outcome = runCli({QStringLiteral("--workspace"), workspace(), QStringLiteral("workspace"),
                          QStringLiteral("check"), QStringLiteral("--json")});
        QCOMPARE(outcome.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(outcome.out).object().value(QStringLiteral("ok")).toBool(), true);
    }

    // A workspace damaged on disk: `workspace check` names the damage in SQLite's words and the file,
    // fails, and neither it nor any other command writes a byte to the file.
    void aCorruptedWorkspaceIsNamedByCheckAndLeftUnwritten_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("truncated to half") << QStringLiteral("truncate");
        QTest::newRow("a page overwritten with random bytes") << QStringLiteral("overwrite");
    }

    void aCorruptedWorkspaceIsNamedByCheckAndLeftUnwritten()
    {
        QFETCH(QString, damage);
        const QString path = m_directory.filePath(QStringLiteral("damaged-%1.genaiops").arg(damage));
        QVERIFY(runCli({QStringLiteral("--workspace"), path, QStringLiteral("credentials"), QStringLiteral("list")})
                    .exitCode
                == 0);
        QVERIFY(WorkspaceDamage::apply(path,
                                       damage == QLatin1String("truncate") ? WorkspaceDamage::Kind::Truncated
                                                                           : WorkspaceDamage::Kind::PageOverwritten));
        const QByteArray before = fileBytes(path);

        const Outcome checked
            = runCli({QStringLiteral("--workspace"), path, QStringLiteral("workspace"), QStringLiteral("check")});
        QVERIFY2(checked.exitCode != 0, checked.out.constData());
        QVERIFY2(checked.err.contains(path.toUtf8()), checked.err.constData());
        QVERIFY2(checked.err.contains("malformed") || checked.err.contains("integrity check failed"),
                 checked.err.constData());
        QCOMPARE(fileBytes(path), before);

        const Outcome json = runCli({QStringLiteral("--workspace"), path, QStringLiteral("workspace"),
                                     QStringLiteral("check"), QStringLiteral("--json")});
        QVERIFY(json.exitCode != 0);
        QCOMPARE(fileBytes(path), before);
    }

    void aFutureSchemaIsRefused()
    {
        const QString path = m_directory.filePath(QStringLiteral("future.genaiops"));
        QVERIFY(runCli({QStringLiteral("--workspace"), path, QStringLiteral("credentials"), QStringLiteral("list")})
                    .exitCode
                == 0);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("UPDATE workspace_meta SET value = '7' WHERE key = 'schema.secrets'")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("future"));
        const Outcome outcome
            = runCli({QStringLiteral("--workspace"), path, QStringLiteral("workspace"), QStringLiteral("info")});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains("written by a newer GenAIOps Workbench (schema.secrets is at version 7"),
                 outcome.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
