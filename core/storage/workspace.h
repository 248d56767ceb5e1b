#pragma once

#include "core/common/result.h"
#include "core/storage/schemamodule.h"
#include "core/storage/sqldialect.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMap>
#include <QSqlDatabase>
#include <QVariantMap>

#include <memory>

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
    // Whether a query keeps the rows it has read so that it can go back (Qt's default), or only
    // steps forward: for reads of many rows, which would otherwise be held twice.
    enum class Rows { Scrollable, ForwardOnly };
    // Prepares and executes `sql` with named bindings; the error names the statement's first words.
    Result<QSqlQuery> execute(const QString &sql, const QVariantMap &bindings = {}, Rows rows = Rows::Scrollable) const;

    QString metaValue(const QString &key) const;
    Status setMetaValue(const QString &key, const QString &value);

private:
    Workspace(QString connectionName, QString location, SqlDialect dialect);

    Status migrate(const QList<SchemaModule> &modules);

    QString m_connectionName;
    QString m_location;
    SqlDialect m_dialect;
    bool m_created = false;
    int m_transactionDepth = 0;
};
