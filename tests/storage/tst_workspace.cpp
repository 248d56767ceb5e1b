#include "common/engineundertest.h"
#include "common/postgresserver.h"
#include "core/eval/runlock.h"
#include "core/storage/postgrescursor.h"
#include "core/storage/postgreslocation.h"
#include "core/storage/rowreader.h"
#include "core/storage/workspace.h"
#include "core/storage/workspaceworker.h"
#include "core/workspaceschema.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QRandomGenerator>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <thread>

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

// Where this test's workspace named `name` lives on the engine under test.
QString place(const QTemporaryDir &directory, const QString &name)
{
    return EngineUnderTest::location(directory.filePath(name));
}

// Writes to a database behind the workspace's back, as another program (or a newer workbench) would.
void executeDirectly(const QString &path, const QStringList &statements)
{
    if (EngineUnderTest::isPostgres()) {
        const QString database = PostgresLocation::parse(path).value().database();
        for (const QString &statement : statements) {
            QString error;
            PostgresServer::shared()->psql(QStringLiteral("owner"), database, statement, &error);
            QVERIFY2(error.isEmpty(), qPrintable(statement + QStringLiteral(": ") + error));
        }
        return;
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("direct"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        for (const QString &statement : statements)
            QVERIFY2(query.exec(statement), qPrintable(statement));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("direct"));
}

SchemaModule testModule(int upTo)
{
    SchemaModule module{QStringLiteral("test"), {}};
    module.migrations << Migration{
        1, QStringLiteral("notes"), {QStringLiteral("CREATE TABLE notes (id ${id}, body TEXT)")}};
    if (upTo >= 2)
        module.migrations << Migration{
            2, QStringLiteral("note tags"), {QStringLiteral("ALTER TABLE notes ADD COLUMN tag TEXT")}};
    if (upTo >= 3)
        module.migrations << Migration{
            3,
            QStringLiteral("broken"),
            {QStringLiteral("CREATE TABLE half_done (id ${id})"), QStringLiteral("CREATE TABLE this is not sql")}};
    return module;
}

} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void createsAWorkspaceInWalMode()
    {
        QTemporaryDir directory;
        const QString path = place(directory, QStringLiteral("nested/ws.genaiops"));
        auto workspace = Workspace::open(path, Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules());
        QVERIFY2(workspace, qPrintable(workspace ? QString() : workspace.error().describe()));
        auto info = workspace.value()->info();
        QVERIFY(info);
        if (EngineUnderTest::isPostgres()) {
            QCOMPARE(info.value().backend, QStringLiteral("postgresql"));
            QCOMPARE(info.value().sessionUser, QStringLiteral("owner"));
            QCOMPARE(info.value().schemaVersions.value(QStringLiteral("team")), 1);
        } else {
            QCOMPARE(info.value().journalMode, QStringLiteral("wal"));
            QVERIFY(!info.value().schemaVersions.contains(QStringLiteral("team")));
        }
        QCOMPARE(info.value().schemaVersions.value(QStringLiteral("secrets")), 1);
        QCOMPARE(info.value().format, Workspace::formatVersion);
        QVERIFY(info.value().created);
        QVERIFY(workspace.value()->check());
        workspace.value().reset();

        auto reopened = Workspace::open(path, Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules());
        QVERIFY(reopened);
        QVERIFY(!reopened.value()->wasCreated());
    }

    // SECURITY.md: a workspace holds prompts, datasets and decisions; nobody but its owner reads it,
    // nor its -wal file, nor a run's lock file (pid and host) beside it.
    void aNewWorkspaceItsWalAndItsRunLocksAreReadableOnlyByTheirOwner()
    {
        if (EngineUnderTest::isPostgres())
            QSKIP("file modes are the SQLite file's; the server keeps a team's data");
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("ws.genaiops"));
        auto workspace = Workspace::openSqlite(path, Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules());
        QVERIFY(workspace);
        QVERIFY(workspace.value()->setMetaValue(QStringLiteral("note"), QStringLiteral("written through the WAL")));
        RunLock lock(path, 7);
        QVERIFY(lock.acquire());
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeGroup | QFileDevice::ExeOther;
        const QStringList files{path, path + QStringLiteral("-wal"), path + QStringLiteral(".run-7.lock")};
        for (const QString &file : files) {
            QVERIFY2(QFile::exists(file), qPrintable(file));
            const QFileDevice::Permissions permissions = QFile::permissions(file);
            QVERIFY2(!(permissions & others), qPrintable(file));
            QVERIFY(permissions & QFileDevice::ReadOwner && permissions & QFileDevice::WriteOwner);
        }
    }

    void existingOnlyRefusesAMissingFile()
    {
        QTemporaryDir directory;
        const QString path = place(directory, QStringLiteral("absent.genaiops"));
        auto workspace = Workspace::open(path, Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules());
        QVERIFY(!workspace);
        QCOMPARE(workspace.error().kind, Error::Kind::Input);
        if (EngineUnderTest::isPostgres()) // an empty database stays empty
            QVERIFY2(workspace.error().message.contains(QLatin1String("no workspace yet")),
                     qPrintable(workspace.error().message));
        else
            QVERIFY(!QFile::exists(path));
    }

    void appliesPendingMigrationsOnce()
    {
        QTemporaryDir directory;
        const QString path = place(directory, QStringLiteral("ws.genaiops"));
        {
            auto workspace = Workspace::open(path, Workspace::OpenMode::CreateIfMissing, {testModule(1)});
            QVERIFY(workspace);
            QVERIFY(workspace.value()->execute(QStringLiteral("INSERT INTO notes (body) VALUES ('kept')")));
        }
        auto workspace = Workspace::open(path, Workspace::OpenMode::ExistingOnly, {testModule(2)});
        QVERIFY(workspace);
        QCOMPARE(workspace.value()->metaValue(QStringLiteral("schema.test")), QStringLiteral("2"));
        auto rows = workspace.value()->execute(QStringLiteral("SELECT body, tag FROM notes"));
        QVERIFY(rows);
        QVERIFY(rows.value().next());
        QCOMPARE(rows.value().value(0).toString(), QStringLiteral("kept"));
    }

    void aFailedMigrationLeavesNothingHalfDone()
    {
        QTemporaryDir directory;
        const QString path = place(directory, QStringLiteral("ws.genaiops"));
        QVERIFY(Workspace::open(path, Workspace::OpenMode::CreateIfMissing, {testModule(2)}));
        auto broken = Workspace::open(path, Workspace::OpenMode::ExistingOnly, {testModule(3)});
        QVERIFY(!broken);
        QVERIFY2(broken.error().message.contains(QLatin1String("migration test v3")),
                 qPrintable(broken.error().message));
        auto workspace = Workspace::open(path, Workspace::OpenMode::ExistingOnly, {testModule(2)});
        QVERIFY(workspace);
        QCOMPARE(workspace.value()->metaValue(QStringLiteral("schema.test")), QStringLiteral("2"));
        auto halfDone = workspace.value()->execute(workspace.value()->dialect().tableExistsQuery(),
                                                   {{QStringLiteral("name"), QStringLiteral("half_done")}});
        QVERIFY(halfDone);
        QVERIFY(!halfDone.value().next());
    }

    // Found by fuzz_workspace_file: the switch to WAL came before the migrations and wrote the file's
    // header, so a workspace whose migration failed was refused but no longer the file it had been.
    void aWorkspaceWhoseMigrationFailsIsLeftByteForByte()
    {
        if (EngineUnderTest::isPostgres())
            QSKIP("bytes of a file; PostgreSQL rolls the migration back (aFailedMigrationLeavesNothingHalfDone)");
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("ws.genaiops"));
        QVERIFY(Workspace::openSqlite(path, Workspace::OpenMode::CreateIfMissing, {testModule(2)}));
        executeDirectly(path, {QStringLiteral("PRAGMA journal_mode = DELETE")}); // as a tool might leave it
        const QByteArray before = readAll(path);
        QVERIFY(!Workspace::openSqlite(path, Workspace::OpenMode::ExistingOnly, {testModule(3)}));
        QVERIFY(readAll(path) == before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void refusesAFileThatIsNotAWorkspace_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QStringList>("sqlite"); // when set, the file is an SQLite database made with these
        QTest::addColumn<QString>("expected");
        QTest::newRow("text") << QByteArray("name,score\nalpha,0.9\n") << QStringList()
                              << QStringLiteral("not an SQLite database");
        QByteArray noise(4096, '\0');
        for (char &byte : noise)
            byte = char(QRandomGenerator::global()->bounded(256));
        QTest::newRow("binary") << noise << QStringList() << QStringLiteral("not an SQLite database");
        QTest::newRow("sqlite header, garbage body")
            << QByteArray("SQLite format 3\0", 16) + QByteArray(2000, 'x') << QStringList() << QStringLiteral("");
        QTest::newRow("another program's database")
            << QByteArray()
            << QStringList{QStringLiteral("CREATE TABLE invoices (id INTEGER, total REAL)"),
                           QStringLiteral("INSERT INTO invoices VALUES (1, 9.5)")}
            << QStringLiteral("without the workspace_meta table");
        QTest::newRow("someone else's meta")
            << QByteArray()
            << QStringList{QStringLiteral("CREATE TABLE workspace_meta (key TEXT PRIMARY KEY, value TEXT)"),
                           QStringLiteral("INSERT INTO workspace_meta VALUES ('application', 'other-tool')")}
            << QStringLiteral("belongs to \"other-tool\"");
    }

    void refusesAFileThatIsNotAWorkspace()
    {
        if (EngineUnderTest::isPostgres())
            QSKIP("files; refusesADatabaseThatIsNotAWorkspace is PostgreSQL's");
        QFETCH(QByteArray, contents);
        QFETCH(QStringList, sqlite);
        QFETCH(QString, expected);
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("data.bin"));
        if (sqlite.isEmpty())
            writeFile(path, contents);
        else
            executeDirectly(path, sqlite);
        const QByteArray before = readAll(path);
        const QStringList filesBefore = QDir(directory.path()).entryList(QDir::Files);

        auto workspace = Workspace::openSqlite(path, Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules());
        QVERIFY(!workspace);
        QCOMPARE(workspace.error().kind, Error::Kind::Input);
        QCOMPARE(workspace.error().where, QFileInfo(path).absoluteFilePath());
        QVERIFY2(workspace.error().message.contains(expected), qPrintable(workspace.error().message));
        QCOMPARE(readAll(path), before);
        QCOMPARE(QDir(directory.path()).entryList(QDir::Files), filesBefore); // no -wal, -shm or -journal
    }

    void refusesASchemaNewerThanItKnows_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("domain schema") << QStringLiteral("schema.secrets");
        QTest::newRow("workspace format") << QStringLiteral("format");
    }

    void refusesASchemaNewerThanItKnows()
    {
        QFETCH(QString, key);
        QTemporaryDir directory;
        const QString path = place(directory, QStringLiteral("ws.genaiops"));
        QVERIFY(Workspace::open(path, Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules()));
        QStringList statements{QStringLiteral("UPDATE workspace_meta SET value = '99' WHERE key = '%1'").arg(key)};
        if (!EngineUnderTest::isPostgres())
            statements.prepend(QStringLiteral("PRAGMA journal_mode = DELETE"));
        executeDirectly(path, statements);
        const QByteArray before = EngineUnderTest::isPostgres() ? QByteArray() : readAll(path);

        auto workspace = Workspace::open(path, Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules());
        QVERIFY(!workspace);
        QVERIFY2(workspace.error().message.contains(QLatin1String("newer GenAIOps Workbench")),
                 qPrintable(workspace.error().message));
        QVERIFY(workspace.error().message.contains(key));
        if (!EngineUnderTest::isPostgres())
            QCOMPARE(readAll(path), before);
    }

    void nestedTransactionsAreSavepoints()
    {
        QTemporaryDir directory;
        auto workspace = Workspace::open(place(directory, QStringLiteral("ws.genaiops")),
                                         Workspace::OpenMode::CreateIfMissing, {testModule(1)});
        QVERIFY(workspace);
        Workspace &ws = *workspace.value();
        auto count = [&]() {
            auto rows = ws.execute(QStringLiteral("SELECT count(*) FROM notes"));
            return rows && rows.value().next() ? rows.value().value(0).toInt() : -1;
        };
        const Status outer = ws.transaction([&]() -> Status {
            auto inserted = ws.execute(QStringLiteral("INSERT INTO notes (body) VALUES ('outer')"));
            if (!inserted)
                return inserted.error();
            const Status inner = ws.transaction([&]() -> Status {
                (void)ws.execute(QStringLiteral("INSERT INTO notes (body) VALUES ('inner')"));
                return makeError(Error::Kind::Input, QStringLiteral("inner refuses"));
            });
            if (inner)
                return makeError(Error::Kind::Internal, QStringLiteral("inner should have failed"));
            return ws.transaction([&]() -> Status {
                auto kept = ws.execute(QStringLiteral("INSERT INTO notes (body) VALUES ('second inner')"));
                return kept ? Status(Done{}) : Status(kept.error());
            });
        });
        QVERIFY(outer);
        QCOMPARE(count(), 2); // outer + second inner; the refused inner insert was rolled back

        const Status failing = ws.transaction([&]() -> Status {
            (void)ws.transaction([&]() -> Status {
                (void)ws.execute(QStringLiteral("INSERT INTO notes (body) VALUES ('lost with the outer')"));
                return Done{};
            });
            return makeError(Error::Kind::Input, QStringLiteral("outer refuses"));
        });
        QVERIFY(!failing);
        QCOMPARE(count(), 2);
    }

    void aRowReaderReadsWhatWasStoredWithItsValuesBoundByName()
    {
        QTemporaryDir directory;
        auto workspace = Workspace::open(place(directory, QStringLiteral("ws.genaiops")),
                                         Workspace::OpenMode::CreateIfMissing, {testModule(2)});
        QVERIFY(workspace);
        Workspace &ws = *workspace.value();
        for (const QString &body : {QStringLiteral("Größe 😀"), QString(), QStringLiteral("third")})
            QVERIFY(ws.execute(QStringLiteral("INSERT INTO notes (body, tag) VALUES (:body, 'a')"),
                               {{QStringLiteral("body"), body.isNull() ? QVariant() : QVariant(body)}}));
        auto rows = RowReader::open(
            ws, QStringLiteral("SELECT id, body, id * 0.5 FROM notes WHERE id >= :from AND tag = :tag ORDER BY id"),
            {{QStringLiteral("from"), qint64(2)},
             {QStringLiteral("tag"), QStringLiteral("a")},
             {QStringLiteral("unused"), 1}});
        QVERIFY2(rows, qPrintable(rows ? QString() : rows.error().describe()));
        RowReader &reader = rows.value();
        QVERIFY(reader.next());
        QCOMPARE(reader.integer(0), qint64(2));
        QVERIFY(reader.isNull(1));
        QVERIFY(reader.text(1).isNull());
        QCOMPARE(reader.real(2), 1.0);
        QVERIFY(reader.next());
        QCOMPARE(reader.text(1), QStringLiteral("third"));
        QVERIFY(!reader.next());
        QVERIFY(!reader.error());

        auto first
            = RowReader::open(ws, QStringLiteral("SELECT body FROM notes WHERE id = :id"), {{QStringLiteral("id"), 1}});
        QVERIFY(first && first.value().next());
        QCOMPARE(first.value().text(0), QStringLiteral("Größe 😀"));

        auto wrong = RowReader::open(ws, QStringLiteral("SELECT nothing FROM notes"), {});
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().kind, Error::Kind::Storage);
        QVERIFY2(wrong.error().message.contains(QLatin1String("nothing")), qPrintable(wrong.error().message));
        QCOMPARE(wrong.error().where, ws.location());
    }

    // 10,000 rows are more than two of a PostgreSQL cursor's pages; the reader leaves no transaction
    // open behind it, and inside a transaction it reads within that one.
    void aRowReaderReadsPageAfterPageAndLeavesTheConnectionAsItWas()
    {
        QTemporaryDir directory;
        auto workspace = Workspace::open(place(directory, QStringLiteral("ws.genaiops")),
                                         Workspace::OpenMode::CreateIfMissing, {testModule(1)});
        QVERIFY(workspace);
        Workspace &ws = *workspace.value();
        const QString numbers = QStringLiteral(
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < :count) "
            "SELECT x, x * 0.25, 'row ' || x, CASE WHEN x % 3 = 0 THEN NULL ELSE x END FROM n ORDER BY 1");
        const auto readAll = [&](qint64 &sum, qint64 &nulls, double &quarters, QString &last) -> Status {
            auto rows = RowReader::open(ws, numbers, {{QStringLiteral("count"), 10000}});
            if (!rows)
                return rows.error();
            while (rows.value().next()) {
                sum += rows.value().integer(0);
                quarters += rows.value().real(1);
                last = rows.value().text(2);
                nulls += rows.value().isNull(3);
            }
            return rows.value().error() ? Status(*rows.value().error()) : Status(Done{});
        };
        qint64 sum = 0, nulls = 0;
        double quarters = 0;
        QString last;
        const Status read = readAll(sum, nulls, quarters, last);
        QVERIFY2(read, qPrintable(read ? QString() : read.error().describe()));
        QCOMPARE(sum, qint64(10000) * 10001 / 2);
        QCOMPARE(quarters, double(sum) / 4);
        QCOMPARE(nulls, qint64(3333));
        QCOMPARE(last, QStringLiteral("row 10000"));

        // A transaction of the workspace's own starts and commits as usual afterwards.
        QVERIFY(ws.transaction([&]() -> Status {
            auto inserted = ws.execute(QStringLiteral("INSERT INTO notes (body) VALUES ('after')"));
            return inserted ? Status(Done{}) : Status(inserted.error());
        }));
        sum = nulls = 0;
        quarters = 0;
        const Status inside = ws.transaction([&]() { return readAll(sum, nulls, quarters, last); });
        QVERIFY2(inside, qPrintable(inside ? QString() : inside.error().describe()));
        QCOMPARE(sum, qint64(10000) * 10001 / 2);
        auto count = ws.execute(QStringLiteral("SELECT count(*) FROM notes"));
        QVERIFY(count && count.value().next());
        QCOMPARE(count.value().value(0).toInt(), 1);
    }

    void aCursorNumbersNamedValuesOutsideQuotes()
    {
        QStringList names;
        QCOMPARE(PostgresCursor::numbered(QStringLiteral("SELECT ':skip', \"a:b\", x::text FROM t WHERE run = :run "
                                                         "AND n < :to AND r = :run AND s = 'it''s :not'"),
                                          names),
                 QByteArray("SELECT ':skip', \"a:b\", x::text FROM t WHERE run = $1 AND n < $2 AND r = $1 "
                            "AND s = 'it''s :not'"));
        QCOMPARE(names, (QStringList{QStringLiteral("run"), QStringLiteral("to")}));
    }

    void aReaderConnectionReadsOnItsOwnThreadAndCannotWrite()
    {
        QTemporaryDir directory;
        auto workspace = Workspace::open(place(directory, QStringLiteral("ws.genaiops")),
                                         Workspace::OpenMode::CreateIfMissing, {testModule(1)});
        QVERIFY(workspace);
        Workspace &ws = *workspace.value();
        QVERIFY(ws.execute(QStringLiteral("INSERT INTO notes (body) VALUES ('kept')")));
        QString read, writeError;
        std::thread other([&]() {
            auto reader = ws.openReader();
            if (!reader) {
                read = reader.error().describe();
                return;
            }
            auto rows = RowReader::open(*reader.value(), QStringLiteral("SELECT body FROM notes"), {});
            if (rows && rows.value().next())
                read = rows.value().text(0);
            auto written = reader.value()->execute(QStringLiteral("INSERT INTO notes (body) VALUES ('no')"));
            writeError = written ? QString() : written.error().message;
        });
        other.join();
        QCOMPARE(read, QStringLiteral("kept"));
        QVERIFY2(writeError.contains(QLatin1String("readonly"), Qt::CaseInsensitive)
                     || writeError.contains(QLatin1String("read-only"), Qt::CaseInsensitive),
                 qPrintable(writeError));
        auto count = ws.execute(QStringLiteral("SELECT count(*) FROM notes"));
        QVERIFY(count && count.value().next());
        QCOMPARE(count.value().value(0).toInt(), 1);
    }

    void dialectSpellsPostgresTypes()
    {
        const SqlDialect postgres(SqlDialect::Kind::Postgres);
        QCOMPARE(postgres.translate(QStringLiteral("CREATE TABLE t (id ${id}, data ${blob}, n ${bigint})")),
                 QStringLiteral("CREATE TABLE t (id BIGSERIAL PRIMARY KEY, data BYTEA, n BIGINT)"));
        QCOMPARE(postgres.upsert(QStringLiteral("t"), {QStringLiteral("k")},
                                 {QStringLiteral("k"), QStringLiteral("v"), QStringLiteral("created")},
                                 {QStringLiteral("created")}),
                 QStringLiteral("INSERT INTO t (k, v, created) VALUES (:k, :v, :created) ON CONFLICT (k) DO UPDATE SET "
                                "v = excluded.v"));
    }

    void workerRunsJobsOffTheCallingThread()
    {
        QTemporaryDir directory;
        WorkspaceWorker worker;
        bool opened = false;
        worker.open(place(directory, QStringLiteral("ws.genaiops")), Workspace::OpenMode::CreateIfMissing,
                    WorkspaceSchema::modules(), this, [&](Result<Workspace::Info> info) { opened = info.ok(); });
        QTRY_VERIFY(opened);

        QThread *jobThread = nullptr;
        QThread *callbackThread = nullptr;
        worker.run<int>(
            [&](Workspace &workspace) -> Result<int> {
                jobThread = QThread::currentThread();
                auto count = workspace.execute(QStringLiteral("SELECT count(*) FROM credential_profiles"));
                if (!count || !count.value().next())
                    return makeError(Error::Kind::Storage, QStringLiteral("count failed"));
                return count.value().value(0).toInt();
            },
            this,
            [&](Result<int> result) {
                QVERIFY(result);
                callbackThread = QThread::currentThread();
            });
        QTRY_VERIFY(callbackThread != nullptr);
        QVERIFY(jobThread != QThread::currentThread());
        QCOMPARE(callbackThread, QThread::currentThread());
    }

    // The first job waits for a network reply in a nested event loop, as SageMaker and MLflow calls
    // do; the jobs posted meanwhile must neither start inside it nor overtake it.
    void workerRunsJobsInOrderWhenOneSpinsANestedLoop()
    {
        QTemporaryDir directory;
        WorkspaceWorker worker;
        bool opened = false;
        worker.open(place(directory, QStringLiteral("ws.genaiops")), Workspace::OpenMode::CreateIfMissing,
                    WorkspaceSchema::modules(), this, [&](Result<Workspace::Info> info) { opened = info.ok(); });
        QTRY_VERIFY(opened);
        QStringList events; // touched on the worker thread only, read after drain()
        int depth = 0;
        int deepest = 0;
        QList<int> delivered;
        QSemaphore started;
        const auto job = [&](int number, bool spin) {
            return [&, number, spin](Workspace &) -> Result<int> {
                ++depth;
                deepest = std::max(deepest, depth);
                events << QStringLiteral("start %1").arg(number);
                if (spin) {
                    started.release();
                    QEventLoop loop;
                    QTimer::singleShot(200, &loop, &QEventLoop::quit);
                    loop.exec();
                }
                events << QStringLiteral("end %1").arg(number);
                --depth;
                return number;
            };
        };
        worker.run<int>(job(1, true), this, [&](Result<int> result) { delivered << result.value(); });
        started.acquire(); // job 1 is in its nested loop now; the next ones arrive while it spins
        for (int number = 2; number <= 5; ++number)
            worker.run<int>(job(number, false), this, [&](Result<int> result) { delivered << result.value(); });
        worker.drain();
        QCOMPARE(deepest, 1);
        QCOMPARE(events,
                 (QStringList{QStringLiteral("start 1"), QStringLiteral("end 1"), QStringLiteral("start 2"),
                              QStringLiteral("end 2"), QStringLiteral("start 3"), QStringLiteral("end 3"),
                              QStringLiteral("start 4"), QStringLiteral("end 4"), QStringLiteral("start 5"),
                              QStringLiteral("end 5")}));
        QTRY_COMPARE(delivered, (QList<int>{1, 2, 3, 4, 5}));
    }

    void workerDropsTheCallbackOfADeletedContext()
    {
        QTemporaryDir directory;
        WorkspaceWorker worker;
        auto *context = new QObject;
        bool called = false;
        worker.open(place(directory, QStringLiteral("ws.genaiops")), Workspace::OpenMode::CreateIfMissing,
                    WorkspaceSchema::modules(), context, [&](Result<Workspace::Info>) { called = true; });
        delete context;
        worker.drain();
        QTest::qWait(50);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
