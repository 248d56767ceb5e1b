#include "core/storage/rowreader.h"

#include "core/storage/postgrescursor.h"
#include "core/storage/rowreaderbackend.h"
#include "core/storage/workspace.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace {

class SqliteBackend : public RowReader::Backend
{
public:
    SqliteBackend(sqlite3 *database, sqlite3_stmt *statement) : m_database(database), m_statement(statement) { }
    ~SqliteBackend() override { sqlite3_finalize(m_statement); }

    bool next(QString &error) override
    {
        const int status = sqlite3_step(m_statement);
        if (status == SQLITE_ROW)
            return true;
        if (status != SQLITE_DONE)
            error = QString::fromUtf8(sqlite3_errmsg(m_database));
        return false;
    }
    bool isNull(int column) const override { return sqlite3_column_type(m_statement, column) == SQLITE_NULL; }
    qint64 integer(int column) const override { return sqlite3_column_int64(m_statement, column); }
    double real(int column) const override { return sqlite3_column_double(m_statement, column); }
    QString text(int column) const override
    {
        // The pointer first, then its length, as SQLite's documentation asks.
        const auto *utf8 = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        return utf8 ? QString::fromUtf8(utf8, sqlite3_column_bytes(m_statement, column)) : QString();
    }

private:
    sqlite3 *m_database;
    sqlite3_stmt *m_statement;
};

class QueryBackend : public RowReader::Backend
{
public:
    explicit QueryBackend(QSqlQuery query) : m_query(std::move(query)) { }

    bool next(QString &error) override
    {
        if (m_query.next())
            return true;
        if (m_query.lastError().isValid())
            error = m_query.lastError().text();
        return false;
    }
    bool isNull(int column) const override { return m_query.isNull(column); }
    qint64 integer(int column) const override { return m_query.value(column).toLongLong(); }
    double real(int column) const override { return m_query.value(column).toDouble(); }
    QString text(int column) const override { return m_query.value(column).toString(); }

private:
    QSqlQuery m_query;
};

// The connection's sqlite3 handle, when the workspace is on Qt's SQLite driver.
sqlite3 *sqliteHandle(const QSqlDatabase &database)
{
    const QVariant handle = database.driver() ? database.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

// The connection's libpq handle, when the workspace is on Qt's PostgreSQL driver (Qt registers it
// under its struct's name; PGconn is a typedef of struct pg_conn).
pg_conn *postgresHandle(const QSqlDatabase &database)
{
    const QVariant handle = database.driver() ? database.driver()->handle() : QVariant();
    if (!handle.isValid()
        || (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return nullptr;
    return *static_cast<pg_conn *const *>(handle.constData());
}

Result<std::unique_ptr<RowReader::Backend>> sqliteBackend(sqlite3 *database, const QString &sql,
                                                          const QVariantMap &values, const QString &location)
{
    sqlite3_stmt *statement = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(database, utf8.constData(), int(utf8.size()), &statement, nullptr) != SQLITE_OK)
        return makeError(Error::Kind::Storage, QString::fromUtf8(sqlite3_errmsg(database)), location);
    auto backend = std::make_unique<SqliteBackend>(database, statement);
    for (auto value = values.begin(); value != values.end(); ++value) {
        const int at = sqlite3_bind_parameter_index(statement, (QLatin1Char(':') + value.key()).toUtf8().constData());
        if (at == 0)
            continue; // as QSqlQuery, a value the statement does not name is ignored
        int bound = SQLITE_OK;
        switch (value.value().typeId()) {
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::UInt:
        case QMetaType::ULongLong:
        case QMetaType::Bool:
            bound = sqlite3_bind_int64(statement, at, value.value().toLongLong());
            break;
        case QMetaType::Double:
            bound = sqlite3_bind_double(statement, at, value.value().toDouble());
            break;
        default: {
            const QByteArray text = value.value().toString().toUtf8();
            bound = sqlite3_bind_text(statement, at, text.constData(), int(text.size()), SQLITE_TRANSIENT);
        }
        }
        if (bound != SQLITE_OK)
            return makeError(Error::Kind::Storage, QString::fromUtf8(sqlite3_errmsg(database)), location);
    }
    return std::unique_ptr<RowReader::Backend>(std::move(backend));
}

} // namespace

Result<RowReader> RowReader::open(Workspace &workspace, const QString &sql, const QVariantMap &values)
{
    if (sqlite3 *handle = sqliteHandle(workspace.database())) {
        auto backend = sqliteBackend(handle, sql, values, workspace.location());
        if (!backend)
            return backend.error();
        return RowReader(std::move(backend).value(), workspace.location());
    }
    if (postgresHandle(workspace.database())) {
        // As a prepared read: when the connection was found gone, once more on the new one.
        workspace.reconnectIfLost();
        for (int attempt = 1;; ++attempt) {
            auto backend
                = PostgresCursor::open(postgresHandle(workspace.database()), sql, values, workspace.location());
            if (backend)
                return RowReader(std::move(backend).value(), workspace.location());
            workspace.noteFailure(QSqlError(QString(), backend.error().message, QSqlError::ConnectionError));
            if (attempt == 2 || !workspace.reconnectIfLost())
                return backend.error();
        }
    }
    auto query = workspace.execute(sql, values, Workspace::Rows::ForwardOnly);
    if (!query)
        return query.error();
    return RowReader(std::make_unique<QueryBackend>(std::move(query).value()), workspace.location());
}

RowReader::RowReader(std::unique_ptr<Backend> backend, QString location)
    : m_backend(std::move(backend)), m_location(std::move(location))
{ }

RowReader::RowReader(RowReader &&) noexcept = default;
RowReader &RowReader::operator=(RowReader &&) noexcept = default;
RowReader::~RowReader() = default;

bool RowReader::next()
{
    if (!m_backend || m_error)
        return false;
    QString error;
    if (m_backend->next(error))
        return true;
    if (!error.isEmpty())
        m_error = makeError(Error::Kind::Storage, error, m_location);
    return false;
}

bool RowReader::isNull(int column) const
{
    return m_backend->isNull(column);
}

qint64 RowReader::integer(int column) const
{
    return m_backend->integer(column);
}

double RowReader::real(int column) const
{
    return m_backend->real(column);
}

QString RowReader::text(int column) const
{
    return m_backend->text(column);
}
