#include "core/storage/workspace.h"

#include "core/common/logcategories.h"
#include "core/common/version.h"
#include "core/storage/postgreslocation.h"
#include "core/storage/serializationretry.h"
#include "core/storage/sessionpasswords.h"
#include "core/storage/workspaceinspector.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("genaiops-workspace-%1").arg(++counter);
}

Error storageError(const QString &what, const QSqlError &sqlError, const QString &where)
{
    SerializationRetry::note(sqlError);
    return makeError(Error::Kind::Storage, what + QStringLiteral(": ") + sqlError.text().trimmed(), where);
}

QString firstWords(const QString &sql)
{
    return sql.simplified().section(QLatin1Char(' '), 0, 3);
}

// A new workspace is made 0600 before SQLite first opens it: the file holds prompts, datasets and
// decisions, and SQLite gives its -wal and -shm files the mode of the database file. Created with
// that mode (not chmod-ed after), so it is never readable by others, not even for a moment.
Status createPrivateFile(const QString &location)
{
    QFile file(location);
    const QFile::Permissions ownerOnly = QFile::ReadOwner | QFile::WriteOwner;
    if (file.exists()) // an empty file someone made for it
        return file.setPermissions(ownerOnly)
            ? Status(Done{})
            : makeError(Error::Kind::Storage,
                        QCoreApplication::translate("Workspace", "cannot make the workspace file private to you"),
                        location);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnly))
        return makeError(
            Error::Kind::Storage,
            QCoreApplication::translate("Workspace", "cannot create the workspace file: %1").arg(file.errorString()),
            location);
    return Done{};
}

} // namespace

Workspace::Workspace(QString connectionName, QString location, SqlDialect dialect)
    : m_connectionName(std::move(connectionName)), m_location(std::move(location)), m_dialect(dialect)
{ }

Workspace::~Workspace()
{
    for (const QString &name : m_retiredConnections + QStringList{m_connectionName}) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

QString Workspace::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/workspace.genaiops");
}

Result<std::unique_ptr<Workspace>> Workspace::openSqlite(const QString &path, OpenMode mode,
                                                         const QList<SchemaModule> &modules)
{
    const QString location = QFileInfo(path).absoluteFilePath();
    const QFileInfo file(location);
    if (file.exists() && file.isDir())
        return makeError(Error::Kind::Input, tr("is a directory, not a workspace file"), location);
    if (!file.exists() && mode == OpenMode::ExistingOnly)
        return makeError(Error::Kind::Input, tr("no workspace here (create one by opening it with the workbench)"),
                         location);

    // Look before touching: the inspector reads the file without ever writing to it.
    const bool existed = file.exists() && file.size() > 0;
    if (existed) {
        const Status verdict = WorkspaceInspector::verifyOpenable(location, modules);
        if (!verdict)
            return verdict.error();
    } else if (!QDir().mkpath(file.absolutePath())) {
        return makeError(Error::Kind::Storage, tr("cannot create the folder for the workspace"), file.absolutePath());
    } else if (Status privateFile = createPrivateFile(location); !privateFile) {
        return privateFile.error();
    }

    std::unique_ptr<Workspace> workspace(
        new Workspace(nextConnectionName(), location, SqlDialect(SqlDialect::Kind::Sqlite)));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(workspace->m_dialect.driverName(), workspace->m_connectionName);
        db.setDatabaseName(location);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            return storageError(tr("cannot open the workspace"), db.lastError(), location);
    }
    // NORMAL sync is durable across process kills.
    for (const char *pragma : {"PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON"}) {
        auto result = workspace->execute(QString::fromLatin1(pragma));
        if (!result)
            return result.error();
    }
    workspace->m_created = !existed;
    const Status migrated = workspace->migrate(modules);
    if (!migrated)
        return migrated.error();
    // WAL lets the GUI read while a run writes. Switched only now: the switch writes the file's
    // header, and a workspace whose migration failed is left exactly as it was.
    if (auto wal = workspace->execute(QStringLiteral("PRAGMA journal_mode = WAL")); !wal)
        return wal.error();
    qCInfo(lcStorage) << "opened workspace" << location << (workspace->m_created ? "(new)" : "");
    return workspace;
}

Result<std::unique_ptr<Workspace>> Workspace::open(const QString &location, OpenMode mode,
                                                   const QList<SchemaModule> &modules)
{
    if (PostgresLocation::isPostgresUri(location))
        return openPostgres(location, mode, modules, SessionPasswords::find(location));
    return openSqlite(location, mode, modules);
}

Result<std::unique_ptr<Workspace>> Workspace::openReader() const
{
    std::unique_ptr<Workspace> reader(new Workspace(nextConnectionName(), m_location, m_dialect));
    reader->m_sessionUser = m_sessionUser;
    QSqlDatabase db = QSqlDatabase::cloneDatabase(m_connectionName, reader->m_connectionName);
    if (m_dialect.kind() == SqlDialect::Kind::Sqlite)
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY"));
    else // a connection option, not a SET, so that a reconnected reader still only reads
        db.setConnectOptions(db.connectOptions() + (db.connectOptions().isEmpty() ? QString() : QStringLiteral(";"))
                             + QStringLiteral("options='-c default_transaction_read_only=on'"));
    if (!db.open())
        return storageError(tr("cannot open the workspace for reading"), db.lastError(), m_location);
    return reader;
}

QSqlDatabase Workspace::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<QSqlQuery> Workspace::execute(const QString &sql, const QVariantMap &bindings, Rows rows) const
{
    // A team workspace's read outside a transaction that found the connection gone runs again once
    // it is back (a write might have committed before the connection went, so it is not repeated;
    // inside a transaction, transaction() runs the whole of it again when its caller allows).
    const bool read = sql.trimmed().startsWith(QLatin1String("SELECT"), Qt::CaseInsensitive);
    for (int attempt = 1;; ++attempt) {
        if (m_lost && m_transactionDepth == 0 && !const_cast<Workspace *>(this)->reconnect())
            return makeError(Error::Kind::Storage, tr("the team workspace's server does not answer"), m_location);
        auto result = executeOnce(sql, bindings, rows);
        if (result || !m_lost || m_transactionDepth > 0 || !read || attempt == 2)
            return result;
    }
}

Result<QSqlQuery> Workspace::executeOnce(const QString &sql, const QVariantMap &bindings, Rows rows) const
{
    QSqlQuery query(database());
    query.setForwardOnly(rows == Rows::ForwardOnly);
    // QPSQL prepares with SQL's PREPARE, which takes no DDL: a statement without values runs as it is.
    if (bindings.isEmpty() && m_dialect.kind() == SqlDialect::Kind::Postgres) {
        if (!query.exec(sql)) {
            noteFailure(query.lastError());
            return storageError(QStringLiteral("\"%1…\" failed").arg(firstWords(sql)), query.lastError(), m_location);
        }
        return query;
    }
    if (!query.prepare(sql))
        return storageError(QStringLiteral("cannot prepare \"%1…\"").arg(firstWords(sql)), query.lastError(),
                            m_location);
    for (auto it = bindings.cbegin(); it != bindings.cend(); ++it)
        query.bindValue(QLatin1Char(':') + it.key(), it.value());
    if (!query.exec()) {
        noteFailure(query.lastError());
        return storageError(QStringLiteral("\"%1…\" failed").arg(firstWords(sql)), query.lastError(), m_location);
    }
    return query;
}

Status Workspace::transaction(const std::function<Status()> &work)
{
    return runTransaction(work, false);
}

Status Workspace::retriedTransaction(const std::function<Status()> &work)
{
    return runTransaction(work, true);
}

Status Workspace::runTransaction(const std::function<Status()> &work, bool retried)
{
    // Nested calls become savepoints, so a repository that guards its own writes can still be
    // composed into a larger transaction (demo content, imports) that commits or fails as one.
    if (m_transactionDepth > 0) {
        const QString savepoint = QStringLiteral("nested_%1").arg(m_transactionDepth);
        auto marked = execute(QStringLiteral("SAVEPOINT ") + savepoint);
        if (!marked)
            return marked.error();
        ++m_transactionDepth;
        const Status status = work();
        --m_transactionDepth;
        if (!status) {
            (void)execute(QStringLiteral("ROLLBACK TO SAVEPOINT ") + savepoint);
            (void)execute(QStringLiteral("RELEASE SAVEPOINT ") + savepoint);
            return status;
        }
        auto released = execute(QStringLiteral("RELEASE SAVEPOINT ") + savepoint);
        if (!released)
            return released.error();
        return Done{};
    }
    // On PostgreSQL a transaction that lost a serialization race runs again, reading what won.
    // And one cut off by a lost connection runs again once the connection is back: it never committed.
    for (int attempt = 1;; ++attempt) {
        SerializationRetry::clear();
        const Status status = transactionOnce(work);
        if (status || !retried || m_dialect.kind() != SqlDialect::Kind::Postgres
            || attempt == SerializationRetry::attempts)
            return status;
        if (m_lost) {
            if (!reconnect())
                return status;
            continue;
        }
        if (!SerializationRetry::shouldRetry())
            return status;
        qCInfo(lcStorage) << "transaction lost a serialization race; attempt" << attempt + 1;
        SerializationRetry::wait(attempt + 1);
    }
}

Status Workspace::transactionOnce(const std::function<Status()> &work)
{
    auto begun = execute(m_dialect.beginWriteTransaction());
    if (!begun)
        return begun.error();
    ++m_transactionDepth;
    const Status status = work();
    --m_transactionDepth;
    if (!status) {
        database().rollback();
        return status;
    }
    if (!database().commit()) {
        const Error error = storageError(QStringLiteral("commit failed"), database().lastError(), m_location);
        database().rollback();
        return error;
    }
    return Done{};
}

QString Workspace::metaValue(const QString &key) const
{
    auto query
        = execute(QStringLiteral("SELECT value FROM workspace_meta WHERE key = :key"), {{QStringLiteral("key"), key}});
    if (!query || !query.value().next())
        return {};
    return query.value().value(0).toString();
}

Status Workspace::setMetaValue(const QString &key, const QString &value)
{
    auto result = execute(m_dialect.upsert(QStringLiteral("workspace_meta"), {QStringLiteral("key")},
                                           {QStringLiteral("key"), QStringLiteral("value")}),
                          {{QStringLiteral("key"), key}, {QStringLiteral("value"), value}});
    if (!result)
        return result.error();
    return Done{};
}

Result<qint64> Workspace::insertedId(const QSqlQuery &query, const QString &table) const
{
    if (m_dialect.kind() == SqlDialect::Kind::Sqlite)
        return query.lastInsertId().toLongLong();
    // QPSQL's lastInsertId() is an OID, which tables no longer have; the serial's value in this session is the id.
    auto id = execute(QStringLiteral("SELECT currval(pg_get_serial_sequence(:table, 'id'))"),
                      {{QStringLiteral("table"), table}});
    if (!id)
        return id.error();
    if (!id.value().next())
        return makeError(Error::Kind::Storage, QStringLiteral("no id for the row inserted into ") + table, m_location);
    return id.value().value(0).toLongLong();
}

bool Workspace::hasPendingMigrations(const QList<SchemaModule> &modules) const
{
    for (const SchemaModule &module : modules)
        if (!(module.postgresOnly && m_dialect.kind() == SqlDialect::Kind::Sqlite)
            && metaValue(QStringLiteral("schema.") + module.domain).toInt() < module.latestVersion())
            return true;
    return false;
}

Status Workspace::migrate(const QList<SchemaModule> &modules)
{
    if (m_dialect.kind() == SqlDialect::Kind::Sqlite)
        return applyMigrations(modules);
    // A team workspace is migrated by the role that owns it; everyone else only needs it up to date.
    if (!m_created && !hasPendingMigrations(modules))
        return Done{};
    const Status applied = applyMigrations(modules);
    if (!applied && !m_created)
        return makeError(Error::Kind::Storage,
                         tr("this team workspace needs an upgrade that only its owner may apply (ask an admin to open "
                            "it once with this version): %1")
                             .arg(applied.error().message),
                         m_location);
    return applied;
}

Status Workspace::applyMigrations(const QList<SchemaModule> &modules)
{
    return transaction([&]() -> Status {
        if (m_dialect.kind() == SqlDialect::Kind::Postgres) {
            // Two first opens at once: the second waits here, then finds the migrations applied.
            auto locked = execute(QStringLiteral("SELECT pg_advisory_xact_lock(hashtext('genaiops-migrations'))"));
            if (!locked)
                return locked.error();
        }
        auto known
            = execute(m_dialect.tableExistsQuery(), {{QStringLiteral("name"), QStringLiteral("workspace_meta")}});
        if (!known)
            return known.error();
        if (!known.value().next())
            if (auto created
                = execute(QStringLiteral("CREATE TABLE workspace_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"));
                !created)
                return created.error();
        if (metaValue(QStringLiteral("application")).isEmpty()) {
            const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
            for (const auto &[key, value] :
                 {std::pair{QStringLiteral("application"), applicationId()},
                  std::pair{QStringLiteral("format"), QString::number(formatVersion)},
                  std::pair{QStringLiteral("created_at"), now},
                  std::pair{QStringLiteral("created_by_version"), QStringLiteral(GENAIOPS_VERSION)}}) {
                const Status stored = setMetaValue(key, value);
                if (!stored)
                    return stored;
            }
        }
        for (const SchemaModule &module : modules) {
            if (module.postgresOnly && m_dialect.kind() == SqlDialect::Kind::Sqlite)
                continue;
            const QString versionKey = QStringLiteral("schema.") + module.domain;
            const int current = metaValue(versionKey).toInt();
            for (const Migration &migration : module.migrations) {
                if (migration.version <= current)
                    continue;
                for (const QString &statement : migration.statements) {
                    auto applied = execute(m_dialect.translate(statement));
                    if (!applied) {
                        Error error = applied.error();
                        error.message = QStringLiteral("migration %1 v%2 (%3): %4")
                                            .arg(module.domain)
                                            .arg(migration.version)
                                            .arg(migration.description, error.message);
                        return error;
                    }
                }
                const Status stored = setMetaValue(versionKey, QString::number(migration.version));
                if (!stored)
                    return stored;
                qCInfo(lcStorage) << "applied migration" << module.domain << migration.version << migration.description;
            }
        }
        return Done{};
    });
}

Result<Workspace::Info> Workspace::info() const
{
    Info info;
    info.location = m_location;
    info.backend = m_dialect.name();
    info.format = metaValue(QStringLiteral("format")).toInt();
    info.createdAt = metaValue(QStringLiteral("created_at"));
    info.createdByVersion = metaValue(QStringLiteral("created_by_version"));
    info.created = m_created;
    info.sessionUser = m_sessionUser;
    if (m_dialect.kind() == SqlDialect::Kind::Postgres)
        if (auto location = PostgresLocation::parse(m_location))
            info.server = location.value().server();
    auto versions = execute(QStringLiteral("SELECT key, value FROM workspace_meta WHERE key LIKE 'schema.%'"));
    if (!versions)
        return versions.error();
    while (versions.value().next())
        info.schemaVersions.insert(versions.value().value(0).toString().mid(7), versions.value().value(1).toInt());
    if (m_dialect.kind() == SqlDialect::Kind::Sqlite) {
        auto mode = execute(QStringLiteral("PRAGMA journal_mode"));
        if (mode && mode.value().next())
            info.journalMode = mode.value().value(0).toString();
        info.sizeBytes = QFileInfo(m_location).size();
    }
    return info;
}

Status Workspace::check() const
{
    if (m_dialect.kind() == SqlDialect::Kind::Sqlite) {
        auto integrity = execute(QStringLiteral("PRAGMA integrity_check"));
        if (!integrity)
            return integrity.error();
        QStringList problems;
        while (integrity.value().next()) {
            const QString line = integrity.value().value(0).toString();
            if (line != QLatin1String("ok"))
                problems << line;
        }
        if (!problems.isEmpty())
            return makeError(Error::Kind::Storage,
                             QStringLiteral("integrity check failed: ") + problems.join(QStringLiteral("; ")),
                             m_location);
    }
    if (metaValue(QStringLiteral("application")) != applicationId())
        return makeError(Error::Kind::Storage, QStringLiteral("workspace_meta has lost its application id"),
                         m_location);
    return Done{};
}
