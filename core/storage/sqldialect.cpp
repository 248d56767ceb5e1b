#include "core/storage/sqldialect.h"

SqlDialect::SqlDialect(Kind kind) : m_kind(kind)
{ }

QString SqlDialect::name() const
{
    return m_kind == Kind::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
}

QString SqlDialect::driverName() const
{
    return m_kind == Kind::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
}

QString SqlDialect::translate(const QString &portableSql) const
{
    QString sql = portableSql;
    if (m_kind == Kind::Sqlite) {
        sql.replace(QStringLiteral("${id}"), QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT"));
        sql.replace(QStringLiteral("${blob}"), QStringLiteral("BLOB"));
        sql.replace(QStringLiteral("${bigint}"), QStringLiteral("INTEGER"));
        sql.replace(QStringLiteral("${real}"), QStringLiteral("REAL"));
    } else {
        sql.replace(QStringLiteral("${id}"), QStringLiteral("BIGSERIAL PRIMARY KEY"));
        sql.replace(QStringLiteral("${blob}"), QStringLiteral("BYTEA"));
        sql.replace(QStringLiteral("${bigint}"), QStringLiteral("BIGINT"));
        sql.replace(QStringLiteral("${real}"), QStringLiteral("DOUBLE PRECISION"));
    }
    return sql;
}

QString SqlDialect::beginWriteTransaction() const
{
    return m_kind == Kind::Sqlite ? QStringLiteral("BEGIN IMMEDIATE")
                                  : QStringLiteral("BEGIN ISOLATION LEVEL SERIALIZABLE");
}

QString SqlDialect::tableExistsQuery() const
{
    if (m_kind == Kind::Sqlite)
        return QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name");
    return QStringLiteral("SELECT 1 FROM information_schema.tables "
                          "WHERE table_schema = current_schema() AND table_name = :name");
}

QString SqlDialect::upsert(const QString &table, const QStringList &keyColumns, const QStringList &columns,
                           const QStringList &insertOnlyColumns) const
{
    QStringList placeholders;
    QStringList updates;
    for (const QString &column : columns) {
        placeholders << QLatin1Char(':') + column;
        if (!keyColumns.contains(column) && !insertOnlyColumns.contains(column))
            updates << column + QStringLiteral(" = excluded.") + column;
    }
    // sql-identifiers: the table and columns are the repository's own names, the values ':column' placeholders.
    QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) ")
                      .arg(table, columns.join(QStringLiteral(", ")), placeholders.join(QStringLiteral(", ")),
                           keyColumns.join(QStringLiteral(", ")));
    sql += updates.isEmpty() ? QStringLiteral("DO NOTHING")
                             : QStringLiteral("DO UPDATE SET ") + updates.join(QStringLiteral(", "));
    return sql;
}
