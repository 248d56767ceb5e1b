#pragma once

#include "common/result.h"
#include "eval/preparedquery.h"

#include <QStringList>

#include <memory>

class Workspace;

// Multi-row INSERTs: rows collect until a statement is full, so 100,000 rows cost about a thousand
// statements instead of 100,000. Call flush() before the transaction ends.
class BatchInsert
{
public:
    BatchInsert(Workspace &workspace, QString table, QStringList columns);

    Status add(const QVariantList &row);
    Status flush();

private:
    QString statement(int rows) const;

    Workspace &m_workspace;
    QString m_table;
    QStringList m_columns;
    int m_rowsPerStatement = 1;
    QVariantList m_pending;
    std::unique_ptr<PreparedQuery> m_full;
};
