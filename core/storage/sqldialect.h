#pragma once

#include <QString>
#include <QStringList>

// Everything that differs between SQLite and PostgreSQL lives here, so repositories write one SQL
// text for both. Migrations use portable tokens that translate() rewrites:
//   ${id}        auto-incrementing integer primary key
//   ${blob}      binary column
//   ${bigint}    64-bit integer
//   ${real}      double precision
class SqlDialect
{
public:
    enum class Kind { Sqlite, Postgres };

    explicit SqlDialect(Kind kind = Kind::Sqlite);

    Kind kind() const { return m_kind; }
    QString name() const;
    QString driverName() const;
    QString translate(const QString &portableSql) const;

    // A write transaction that takes its lock up front, so two writers never deadlock half-way.
    QString beginWriteTransaction() const;
    // SELECT that yields one row when table :name exists.
    QString tableExistsQuery() const;
    // INSERT … ON CONFLICT (keys) DO UPDATE, binding :column for each column. Key columns and
    // `insertOnlyColumns` (such as created_at) keep their stored value on update.
    // Qt binds a null QString as SQL NULL; text columns that are NOT NULL mean "none" by ''.
    static QString text(const QString &value) { return value.isNull() ? QStringLiteral("") : value; }

    QString upsert(const QString &table, const QStringList &keyColumns, const QStringList &columns,
                   const QStringList &insertOnlyColumns = {}) const;

private:
    Kind m_kind;
};
