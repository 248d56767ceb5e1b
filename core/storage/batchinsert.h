#pragma once

#include "core/common/result.h"
#include "core/storage/preparedquery.h"

#include <QStringList>

#include <map>
#include <memory>

class Workspace;

// Multi-row INSERTs: rows collect until a statement is full, so 100,000 rows cost about a thousand
// statements instead of 100,000. Call flush() before the transaction ends. Statements stay prepared
// for the inserter's life, so one kept across transactions writes a few rows at a time cheaply.
class BatchInsert
{
public:
    BatchInsert(Workspace &workspace, QString table, QStringList columns);

    Status add(const QVariantList &row);
    Status flush();
    // Forgets the rows not written yet, after the transaction they were for failed.
    void discard() { m_pending.clear(); }

private:
    QString statement(int rows) const;

    Workspace &m_workspace;
    QString m_table;
    QStringList m_columns;
    int m_rowsPerStatement = 1;
    QVariantList m_pending;
    std::unique_ptr<PreparedQuery> m_full;
    std::map<int, PreparedQuery> m_partial; // by number of rows
};
