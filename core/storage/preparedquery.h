#pragma once

#include "core/common/result.h"

#include <QSqlQuery>
#include <QVariantList>
#include <QVariantMap>

#include <functional>

class Workspace;

// A statement prepared once and run many times. Workspace::execute() prepares on every call, which
// dominates when a hundred thousand rows go in or out.
class PreparedQuery
{
public:
    PreparedQuery(Workspace &workspace, QString sql);

    // Binds by position (`?`) or by name (`:column`, as SqlDialect::upsert writes them).
    Status run(const QVariantList &values);
    Status run(const QVariantMap &values);
    QSqlQuery &query() { return m_query; }

private:
    Status prepare();
    Status attempt(const std::function<void()> &bind);
    Status execute();

    Workspace &m_workspace;
    QString m_sql;
    QSqlQuery m_query;
    bool m_prepared = false;
    int m_generation = 0; // the workspace connection it was prepared on
};
