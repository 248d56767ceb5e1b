// `genaiops eval` end to end: gates and exit codes, JUnit, malformed lines, kill -9 and resume, import
// and export — the real binary against the local OpenAI-compatible server.

#include "common/testserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <unistd.h>

namespace {

struct Outcome
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestCliEval : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_directory;
    TestServer m_openai{QStringLiteral("openai_server.py"), {QStringLiteral("--latency-ms"), QStringLiteral("60")}};

    QString workspace() const { return m_directory.filePath(QStringLiteral("ws.genaiops")); }

    Outcome eval(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(GENAIOPS_CLI_PATH),
                      QStringList{QStringLiteral("--workspace"), workspace(), QStringLiteral("eval")} + arguments);
        process.closeWriteChannel();
        process.waitForFinished(120000);
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
                process.readAllStandardError()};
    }

    QString writeDataset(const QString &name, int items, bool withMalformed)
    {
        const QString path = m_directory.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        for (int index = 0; index < items; ++index) {
            if (withMalformed && index == 2)
                file.write("{\"question\": \"unterminated\n");
            if (withMalformed && index == 4)
                file.write("[\"an array, not an object\"]\n");
            file.write(
                QJsonDocument(
                    QJsonObject{
                        {QStringLiteral("question"), QStringLiteral("What is item %1?").arg(index)},
                        {QStringLiteral("contexts"),
                         QJsonArray{QStringLiteral("Item %1 is a golden example.").arg(index)}},
                        {QStringLiteral("answer"), QStringLiteral("Item %1 is a golden example.").arg(index)},
                        {QStringLiteral("ground_truth"), QStringLiteral("Item %1 is a golden example.").arg(index)}})
                    .toJson(QJsonDocument::Compact)
                + '\n');
        }
        return path;
    }

    // Counts rows for a run straight from the workspace file, as an auditor would.
    QPair<int, int> resultRows(qint64 runId)
    {
        QPair<int, int> counts{-1, -1};
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("audit"));
            db.setDatabaseName(workspace());
            if (db.open()) {
                QSqlQuery query(db);
                if (query.exec(QStringLiteral(
                                   "SELECT count(*), count(DISTINCT item_index) FROM eval_results WHERE run_id = %1")
                                   .arg(runId))
                    && query.next())
                    counts = {query.value(0).toInt(), query.value(1).toInt()};
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("audit"));
        return counts;
    }

private slots:
    void initTestCase() { QVERIFY2(m_openai.start(), qPrintable(m_openai.errorString())); }

    void malformedLinesAreListedAndTheRestIsScored()
    {
        const QString dataset = writeDataset(QStringLiteral("golden.jsonl"), 10, true);
        const Outcome outcome = eval({QStringLiteral("run"), QStringLiteral("--dataset"), dataset,
                                      QStringLiteral("--responses-from-dataset"), QStringLiteral("--metrics"),
                                      QStringLiteral("lexical"), QStringLiteral("--json")});
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        const QJsonObject result = QJsonDocument::fromJson(outcome.out).object();
        QCOMPARE(result.value(QStringLiteral("items")).toInt(), 10);
        QCOMPARE(result.value(QStringLiteral("completed")).toInt(), 10);
        QCOMPARE(result.value(QStringLiteral("failed")).toInt(), 0);
        const QJsonArray skipped = result.value(QStringLiteral("skipped_lines")).toArray();
        QCOMPARE(skipped.size(), 2);
        QCOMPARE(skipped[0].toObject().value(QStringLiteral("line")).toInt(), 3);
        QCOMPARE(skipped[1].toObject().value(QStringLiteral("line")).toInt(), 6);
        QVERIFY(skipped[1]
                    .toObject()
                    .value(QStringLiteral("reason"))
                    .toString()
                    .contains(QLatin1String("not a JSON object")));
        QVERIFY(outcome.err.contains("golden.jsonl:3"));
        const QJsonObject f1
            = result.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("lexical_f1")).toObject();
        QCOMPARE(f1.value(QStringLiteral("count")).toInt(), 10);
        QCOMPARE(f1.value(QStringLiteral("mean")).toDouble(), 1.0);
        for (const QString &key :
             {QStringLiteral("median"), QStringLiteral("p10"), QStringLiteral("min"), QStringLiteral("max")})
            QVERIFY(f1.contains(key));
    }

    void aDatasetLineOverMaxLineIsNamedAndTheRestIsScored()
    {
        const QString dataset = m_directory.filePath(QStringLiteral("long-line.jsonl"));
        QFile file(dataset);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"user_input":"a","response":"b","reference":"b"})"
                   "\n"
                   R"({"user_input":")"
                   + QByteArray(400, 'q') + R"(","response":"b","reference":"b"})" + "\n");
        file.close();
        const Outcome outcome
            = eval({QStringLiteral("run"), QStringLiteral("--dataset"), dataset,
                    QStringLiteral("--responses-from-dataset"), QStringLiteral("--metrics"), QStringLiteral("lexical"),
                    QStringLiteral("--max-line"), QStringLiteral("300"), QStringLiteral("--json")});
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        QCOMPARE(QJsonDocument::fromJson(outcome.out).object().value(QStringLiteral("items")).toInt(), 1);
        QVERIFY2(outcome.err.contains( // 15 + 400 + 33 bytes
                     "long-line.jsonl:2: skipped: the line is 448 bytes, over the limit of 300 bytes"),
                 outcome.err.constData());
    }

    // The disk under the workspace turns read-only (a tmpfs remounted; CI runs as root): a new run, and
    // even a listing (SQLite writes a WAL workspace's -shm to read it), is refused with an error naming
    // the file and saying it is read-only; the file is left as it was, and once the disk takes writes
    // again the same command works.
    void aReadOnlyWorkspaceRefusesARunNamingTheFileAndKeepsWhatItHolds()
    {
        if (::geteuid() != 0)
            QSKIP("mounting a tmpfs needs root; CI runs as root");
        QTemporaryDir mountPoint;
        QCOMPARE(QProcess::execute(QStringLiteral("mount"),
                                   {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                    QStringLiteral("size=8m"), QStringLiteral("tmpfs"), mountPoint.path()}),
                 0);
        const auto unmount = qScopeGuard([&] {
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), mountPoint.path()});
        });
        const QString workspacePath = mountPoint.filePath(QStringLiteral("team.genaiops"));
        const QString dataset = writeDataset(QStringLiteral("readonly.jsonl"), 5, false);
        const auto run = [&](const QStringList &arguments) {
            QProcess process;
            process.start(QStringLiteral(GENAIOPS_CLI_PATH),
                          QStringList{QStringLiteral("--workspace"), workspacePath, QStringLiteral("eval")}
                              + arguments);
            process.waitForFinished(60000);
            return Outcome{process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
        };
        const QStringList newRun{QStringLiteral("run"),
                                 QStringLiteral("--dataset"),
                                 dataset,
                                 QStringLiteral("--responses-from-dataset"),
                                 QStringLiteral("--metrics"),
                                 QStringLiteral("lexical"),
                                 QStringLiteral("--json")};
        QCOMPARE(run(newRun).exitCode, 0);
        QFile file(workspacePath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();

        QCOMPARE(QProcess::execute(QStringLiteral("mount"),
                                   {QStringLiteral("-o"), QStringLiteral("remount,ro"), mountPoint.path()}),
                 0);
        const Outcome refused = run(newRun);
        QVERIFY2(refused.exitCode != 0, refused.out.constData());
        QVERIFY2(refused.err.contains(workspacePath.toUtf8()), refused.err.constData());
        QVERIFY2(refused.err.contains("read-only") || refused.err.contains("readonly"), refused.err.constData());
        const Outcome listed = run({QStringLiteral("list")});
        QVERIFY(listed.exitCode != 0);
        QVERIFY2(listed.err.contains(workspacePath.toUtf8()) && listed.err.contains("read-only"),
                 listed.err.constData());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
        file.close();

        QCOMPARE(QProcess::execute(QStringLiteral("mount"),
                                   {QStringLiteral("-o"), QStringLiteral("remount,rw"), mountPoint.path()}),
                 0);
        const Outcome again = run(newRun);
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(QJsonDocument::fromJson(again.out).object().value(QStringLiteral("run_id")).toInt(), 2);
    }

    // The command a person types after endpoint faults (a 500 on one item, prose from the judge on
    // another): the run leaves them unscored, never 0, and `eval resume --retry-errors` scores exactly
    // those items once the endpoint is well.
    void evalResumeRetryErrorsScoresWhatEndpointFaultsLeftUnscored()
    {
        const auto resetReplies = qScopeGuard([&] { m_openai.setReplies({}); });
        const QJsonObject scored{
            {QStringLiteral("contains"), QStringLiteral("Rate relevance only")},
            {QStringLiteral("reply"), QStringLiteral("{\"score\": 0.8, \"explanation\": \"fits\"}")}};
        QVERIFY(m_openai.setReplies(
            {QJsonObject{{QStringLiteral("contains"), QStringLiteral("What is item 1?")},
                         {QStringLiteral("reply"), QStringLiteral("-")},
                         {QStringLiteral("fault"), QStringLiteral("500")}},
             QJsonObject{{QStringLiteral("contains"), QStringLiteral("What is item 2?")},
                         {QStringLiteral("reply"), QStringLiteral("I would say it fits the question.")}},
             scored}));
        const QString dataset = writeDataset(QStringLiteral("faulty.jsonl"), 4, false);
        Outcome outcome
            = eval({QStringLiteral("run"), QStringLiteral("--dataset"), dataset,
                    QStringLiteral("--responses-from-dataset"), QStringLiteral("--metrics"),
                    QStringLiteral("relevance"), QStringLiteral("--judge-provider"), QStringLiteral("openai"),
                    QStringLiteral("--judge-base-url"), m_openai.url(QStringLiteral("/v1")).toString(),
                    QStringLiteral("--judge-model"), QStringLiteral("gpt-4o-mini"), QStringLiteral("--judge-retries"),
                    QStringLiteral("0"), QStringLiteral("--json")});
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        QJsonObject result = QJsonDocument::fromJson(outcome.out).object();
        QCOMPARE(result.value(QStringLiteral("items_with_errors")).toInt(), 2);
        QJsonObject relevance
            = result.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("relevance")).toObject();
        QCOMPARE(relevance.value(QStringLiteral("count")).toInt(), 2); // no 0 stands in for a failed call
        QCOMPARE(relevance.value(QStringLiteral("unscored_items")).toInt(), 2);
        const QString runId = QString::number(result.value(QStringLiteral("run_id")).toInt());

        QVERIFY(m_openai.setReplies({scored}));
        outcome = eval({QStringLiteral("resume"), runId, QStringLiteral("--retry-errors"), QStringLiteral("--json")});
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        result = QJsonDocument::fromJson(outcome.out).object();
        QCOMPARE(result.value(QStringLiteral("items_with_errors")).toInt(), 0);
        relevance = result.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("relevance")).toObject();
        QCOMPARE(relevance.value(QStringLiteral("count")).toInt(), 4);
        QCOMPARE(relevance.value(QStringLiteral("mean")).toDouble(), 0.8);
    }

    void gatesDecideTheExitCodeAndTheJUnitFile()
    {
        const QString dataset = writeDataset(QStringLiteral("gated.jsonl"), 6, false);
        const QString junit = m_directory.filePath(QStringLiteral("gates.xml"));
        Outcome outcome
            = eval({QStringLiteral("run"), QStringLiteral("--dataset"), dataset, QStringLiteral("--metrics"),
                    QStringLiteral("lexical_f1,question_overlap"), QStringLiteral("--gate"),
                    QStringLiteral("lexical_f1>=0.9"), QStringLiteral("--gate"), QStringLiteral("question_overlap<0.5"),
                    QStringLiteral("--junit"), junit, QStringLiteral("--json")});
        QCOMPARE(outcome.exitCode, 1);
        const QJsonArray gates = QJsonDocument::fromJson(outcome.out).object().value(QStringLiteral("gates")).toArray();
        QCOMPARE(gates.size(), 2);
        QCOMPARE(gates[0].toObject().value(QStringLiteral("passed")).toBool(), true);
        QCOMPARE(gates[1].toObject().value(QStringLiteral("passed")).toBool(), false);
        QCOMPARE(gates[1].toObject().value(QStringLiteral("op")).toString(), QStringLiteral("<"));

        QFile file(junit);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        int testcases = 0;
        int failures = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("testcase"))
                ++testcases;
            if (xml.isStartElement() && xml.name() == QLatin1String("failure"))
                ++failures;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(testcases, 2);
        QCOMPARE(failures, 1);

        outcome = eval({QStringLiteral("run"), QStringLiteral("--dataset"), dataset, QStringLiteral("--metrics"),
                        QStringLiteral("lexical"), QStringLiteral("--gate"), QStringLiteral("rouge_l>=0.5")});
        QCOMPARE(outcome.exitCode, 0);
        QVERIFY(outcome.out.contains("rouge_l >= 0.5: passed"));
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("no dataset") << QStringList{QStringLiteral("run")} << QByteArray("--dataset FILE is required");
        QTest::newRow("missing file") << QStringList{QStringLiteral("run"), QStringLiteral("--dataset"),
                                                     QStringLiteral("/nonexistent.jsonl")}
                                      << QByteArray("/nonexistent.jsonl");
        QTest::newRow("unknown metric") << QStringList{
            QStringLiteral("run"), QStringLiteral("--dataset"), QStringLiteral("x.jsonl"), QStringLiteral("--metrics"),
            QStringLiteral("bleu")} << QByteArray("unknown metric \"bleu\"");
        QTest::newRow("judge without model")
            << QStringList{QStringLiteral("run"), QStringLiteral("--dataset"), QStringLiteral("x.jsonl"),
                           QStringLiteral("--metrics"), QStringLiteral("faithfulness")}
            << QByteArray("judge metrics need a judge model");
        QTest::newRow("bad gate") << QStringList{QStringLiteral("run"), QStringLiteral("--dataset"),
                                                 QStringLiteral("x.jsonl"), QStringLiteral("--gate"),
                                                 QStringLiteral("faithfulness=high")}
                                  << QByteArray("faithfulness=high");
        QTest::newRow("unknown run") << QStringList{QStringLiteral("show"), QStringLiteral("999")}
                                     << QByteArray("no evaluation run 999");
        QTest::newRow("no subcommand") << QStringList{} << QByteArray("eval: expected one of");
        QTest::newRow("regression gate without a baseline")
            << QStringList{QStringLiteral("run"), QStringLiteral("--dataset"), QStringLiteral("x.jsonl"),
                           QStringLiteral("--gate"), QStringLiteral("lexical_f1:no-regression")}
            << QByteArray("needs --baseline RUN_ID");
        QTest::newRow("repeats of the dataset's responses")
            << QStringList{QStringLiteral("run"), QStringLiteral("--dataset"), QStringLiteral("x.jsonl"),
                           QStringLiteral("--repeats"), QStringLiteral("3")}
            << QByteArray("--repeats needs a model");
        QTest::newRow("temperature of the dataset's responses")
            << QStringList{QStringLiteral("run"), QStringLiteral("--dataset"), QStringLiteral("x.jsonl"),
                           QStringLiteral("--temperature"), QStringLiteral("0.3")}
            << QByteArray("--temperature needs a model to generate responses");
        QTest::newRow("temperature out of range")
            << QStringList{QStringLiteral("run"),         QStringLiteral("--dataset"),     QStringLiteral("x.jsonl"),
                           QStringLiteral("--provider"),  QStringLiteral("openai"),        QStringLiteral("--model"),
                           QStringLiteral("gpt-4o-mini"), QStringLiteral("--temperature"), QStringLiteral("7")}
            << QByteArray("--temperature expects 0 to 2");
        QTest::newRow("compare one run") << QStringList{QStringLiteral("compare"), QStringLiteral("1")}
                                         << QByteArray("expected RUN_A RUN_B");
        QTest::newRow("plan without effect")
            << QStringList{QStringLiteral("plan"), QStringLiteral("--sd"), QStringLiteral("0.1")}
            << QByteArray("--sd S and --effect D are required");
        QTest::newRow("plan with power 1")
            << QStringList{QStringLiteral("plan"),     QStringLiteral("--sd"), QStringLiteral("0.1"),
                           QStringLiteral("--effect"), QStringLiteral("0.02"), QStringLiteral("--power"),
                           QStringLiteral("1")}
            << QByteArray("--power expects a number between 0 and 1");
    }

    // Two versions of a dataset, the second with worse responses on most items and its items in
    // another order: compare pairs them by content and says "worse"; a no-regression gate against
    // the first run fails with its figures in the JUnit file; a bound gate reads the interval.
    void compareGatesAndPlanSpeakOfUncertainty()
    {
        const auto write = [this](const QString &name, bool degraded) {
            const QString path = m_directory.filePath(name);
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                return QString();
            for (int step = 0; step < 40; ++step) {
                const int index = degraded ? 39 - step : step; // reversed: position pairing would be wrong
                const QString truth
                    = QStringLiteral("Turbine %1 runs at %2 bar under load.").arg(index).arg(index % 7 + 3);
                const QString response
                    = degraded && index % 4 != 0 ? QStringLiteral("Turbine %1 is a machine.").arg(index) : truth;
                file.write(QJsonDocument(QJsonObject{{QStringLiteral("question"),
                                                      QStringLiteral("How does turbine %1 run?").arg(index)},
                                                     {QStringLiteral("contexts"), QJsonArray{truth}},
                                                     {QStringLiteral("answer"), response},
                                                     {QStringLiteral("ground_truth"), truth}})
                               .toJson(QJsonDocument::Compact)
                           + '\n');
            }
            return path;
        };
        const QString good = write(QStringLiteral("turbines.jsonl"), false);
        const QString worse = write(QStringLiteral("turbines-v2.jsonl"), true);
        Outcome outcome = eval({QStringLiteral("run"), QStringLiteral("--dataset"), good, QStringLiteral("--metrics"),
                                QStringLiteral("lexical"), QStringLiteral("--gate"),
                                QStringLiteral("lexical_f1>=0.9@lower95"), QStringLiteral("--json")});
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        const QJsonObject first = QJsonDocument::fromJson(outcome.out).object();
        const qint64 baseline = first.value(QStringLiteral("run_id")).toInteger();
        const QJsonObject f1 = first[QStringLiteral("metrics")][QStringLiteral("lexical_f1")].toObject();
        QVERIFY(f1.value(QStringLiteral("se")).isDouble());
        QCOMPARE(f1.value(QStringLiteral("ci95")).toArray().size(), 2);
        QCOMPARE(f1.value(QStringLiteral("pass_rate_ci95")).toArray().size(), 2);

        const QString junit = m_directory.filePath(QStringLiteral("regression.xml"));
        outcome = eval({QStringLiteral("run"), QStringLiteral("--dataset"), worse, QStringLiteral("--metrics"),
                        QStringLiteral("lexical"), QStringLiteral("--baseline"), QString::number(baseline),
                        QStringLiteral("--gate"), QStringLiteral("lexical_f1:no-regression"), QStringLiteral("--gate"),
                        QStringLiteral("lexical_f1>=0.5@lower95"), QStringLiteral("--junit"), junit});
        QCOMPARE(outcome.exitCode, 1);
        QVERIFY2(outcome.out.contains("lexical_f1 no regression: FAILED, worse than the baseline"),
                 outcome.out.constData());
        QFile junitFile(junit);
        QVERIFY(junitFile.open(QIODevice::ReadOnly));
        const QByteArray xml = junitFile.readAll();
        QVERIFY2(xml.contains("95 % CI") && xml.contains("after Holm"), xml.constData());
        QVERIFY(xml.contains("lower 95% bound"));

        outcome = eval({QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonArray runs = QJsonDocument::fromJson(outcome.out).object().value(QStringLiteral("runs")).toArray();
        const qint64 candidate = runs.first().toObject().value(QStringLiteral("run_id")).toInteger();
        outcome = eval({QStringLiteral("compare"), QString::number(baseline), QString::number(candidate),
                        QStringLiteral("--json")});
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        const QJsonObject comparison = QJsonDocument::fromJson(outcome.out).object();
        QCOMPARE(comparison.value(QStringLiteral("paired_by")).toString(), QStringLiteral("content"));
        QCOMPARE(comparison.value(QStringLiteral("paired_items")).toInt(), 40);
        const QJsonObject metric = comparison[QStringLiteral("metrics")][QStringLiteral("lexical_f1")].toObject();
        QCOMPARE(metric.value(QStringLiteral("n")).toInt(), 40);
        QCOMPARE(metric.value(QStringLiteral("verdict")).toString(), QStringLiteral("worse"));
        QVERIFY(metric.value(QStringLiteral("mean_difference")).toDouble() < -0.3);
        QVERIFY(metric.value(QStringLiteral("ci95")).toArray()[1].toDouble() < 0);
        QCOMPARE(comparison[QStringLiteral("unpaired")][QStringLiteral("only_a")].toArray().size(), 0);
        // The question_overlap of a reworded answer to the same question moves too; the context-free
        // figures are all there.
        for (const QString &key : {QStringLiteral("mean_a"), QStringLiteral("mean_b"), QStringLiteral("se"),
                                   QStringLiteral("p_value"), QStringLiteral("correlation")})
            QVERIFY2(metric.contains(key), qPrintable(key));
        outcome = eval({QStringLiteral("compare"), QString::number(baseline), QString::number(candidate)});
        QVERIFY(outcome.out.contains("worse: "));
        outcome = eval({QStringLiteral("compare"), QString::number(baseline), QString::number(candidate),
                        QStringLiteral("--metric"), QStringLiteral("faithfulness")});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains("not scored in both runs"), outcome.err.constData());

        outcome = eval({QStringLiteral("plan"), QStringLiteral("--sd"), QStringLiteral("0.15"),
                        QStringLiteral("--effect"), QStringLiteral("0.03"), QStringLiteral("--json")});
        QCOMPARE(outcome.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(outcome.out).object().value(QStringLiteral("items")).toInt(), 197);
    }

    void unknownClusterFieldCreatesNothing()
    {
        const QString dataset = writeDataset(QStringLiteral("clusters.jsonl"), 4, false);
        Outcome outcome = eval({QStringLiteral("list"), QStringLiteral("--json")});
        const qsizetype before
            = QJsonDocument::fromJson(outcome.out).object().value(QStringLiteral("runs")).toArray().size();
        outcome = eval({QStringLiteral("run"), QStringLiteral("--dataset"), dataset, QStringLiteral("--metrics"),
                        QStringLiteral("lexical"), QStringLiteral("--cluster-by"), QStringLiteral("source_document")});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains("no item of the dataset has a field \"source_document\""),
                 outcome.err.constData());
        outcome = eval({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(outcome.out).object().value(QStringLiteral("runs")).toArray().size(), before);
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        const Outcome outcome = eval(arguments);
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains(message), outcome.err.constData());
    }

    void aRunKilledWithSigkillResumesToExactlyOneResultPerItem()
    {
        const int items = 60;
        const QString dataset = writeDataset(QStringLiteral("kill.jsonl"), items, false);
        // A slower endpoint, so the run is surely in the middle when it is killed (60 × 300 ms ÷ 3 ≈ 6 s).
        TestServer slow(QStringLiteral("openai_server.py"), {QStringLiteral("--latency-ms"), QStringLiteral("300")});
        QVERIFY2(slow.start(), qPrintable(slow.errorString()));
        QProcess process;
        process.start(QStringLiteral(GENAIOPS_CLI_PATH),
                      {QStringLiteral("--workspace"), workspace(), QStringLiteral("eval"), QStringLiteral("run"),
                       QStringLiteral("--dataset"), dataset, QStringLiteral("--provider"), QStringLiteral("openai"),
                       QStringLiteral("--base-url"), slow.url(QStringLiteral("/v1")).toString(),
                       QStringLiteral("--model"), QStringLiteral("gpt-4o-mini"), QStringLiteral("--metrics"),
                       QStringLiteral("lexical"), QStringLiteral("--concurrency"), QStringLiteral("3")});
        QVERIFY(process.waitForStarted());
        // The run id is announced on stderr as soon as the run exists.
        qint64 runId = 0;
        QByteArray errors;
        for (int attempt = 0; attempt < 200 && runId == 0; ++attempt) {
            process.waitForReadyRead(100);
            errors += process.readAllStandardError();
            const auto match
                = QRegularExpression(QStringLiteral("run (\\d+) started")).match(QString::fromUtf8(errors));
            if (match.hasMatch())
                runId = match.captured(1).toLongLong();
        }
        QVERIFY2(runId > 0, errors.constData());
        // Wait until the CLI reports a fifth of the items scored, then kill it where it stands.
        for (int attempt = 0; attempt < 300 && !errors.contains("12/60 items"); ++attempt) {
            process.waitForReadyRead(100);
            errors += process.readAllStandardError();
        }
        QVERIFY2(errors.contains("12/60 items"), errors.constData());
        // While it runs, it is "running", and a second process may not run it too.
        const Outcome live = eval({QStringLiteral("show"), QString::number(runId), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(live.out).object().value(QStringLiteral("status")).toString(),
                 QStringLiteral("running"));
        const Outcome twice = eval({QStringLiteral("resume"), QString::number(runId)});
        QCOMPARE(twice.exitCode, 2); // the workspace cannot give it the run: a storage error, not a service's
        const QByteArray holder
            = QByteArray("is being run by another process (pid ") + QByteArray::number(process.processId());
        QVERIFY2(twice.err.contains(holder), twice.err.constData());
        const QByteArray printed = errors + process.readAllStandardError() + process.readAllStandardOutput();
        QVERIFY2(process.state() == QProcess::Running, printed.constData());
        process.kill(); // SIGKILL: no chance to clean up
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);
        const int stored = resultRows(runId).first;
        QVERIFY2(stored < items, qPrintable(QStringLiteral("%1 results before the kill").arg(stored)));
        // Stored as running, held by nobody: the run says it was interrupted.
        const Outcome killed = eval({QStringLiteral("show"), QString::number(runId), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(killed.out).object().value(QStringLiteral("status")).toString(),
                 QStringLiteral("interrupted"));
        const Outcome listed = eval({QStringLiteral("list")});
        QVERIFY2(listed.out.contains("\tinterrupted\t"), listed.out.constData());

        const Outcome resumed = eval({QStringLiteral("resume"), QString::number(runId), QStringLiteral("--json")});
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        const QJsonObject result = QJsonDocument::fromJson(resumed.out).object();
        QCOMPARE(result.value(QStringLiteral("completed")).toInt(), items);
        QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(resultRows(runId), qMakePair(items, items));
        QCOMPARE(result.value(QStringLiteral("metrics"))
                     .toObject()
                     .value(QStringLiteral("lexical_f1"))
                     .toObject()
                     .value(QStringLiteral("count"))
                     .toInt(),
                 items);
    }

    void importsBedrockOutputAndExportsIt()
    {
        const Outcome imported = eval({QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("bedrock"),
                                       QStringLiteral(GENAIOPS_SOURCE_DIR "/resources/demo/bedrock-rag-output.jsonl"),
                                       QStringLiteral("--json")});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        const QJsonObject run = QJsonDocument::fromJson(imported.out).object();
        QCOMPARE(run.value(QStringLiteral("items")).toInt(), 12);
        QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("imported"));
        const QJsonObject metrics = run.value(QStringLiteral("metrics")).toObject();
        QVERIFY(metrics.contains(QStringLiteral("faithfulness")));
        QCOMPARE(metrics.value(QStringLiteral("relevance")).toObject().value(QStringLiteral("count")).toInt(), 12);
        const QString runId = QString::number(run.value(QStringLiteral("run_id")).toInt());

        for (const QString &format : {QStringLiteral("csv"), QStringLiteral("jsonl"), QStringLiteral("html")}) {
            const QString path = m_directory.filePath(QStringLiteral("export.") + format);
            const Outcome exported = eval(
                {QStringLiteral("export"), runId, QStringLiteral("--format"), format, QStringLiteral("--out"), path});
            QVERIFY2(exported.exitCode == 0, exported.err.constData());
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray contents = file.readAll();
            if (format == QLatin1String("jsonl")) {
                const QList<QByteArray> lines = contents.trimmed().split('\n');
                QCOMPARE(lines.size(), 12);
                for (const QByteArray &line : lines)
                    QVERIFY(QJsonDocument::fromJson(line).isObject());
            } else if (format == QLatin1String("csv")) {
                QVERIFY(contents.startsWith("index,question,response,reference,ok,error,"));
            } else {
                QVERIFY(contents.contains("data:image/svg+xml;base64,"));
                QVERIFY(contents.contains("faithfulness"));
            }
        }

        const Outcome shown = eval({QStringLiteral("show"), runId, QStringLiteral("--json")});
        QCOMPARE(shown.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(shown.out).object().value(QStringLiteral("results")).toArray().size(), 12);
        const Outcome listed = eval({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(listed.out).object().value(QStringLiteral("runs")).toArray().size() >= 4);
    }

    void labelsAgreementAndTheirExchange()
    {
        const Outcome imported = eval({QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("bedrock"),
                                       QStringLiteral(GENAIOPS_SOURCE_DIR "/resources/demo/bedrock-rag-output.jsonl"),
                                       QStringLiteral("--json")});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        const QString runId
            = QString::number(QJsonDocument::fromJson(imported.out).object().value(QStringLiteral("run_id")).toInt());
        const Outcome none = eval({QStringLiteral("agreement"), runId});
        QCOMPARE(none.exitCode, 0);
        QVERIFY2(none.out.contains("no labels of a judged metric yet"), none.out.constData());

        // Each item as the judge scored it (faithfulness threshold 0.7), people agreeing on all but two.
        const Outcome shown = eval({QStringLiteral("show"), runId, QStringLiteral("--json")});
        const QJsonArray results
            = QJsonDocument::fromJson(shown.out).object().value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 12);
        for (const QJsonValue &item : results) {
            const int index = item.toObject().value(QStringLiteral("index")).toInt();
            const double judged = item.toObject()
                                      .value(QStringLiteral("scores"))
                                      .toObject()
                                      .value(QStringLiteral("faithfulness"))
                                      .toObject()
                                      .value(QStringLiteral("value"))
                                      .toDouble();
            const bool pass = (judged >= 0.7) != (index == 2 || index == 5);
            for (const QString &reviewer : {QStringLiteral("rita"), QStringLiteral("sam")}) {
                if (reviewer == QLatin1String("sam") && index > 5)
                    continue;
                const Outcome labelled
                    = eval({QStringLiteral("label"), runId, QString::number(index), QStringLiteral("--metric"),
                            QStringLiteral("faithfulness"), pass ? QStringLiteral("--pass") : QStringLiteral("--fail"),
                            QStringLiteral("--as"), reviewer, QStringLiteral("--comment"),
                            QStringLiteral("checked, \"really\"")});
                QVERIFY2(labelled.exitCode == 0, labelled.err.constData());
                QVERIFY2(labelled.out.contains("the judge said"), labelled.out.constData());
            }
        }
        Outcome agreement = eval({QStringLiteral("agreement"), runId, QStringLiteral("--json")});
        QVERIFY2(agreement.exitCode == 0, agreement.err.constData());
        const QJsonArray metrics
            = QJsonDocument::fromJson(agreement.out).object().value(QStringLiteral("metrics")).toArray();
        QCOMPARE(metrics.size(), 1);
        const QJsonObject faithfulness = metrics.first().toObject();
        QCOMPARE(faithfulness.value(QStringLiteral("metric")).toString(), QStringLiteral("faithfulness"));
        QCOMPARE(faithfulness.value(QStringLiteral("n")).toInt(), 12);
        QCOMPARE(faithfulness.value(QStringLiteral("labels")).toInt(), 18);
        QVERIFY(std::abs(faithfulness.value(QStringLiteral("agreement")).toDouble() - 14.0 / 18.0) < 1e-12);
        for (const QString &key :
             {QStringLiteral("kappa"), QStringLiteral("judge_bias"), QStringLiteral("corrected_mean")})
            QVERIFY2(faithfulness.value(key).isDouble(), qPrintable(key));
        for (const QString &key : {QStringLiteral("kappa_ci95"), QStringLiteral("corrected_ci95")})
            QCOMPARE(faithfulness.value(key).toArray().size(), 2);
        const QJsonArray pairs = faithfulness.value(QStringLiteral("reviewer_kappa")).toArray();
        QCOMPARE(pairs.size(), 1);
        QCOMPARE(pairs.first().toObject().value(QStringLiteral("kappa")).toDouble(), 1.0);
        const Outcome text = eval({QStringLiteral("agreement"), runId});
        QVERIFY2(text.out.contains("rita × sam: κ 1.00"), text.out.constData());

        // Out and back into a second import of the same output.
        const QString file = m_directory.filePath(QStringLiteral("labels.jsonl"));
        QCOMPARE(eval({QStringLiteral("labels"), runId, QStringLiteral("--export"), file}).exitCode, 0);
        const Outcome again = eval({QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("bedrock"),
                                    QStringLiteral(GENAIOPS_SOURCE_DIR "/resources/demo/bedrock-rag-output.jsonl"),
                                    QStringLiteral("--json")});
        const QString otherId
            = QString::number(QJsonDocument::fromJson(again.out).object().value(QStringLiteral("run_id")).toInt());
        const Outcome moved
            = eval({QStringLiteral("labels"), QStringLiteral("--import"), file, QStringLiteral("--run"), otherId});
        QVERIFY2(moved.exitCode == 0, moved.err.constData());
        QVERIFY2(moved.out.contains("Imported 18 label(s)"), moved.out.constData());
        const Outcome otherAgreement = eval({QStringLiteral("agreement"), otherId, QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(otherAgreement.out)
                     .object()
                     .value(QStringLiteral("metrics"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("kappa")),
                 faithfulness.value(QStringLiteral("kappa")));

        // Refusals: exit 2, a message that names the problem, nothing stored.
        const QList<QStringList> refusals{
            {QStringLiteral("label"), runId, QStringLiteral("3"), QStringLiteral("--metric"),
             QStringLiteral("faithfulness")},
            {QStringLiteral("label"), runId, QStringLiteral("3"), QStringLiteral("--metric"),
             QStringLiteral("faithfulness"), QStringLiteral("--pass"), QStringLiteral("--fail")},
            {QStringLiteral("label"), runId, QStringLiteral("3"), QStringLiteral("--metric"),
             QStringLiteral("faithfulness"), QStringLiteral("--score"), QStringLiteral("1.5")},
            {QStringLiteral("label"), runId, QStringLiteral("12"), QStringLiteral("--metric"),
             QStringLiteral("faithfulness"), QStringLiteral("--pass")},
            {QStringLiteral("label"), runId, QStringLiteral("3"), QStringLiteral("--metric"), QStringLiteral("rouge_l"),
             QStringLiteral("--pass")},
            {QStringLiteral("label"), QStringLiteral("x"), QStringLiteral("3"), QStringLiteral("--metric"),
             QStringLiteral("faithfulness"), QStringLiteral("--pass")},
            {QStringLiteral("agreement")},
            {QStringLiteral("labels"), QStringLiteral("--import"),
             m_directory.filePath(QStringLiteral("missing.jsonl"))}};
        for (const QStringList &arguments : refusals) {
            const Outcome refused = eval(arguments);
            QVERIFY2(refused.exitCode == 2,
                     qPrintable(arguments.join(u' ') + QStringLiteral(": ") + QString::fromUtf8(refused.err)));
            QVERIFY(!refused.err.isEmpty());
        }
        const Outcome listed = eval({QStringLiteral("labels"), runId, QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(listed.out).object().value(QStringLiteral("labels")).toArray().size(), 18);

        // The HTML report says how far the judge can be trusted.
        const QString report = m_directory.filePath(QStringLiteral("labelled.html"));
        QCOMPARE(eval({QStringLiteral("export"), runId, QStringLiteral("--format"), QStringLiteral("html"),
                       QStringLiteral("--out"), report})
                     .exitCode,
                 0);
        QFile html(report);
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QByteArray page = html.readAll();
        QVERIFY(page.contains("<h2>Judge against people</h2>"));
        QVERIFY(page.contains("trustworthy</span>"));
    }
};

QTEST_GUILESS_MAIN(TestCliEval)
#include "tst_clieval.moc"
