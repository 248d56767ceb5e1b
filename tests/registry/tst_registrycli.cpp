// `genaiops registry` end to end with the real binary: the governed flow Dev → Test → Prod with
// four-eyes and evidence refusals (exit 1 naming the rule), --json shapes, the audit trail and its
// verification after tampering, and usage errors.

#include <QDateTime>
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

    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

const QString group = QStringLiteral("support-rag");

QStringList as(const QString &user, const QString &role)
{
    return {QStringLiteral("--as"), user, QStringLiteral("--role"), role};
}

} // namespace

class TestRegistryCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_directory;
    qint64 m_passingRun = 0;

    QString workspace() const { return m_directory.filePath(QStringLiteral("ws.genaiops")); }

    Outcome genaiops(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("USER"), QStringLiteral("ci-user"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(GENAIOPS_CLI_PATH),
                      QStringList{QStringLiteral("--workspace"), workspace()} + arguments);
        process.closeWriteChannel();
        process.waitForFinished(60000);
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
                process.readAllStandardError()};
    }

    Outcome registry(const QStringList &arguments)
    {
        return genaiops(QStringList{QStringLiteral("registry")} + arguments);
    }

    bool executeDirectly(const QString &statement)
    {
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(workspace());
            ok = db.open() && QSqlQuery(db).exec(statement);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        return ok;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_directory.isValid());
        const QString dataset = m_directory.filePath(QStringLiteral("golden.jsonl"));
        QFile file(dataset);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int item = 0; item < 4; ++item)
            file.write(
                QStringLiteral(
                    "{\"question\": \"What is %1?\", \"contexts\": [\"%1 is a test.\"], \"answer\": \"%1 is a test.\","
                    " \"ground_truth\": \"%1 is a test.\"}\n")
                    .arg(item)
                    .toUtf8());
        file.close();
        const Outcome run = genaiops({QStringLiteral("eval"), QStringLiteral("run"), QStringLiteral("--dataset"),
                                      dataset, QStringLiteral("--responses-from-dataset"), QStringLiteral("--metrics"),
                                      QStringLiteral("lexical_f1"), QStringLiteral("--gate"),
                                      QStringLiteral("lexical_f1>=0.5"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        m_passingRun = run.json().value(QStringLiteral("run_id")).toInteger();
        QVERIFY(m_passingRun > 0);
    }

    void theGovernedFlowRefusesAndAllows()
    {
        Outcome outcome = registry(QStringList{QStringLiteral("register"), group, QStringLiteral("--artifact"),
                                               QStringLiteral("s3://models/rag/v1.tar.gz"), QStringLiteral("--metric"),
                                               QStringLiteral("accuracy=0.91"), QStringLiteral("--description"),
                                               QStringLiteral("first"), QStringLiteral("--json")}
                                   + as(QStringLiteral("alice"), QStringLiteral("data-scientist")));
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        const QJsonObject registered = outcome.json();
        const QJsonObject version = registered.value(QStringLiteral("version")).toObject();
        QCOMPARE(version.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(version.value(QStringLiteral("status")).toString(), QStringLiteral("PendingManualApproval"));
        QCOMPARE(version.value(QStringLiteral("stage")).toString(), QStringLiteral("Dev"));
        QCOMPARE(version.value(QStringLiteral("registrant")).toString(), QStringLiteral("alice"));
        QCOMPARE(version.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("accuracy")).toDouble(),
                 0.91);
        QCOMPARE(version.value(QStringLiteral("awaiting")).toString(), QStringLiteral("Dev"));
        const QJsonObject entry = registered.value(QStringLiteral("audit")).toObject();
        QCOMPARE(entry.value(QStringLiteral("sequence")).toInt(), 1);
        QCOMPARE(entry.value(QStringLiteral("action")).toString(), QStringLiteral("register"));
        QCOMPARE(entry.value(QStringLiteral("hash")).toString().size(), 64);

        outcome = registry(QStringList{QStringLiteral("approve"), group, QStringLiteral("1")}
                           + as(QStringLiteral("bob"), QStringLiteral("data-scientist")));
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());

        // Approving the next stage (Test) as the registrant: four-eyes.
        outcome = registry(QStringList{QStringLiteral("approve"), group, QStringLiteral("1")}
                           + as(QStringLiteral("alice"), QStringLiteral("ai-engineer")));
        QCOMPARE(outcome.exitCode, 1);
        QVERIFY2(outcome.err.contains("refused by rule four-eyes"), outcome.err.constData());

        outcome = registry(QStringList{QStringLiteral("approve"), group, QStringLiteral("1"), QStringLiteral("--json")}
                           + as(QStringLiteral("erik"), QStringLiteral("ai-engineer")));
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        QJsonObject decided = outcome.json();
        QCOMPARE(decided.value(QStringLiteral("version")).toObject().value(QStringLiteral("stage")).toString(),
                 QStringLiteral("Test"));
        QCOMPARE(decided.value(QStringLiteral("policy")).toObject().value(QStringLiteral("allowed")).toBool(), true);
        QCOMPARE(decided.value(QStringLiteral("audit")).toArray().size(), 1);
        QCOMPARE(decided.value(QStringLiteral("archived")).toArray().size(), 0);

        const QStringList toProd{QStringLiteral("promote"), group,
                                 QStringLiteral("1"),       QStringLiteral("--to"),
                                 QStringLiteral("Prod"),    QStringLiteral("--comment"),
                                 QStringLiteral("pilot")};
        const QStringList officer = as(QStringLiteral("grace"), QStringLiteral("governance-officer"));
        outcome = registry(toProd + officer + QStringList{QStringLiteral("--json")});
        QCOMPARE(outcome.exitCode, 1);
        QVERIFY2(outcome.err.contains("refused by rule evidence"), outcome.err.constData());
        const QJsonObject refused = outcome.json();
        QCOMPARE(refused.value(QStringLiteral("allowed")).toBool(true), false);
        QCOMPARE(refused.value(QStringLiteral("refused_by")).toString(), QStringLiteral("evidence"));
        QCOMPARE(refused.value(QStringLiteral("rules")).toArray().size(), 7);

        outcome = registry(toProd + officer
                           + QStringList{QStringLiteral("--override-reason"), QStringLiteral("manual review"),
                                         QStringLiteral("--json")});
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        const QJsonObject promoted = outcome.json().value(QStringLiteral("audit")).toArray().first().toObject();
        QCOMPARE(promoted.value(QStringLiteral("override_reason")).toString(), QStringLiteral("manual review"));
        QCOMPARE(promoted.value(QStringLiteral("actor")).toString(), QStringLiteral("grace"));
        QCOMPARE(promoted.value(QStringLiteral("role")).toString(), QStringLiteral("governance-officer"));
        QCOMPARE(promoted.value(QStringLiteral("to_stage")).toString(), QStringLiteral("Prod"));
    }

    void aPassingRunIsEvidenceAndThePreviousProdIsArchived()
    {
        Outcome outcome = registry(QStringList{QStringLiteral("register"), group, QStringLiteral("--artifact"),
                                               QStringLiteral("s3://models/rag/v2.tar.gz"),
                                               QStringLiteral("--eval-run"), QString::number(m_passingRun)});
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        QVERIFY2(outcome.out.contains("version 2 by ci-user"), outcome.out.constData());
        QCOMPARE(registry(QStringList{QStringLiteral("approve"), group, QStringLiteral("2")}
                          + as(QStringLiteral("bob"), QStringLiteral("data-scientist")))
                     .exitCode,
                 0);
        QCOMPARE(registry(QStringList{QStringLiteral("promote"), group, QStringLiteral("2"), QStringLiteral("--to"),
                                      QStringLiteral("Test")}
                          + as(QStringLiteral("erik"), QStringLiteral("ai-engineer")))
                     .exitCode,
                 0);
        outcome
            = registry(QStringList{QStringLiteral("promote"), group, QStringLiteral("2"), QStringLiteral("--to"),
                                   QStringLiteral("Prod"), QStringLiteral("--comment"), QStringLiteral("gates pass"),
                                   QStringLiteral("--dry-run"), QStringLiteral("--json")}
                       + as(QStringLiteral("grace"), QStringLiteral("governance-officer")));
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        QCOMPARE(outcome.json().value(QStringLiteral("allowed")).toBool(), true);
        outcome = registry(QStringList{QStringLiteral("promote"), group, QStringLiteral("2"), QStringLiteral("--to"),
                                       QStringLiteral("Prod"), QStringLiteral("--comment"),
                                       QStringLiteral("gates pass"), QStringLiteral("--json")}
                           + as(QStringLiteral("grace"), QStringLiteral("governance-officer")));
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        const QJsonArray archived = outcome.json().value(QStringLiteral("archived")).toArray();
        QCOMPARE(archived.size(), 1);
        QCOMPARE(archived[0].toObject().value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(archived[0].toObject().value(QStringLiteral("stage")).toString(), QStringLiteral("Archived"));

        outcome = registry(QStringList{QStringLiteral("show"), group, QStringLiteral("2"), QStringLiteral("--json")});
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        const QJsonObject shown = outcome.json();
        QCOMPARE(shown.value(QStringLiteral("evidence"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("passed"))
                     .toBool(),
                 true);
        QCOMPARE(shown.value(QStringLiteral("history")).toArray().size(), 4);
        QCOMPARE(shown.value(QStringLiteral("eval_run_ids")).toArray().first().toInteger(), m_passingRun);

        outcome = registry(QStringList{QStringLiteral("versions"), group, QStringLiteral("--json")});
        QCOMPARE(outcome.json().value(QStringLiteral("versions")).toArray().size(), 2);
        outcome = registry(QStringList{QStringLiteral("versions"), group, QStringLiteral("--status"),
                                       QStringLiteral("pending"), QStringLiteral("--json")});
        QCOMPARE(outcome.json().value(QStringLiteral("versions")).toArray().size(), 0);
        outcome = registry(QStringList{QStringLiteral("groups"), QStringLiteral("--json")});
        const QJsonObject listed = outcome.json().value(QStringLiteral("groups")).toArray().first().toObject();
        QCOMPARE(listed.value(QStringLiteral("name")).toString(), group);
        QCOMPARE(listed.value(QStringLiteral("versions")).toInt(), 2);

        const QString now = QDateTime::currentDateTimeUtc().addSecs(1).toString(Qt::ISODateWithMs);
        outcome = registry(QStringList{QStringLiteral("audit"), group, QStringLiteral("--in-stage"),
                                       QStringLiteral("Prod"), QStringLiteral("--at"), now, QStringLiteral("--json")});
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        QCOMPARE(outcome.json().value(QStringLiteral("versions")).toArray(), QJsonArray{2});
        QCOMPARE(outcome.json().value(QStringLiteral("audit_intact")).toBool(), true);
        outcome = registry(QStringList{QStringLiteral("audit"), group, QStringLiteral("--in-stage"),
                                       QStringLiteral("Prod"), QStringLiteral("--at"), QStringLiteral("2000-01-01")});
        QVERIFY2(outcome.out.contains("No version of support-rag was in Prod"), outcome.out.constData());
    }

    void aStaleVersionIsNotOverwritten()
    {
        Outcome outcome = registry(QStringList{QStringLiteral("register"), group, QStringLiteral("--artifact"),
                                               QStringLiteral("s3://m/v3"), QStringLiteral("--json")});
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        const QString loaded = outcome.json()
                                   .value(QStringLiteral("version"))
                                   .toObject()
                                   .value(QStringLiteral("modified_at"))
                                   .toString();
        QVERIFY(!loaded.isEmpty());
        QCOMPARE(registry(QStringList{QStringLiteral("approve"), group, QStringLiteral("3")}
                          + as(QStringLiteral("bob"), QStringLiteral("data-scientist")))
                     .exitCode,
                 0);
        outcome
            = registry(QStringList{QStringLiteral("reject"), group, QStringLiteral("3"), QStringLiteral("--comment"),
                                   QStringLiteral("no"), QStringLiteral("--expected-modified-at"), loaded}
                       + as(QStringLiteral("erik"), QStringLiteral("ai-engineer")));
        QCOMPARE(outcome.exitCode, 1);
        QVERIFY2(outcome.err.contains("changed by someone else since you loaded it"), outcome.err.constData());
        outcome = registry(QStringList{QStringLiteral("show"), group, QStringLiteral("3"), QStringLiteral("--json")});
        QCOMPARE(outcome.json().value(QStringLiteral("status")).toString(), QStringLiteral("Approved"));
    }

    void theAuditVerifiesAndNamesTampering()
    {
        Outcome outcome = registry(QStringList{QStringLiteral("audit"), QStringLiteral("--verify")});
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        QVERIFY(outcome.out.contains("Audit trail ok"));
        outcome = registry(QStringList{QStringLiteral("audit"), QStringLiteral("--json")});
        const QJsonArray entries = outcome.json().value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.size(), 11);
        QCOMPARE(entries[8].toObject().value(QStringLiteral("action")).toString(), QStringLiteral("archive"));
        outcome = registry(QStringList{QStringLiteral("audit"), QStringLiteral("--verify"), QStringLiteral("--json")});
        QCOMPARE(outcome.json().value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(outcome.json().value(QStringLiteral("entries")).toInt(), 11);

        QVERIFY(
            executeDirectly(QStringLiteral("UPDATE registry_audit SET comment = 'nothing to see' WHERE sequence = 3")));
        outcome = registry(QStringList{QStringLiteral("audit"), QStringLiteral("--verify"), QStringLiteral("--json")});
        QCOMPARE(outcome.exitCode, 1);
        QVERIFY2(outcome.err.contains("broken at entry 3 (edited)"), outcome.err.constData());
        const QJsonObject report = outcome.json();
        QCOMPARE(report.value(QStringLiteral("ok")).toBool(true), false);
        QCOMPARE(report.value(QStringLiteral("broken_entry")).toInt(), 3);
        QCOMPARE(report.value(QStringLiteral("problem")).toString(), QStringLiteral("edited"));
        outcome = registry(QStringList{QStringLiteral("audit"), group, QStringLiteral("--in-stage"),
                                       QStringLiteral("Prod"), QStringLiteral("--at"), QStringLiteral("2100-01-01")});
        QVERIFY2(outcome.err.contains("warning: the audit trail is broken"), outcome.err.constData());
    }

    void usageErrorsExitTwo()
    {
        const QList<QStringList> calls = {
            {QStringLiteral("approve"), group, QStringLiteral("1"), QStringLiteral("--to"), QStringLiteral("Prod")},
            {QStringLiteral("approve"), group, QStringLiteral("one")},
            {QStringLiteral("promote"), group, QStringLiteral("1")},
            {QStringLiteral("register"), group},
            {QStringLiteral("register"), group, QStringLiteral("--artifact"), QStringLiteral("x"),
             QStringLiteral("--metric"), QStringLiteral("f1")},
            {QStringLiteral("groups"), QStringLiteral("--role"), QStringLiteral("boss"), QStringLiteral("--as"),
             QStringLiteral("x")},
            {QStringLiteral("--backend"), QStringLiteral("sagemaker"), QStringLiteral("--as"), QStringLiteral("x"),
             QStringLiteral("groups")},
            {QStringLiteral("--region"), QStringLiteral("eu-west-1"), QStringLiteral("groups")},
            {QStringLiteral("--backend"), QStringLiteral("dropbox"), QStringLiteral("groups")},
            {QStringLiteral("frobnicate")},
        };
        for (const QStringList &call : calls) {
            const Outcome outcome = registry(call);
            QVERIFY2(outcome.exitCode == 2,
                     qPrintable(call.join(QLatin1Char(' ')) + QStringLiteral(": ") + QString::fromUtf8(outcome.err)));
        }
        Outcome outcome = registry(QStringList{QStringLiteral("inbox"), QStringLiteral("--json")});
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        QCOMPARE(outcome.json().value(QStringLiteral("user")).toString(), QStringLiteral("ci-user"));
        QCOMPARE(outcome.json().value(QStringLiteral("role")).toString(), QStringLiteral("data-scientist"));
    }
};

QTEST_GUILESS_MAIN(TestRegistryCli)
#include "tst_registrycli.moc"
