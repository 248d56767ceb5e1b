#include "core/common/logcategories.h"
#include "core/storage/postgreslocation.h"
#include "core/storage/serializationretry.h"
#include "core/storage/workspace.h"
#include "core/storage/workspaceinspector.h"

#include <QAtomicInteger>
#include <QElapsedTimer>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <libpq-fe.h>

// Workspace's PostgreSQL side: opening a team workspace from its URI (workspace.cpp has the rest).

namespace {

QString teamConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("genaiops-team-workspace-%1").arg(++counter);
}

} // namespace

Result<std::unique_ptr<Workspace>> Workspace::openPostgres(const QString &uri, OpenMode mode,
                                                           const QList<SchemaModule> &modules, const QString &password)
{
    auto location = PostgresLocation::parse(uri);
    if (!location)
        return location.error();
    const PostgresLocation &where = location.value();
    std::unique_ptr<Workspace> workspace(
        new Workspace(teamConnectionName(), where.uri(), SqlDialect(SqlDialect::Kind::Postgres)));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(workspace->m_dialect.driverName(), workspace->m_connectionName);
        if (!db.isValid())
            return makeError(Error::Kind::Storage,
                             tr("Qt's PostgreSQL driver (QPSQL) is not installed: install libqt6sql6-psql"),
                             where.server());
        db.setHostName(where.host());
        if (where.port() > 0)
            db.setPort(where.port());
        db.setDatabaseName(where.database());
        db.setUserName(where.user());
        if (!password.isEmpty())
            db.setPassword(password);
        db.setConnectOptions(where.connectOptions());
        if (!db.open())
            return makeError(
                Error::Kind::Storage,
                tr("cannot open the team workspace at %1: %2").arg(where.server(), db.lastError().text().trimmed()),
                where.server());
    }
    auto who = workspace->execute(QStringLiteral("SELECT session_user"));
    if (!who || !who.value().next())
        return who ? makeError(Error::Kind::Storage, tr("the server did not say who you are"), where.server())
                   : who.error();
    workspace->m_sessionUser = who.value().value(0).toString();
    // to_regclass sees a table whatever one's privileges on it, so a role without a grant is told so.
    auto exists = workspace->execute(QStringLiteral("SELECT to_regclass('workspace_meta') IS NOT NULL"));
    if (!exists || !exists.value().next())
        return exists ? makeError(Error::Kind::Storage, tr("the server did not answer"), where.server())
                      : exists.error();
    const bool existed = exists.value().value(0).toBool();
    if (existed) {
        auto application
            = workspace->execute(QStringLiteral("SELECT value FROM workspace_meta WHERE key = 'application'"));
        if (!application)
            return makeError(Error::Kind::Refused,
                             tr("%1 holds no workbench role in this team workspace; an admin grants one with "
                                "`genaiops workspace grant %1 ROLE` (%2)")
                                 .arg(workspace->m_sessionUser, application.error().message),
                             where.server());
        if (!application.value().next() || application.value().value(0).toString() != applicationId())
            return makeError(Error::Kind::Input,
                             tr("this database holds a workspace_meta table that is not a workbench's"),
                             where.server());
    }
    if (existed) {
        auto versions = workspace->execute(
            QStringLiteral("SELECT key, value FROM workspace_meta WHERE key = 'format' OR key LIKE 'schema.%'"));
        if (!versions)
            return versions.error();
        QMap<QString, int> stored;
        while (versions.value().next())
            stored.insert(versions.value().value(0).toString(), versions.value().value(1).toInt());
        if (Status known = WorkspaceInspector::verifyVersions(stored, modules, where.server()); !known)
            return known.error();
    }
    if (!existed && mode == OpenMode::ExistingOnly)
        return makeError(Error::Kind::Input,
                         tr("this database holds no workspace yet (its owner creates one by opening it first)"),
                         where.server());
    workspace->m_created = !existed;
    const Status migrated = workspace->migrate(modules);
    if (!migrated)
        return migrated.error();
    qCInfo(lcStorage) << "opened team workspace" << where.server() << "as" << workspace->m_sessionUser;
    return workspace;
}

void Workspace::noteFailure(const QSqlError &error) const
{
    SerializationRetry::note(error);
    // 08…: connection exceptions; 57P01–57P03: the server shut down, crashed or is starting.
    const QString state = error.nativeErrorCode();
    if (m_dialect.kind() == SqlDialect::Kind::Postgres
        && (connectionLost() || state.startsWith(QLatin1String("08")) || state == QLatin1String("57P01")
            || state == QLatin1String("57P02") || state == QLatin1String("57P03")))
        m_lost = true;
}

bool Workspace::reconnectIfLost()
{
    return m_lost && m_transactionDepth == 0 && reconnect();
}

bool Workspace::connectionLost() const
{
    const QSqlDatabase db = database();
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    // Qt registers libpq's handle under its struct's name (PGconn is a typedef of struct pg_conn).
    if (!handle.isValid()
        || (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return false;
    PGconn *connection = *static_cast<PGconn *const *>(handle.constData());
    return !connection || PQstatus(connection) == CONNECTION_BAD;
}

bool Workspace::reconnect()
{
    // A restart takes seconds; a dropped network may take longer. Up to a minute, doubling from 100 ms.
    constexpr qint64 patienceMs = 60000;
    QElapsedTimer waited;
    waited.start();
    int delayMs = 100;
    database().close();
    for (int attempt = 1; waited.elapsed() < patienceMs; ++attempt) {
        // A connection of its own: statements prepared on the old one are freed there, harmlessly.
        const QString name = teamConnectionName();
        QSqlDatabase db = QSqlDatabase::cloneDatabase(m_connectionName, name);
        if (db.open()) {
            m_retiredConnections << m_connectionName;
            m_connectionName = name;
            m_lost = false;
            ++m_generation;
            qCInfo(lcStorage) << "reconnected to the team workspace after" << waited.elapsed() << "ms";
            if (m_observer)
                m_observer(QStringLiteral("reconnected"));
            return true;
        }
        const QString why = db.lastError().text().trimmed();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        qCWarning(lcStorage) << "reconnecting to the team workspace, attempt" << attempt << ":" << why;
        if (m_observer)
            m_observer(QStringLiteral("reconnecting: ") + why);
        QThread::msleep(ulong(delayMs));
        delayMs = qMin(delayMs * 2, 5000);
    }
    return false;
}
