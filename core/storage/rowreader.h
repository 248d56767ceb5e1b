#pragma once

#include "core/common/result.h"

#include <QString>
#include <QVariantMap>

#include <memory>
#include <optional>

class Workspace;

// Reads one query's rows forward, once, for loads of a hundred thousand rows and more. On SQLite
// it steps the statement through SQLite's C API on the workspace's own connection (the Qt
// driver's handle): the Qt driver makes a QVariant of every value and copies each row into a cache,
// which was most of the time of opening a run of 100,000 items. On PostgreSQL it fetches a server-side
// cursor in pages through libpq (PostgresCursor); on any other engine it reads through a forward-only
// QSqlQuery. Values are bound by name (`:run`); columns are read by position.
class RowReader
{
public:
    static Result<RowReader> open(Workspace &workspace, const QString &sql, const QVariantMap &values);

    RowReader(RowReader &&) noexcept;
    RowReader &operator=(RowReader &&) noexcept;
    ~RowReader();

    // The next row; false at the end or on an error, which error() then holds.
    bool next();
    const std::optional<Error> &error() const { return m_error; }

    bool isNull(int column) const;
    qint64 integer(int column) const;
    double real(int column) const;
    QString text(int column) const;

    class Backend;

private:
    RowReader(std::unique_ptr<Backend> backend, QString location);

    std::unique_ptr<Backend> m_backend;
    QString m_location;
    std::optional<Error> m_error;
};
