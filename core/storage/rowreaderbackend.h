#pragma once

#include "core/storage/rowreader.h"

// What reads a RowReader's rows on one engine: SQLite's C API, a PostgreSQL cursor, or a
// forward-only QSqlQuery.
class RowReader::Backend
{
public:
    virtual ~Backend() = default;
    // False at the end; an error, when there is one, goes to `error`.
    virtual bool next(QString &error) = 0;
    virtual bool isNull(int column) const = 0;
    virtual qint64 integer(int column) const = 0;
    virtual double real(int column) const = 0;
    virtual QString text(int column) const = 0;
};
