#pragma once

#include "core/common/result.h"
#include "core/storage/schemamodule.h"
#include "core/storage/sqldialect.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMap>
#include <QSqlDatabase>
#include <QStringList>
#include <QVariantMap>

#include <memory>

class QSqlError;
class QSqlQuery;

// The user's workspace: one database holding prompts, runs, registry decisions and recordings.
// A Workspace object owns one connection and must be used on the thread that opened it (Qt Sql's
// rule); WorkspaceWorker gives the GUI a thread of its own for that.
class Workspace
{
    Q_DECLARE_TR_FUNCTIONS(Workspace)

public:
    enum class OpenMode { CreateIfMissing, ExistingOnly };

    struct Info
    {
        QString location;
        QString backend;
        int format = 0;
        QMap<QString, int> schemaVersions;
        QString journalMode;
        qint64 sizeBytes = 0;
        QString createdAt;
        QString createdByVersion;
        QString server; // host:port/database of a team workspace
        QString sessionUser; // the database role this connection logged in as
        bool created = false; // this open made a new workspace
    };

    static constexpr int formatVersion = 1;
    static QString applicationId() { return QStringLiteral("genaiops-workbench"); }
    static QString defaultPath();

    // Opens (and, with CreateIfMissing, creates) an SQLite workspace, applying every pending
    // migration of `modules` in one transaction. A file that is not a workspace, or a workspace from a
    // newer program, is refused without writing a byte to it.
    static Result<std::unique_ptr<Workspace>> openSqlite(const QString &path, OpenMode mode,
                                                         const QList<SchemaModule> &modules);
    // Opens a team workspace from a libpq URI (PostgresLocation). The first open by a role that may
    // create tables applies the migrations; a role that may not is told who can. `password` is for
    // one the GUI keeps in the keyring; without it libpq looks in PGPASSWORD and ~/.pgpass.
    static Result<std::unique_ptr<Workspace>>
    openPostgres(const QString &uri, OpenMode mode, const QList<SchemaModule> &modules, const QString &password = {});
    // Either engine, by the location's form: a postgresql:// URI or a file path.
    static Result<std::unique_ptr<Workspace>> open(const QString &location, OpenMode mode,
                                                   const QList<SchemaModule> &modules);

    // A second connection to this workspace that only reads, for a load shared with another thread:
    // call it on the thread that will use it (a connection belongs to the thread that opened it).
    // No migration runs; the caller holds this workspace open meanwhile.
    Result<std::unique_ptr<Workspace>> openReader() const;

    ~Workspace();
    Workspace(const Workspace &) = delete;
    Workspace &operator=(const Workspace &) = delete;

    QSqlDatabase database() const;
    const SqlDialect &dialect() const { return m_dialect; }
    QString location() const { return m_location; }
    bool wasCreated() const { return m_created; }

    Result<Info> info() const;
    // Integrity check of the database file plus the workspace's own bookkeeping.
    Status check() const;

    // Runs `work` inside one write transaction; rolls back when it returns an error. Nested calls
    // use savepoints: an inner failure undoes only the inner work, unless the outer one fails too.
    Status transaction(const std::function<Status()> &work);
    // The same for work that touches nothing but the database, so that it may run more than once:
    // in a team workspace, one that lost a serialization race, or its connection, runs again.
    Status retriedTransaction(const std::function<Status()> &work);
    // Whether a query keeps the rows it has read so that it can go back (Qt's default), or only
    // steps forward: for reads of many rows, which would otherwise be held twice.
    enum class Rows { Scrollable, ForwardOnly };
    // Prepares and executes `sql` with named bindings; the error names the statement's first words.
    Result<QSqlQuery> execute(const QString &sql, const QVariantMap &bindings = {}, Rows rows = Rows::Scrollable) const;

    // The id the database gave the row `query` just inserted into `table` (an ${id} column).
    Result<qint64> insertedId(const QSqlQuery &query, const QString &table) const;
    // Who the database says this connection is: the login role on PostgreSQL, empty on SQLite.
    QString sessionUser() const { return m_sessionUser; }
    bool isTeam() const { return m_dialect.kind() == SqlDialect::Kind::Postgres; }

    // A team workspace whose server went away (restarted, network dropped) reconnects, with backoff,
    // on the next statement; a transaction cut off this way runs again once it is back. `observer`
    // hears "reconnecting: why" while it tries, then "reconnected" (on this workspace's thread).
    using ConnectionObserver = std::function<void(const QString &state)>;
    void setConnectionObserver(ConnectionObserver observer) { m_observer = std::move(observer); }
    // Grows with every reconnection: statements prepared before it must be prepared again.
    int connectionGeneration() const { return m_generation; }
    // For statements run outside execute() (PreparedQuery): remembers what a failure says about
    // retrying and about the connection.
    void noteFailure(const QSqlError &error) const;
    // Outside a transaction, after a statement found the connection gone: reconnects (true when it did).
    bool reconnectIfLost();

    QString metaValue(const QString &key) const;
    Status setMetaValue(const QString &key, const QString &value);

private:
    Workspace(QString connectionName, QString location, SqlDialect dialect);

    Status migrate(const QList<SchemaModule> &modules);
    Status runTransaction(const std::function<Status()> &work, bool retried);
    Status transactionOnce(const std::function<Status()> &work);
    Result<QSqlQuery> executeOnce(const QString &sql, const QVariantMap &bindings, Rows rows) const;
    bool connectionLost() const; // PostgreSQL only: libpq says the connection is gone
    bool reconnect(); // PostgreSQL only: false when the server stayed away
    Status applyMigrations(const QList<SchemaModule> &modules);
    // Whether any module has a migration this workspace has not applied (reads only).
    bool hasPendingMigrations(const QList<SchemaModule> &modules) const;

    QString m_connectionName;
    // Connections a reconnect replaced: kept (closed) until the end, because statements prepared on
    // them still refer to them, and freeing those on the new session would abort its transaction.
    QStringList m_retiredConnections;
    QString m_location;
    SqlDialect m_dialect;
    QString m_sessionUser;
    bool m_created = false;
    int m_transactionDepth = 0;
    ConnectionObserver m_observer;
    int m_generation = 0;
    mutable bool m_lost = false; // a statement found the connection gone
};
