#include "core/storage/preparedquery.h"

#include "core/storage/workspace.h"

#include <QSqlError>

namespace {

Error storageError(const QString &sql, const QSqlError &error, const QString &where)
{
    const QString words = sql.simplified().section(QLatin1Char(' '), 0, 3);
    return makeError(Error::Kind::Storage, QStringLiteral("\"%1…\" failed: %2").arg(words, error.text().trimmed()),
                     where);
}

} // namespace

PreparedQuery::PreparedQuery(Workspace &workspace, QString sql)
    : m_workspace(workspace), m_sql(std::move(sql)), m_query(workspace.database())
{ }

Status PreparedQuery::prepare()
{
    if (m_prepared)
        return Done{};
    // Rows are read once, front to back; not caching them halves the memory of a large page.
    m_query.setForwardOnly(true);
    if (!m_query.prepare(m_sql))
        return storageError(m_sql, m_query.lastError(), m_workspace.location());
    m_prepared = true;
    return Done{};
}

Status PreparedQuery::execute()
{
    if (!m_query.exec())
        return storageError(m_sql, m_query.lastError(), m_workspace.location());
    return Done{};
}

Status PreparedQuery::run(const QVariantList &values)
{
    const Status prepared = prepare();
    if (!prepared)
        return prepared;
    for (qsizetype position = 0; position < values.size(); ++position)
        m_query.bindValue(int(position), values.at(position));
    return execute();
}

Status PreparedQuery::run(const QVariantMap &values)
{
    const Status prepared = prepare();
    if (!prepared)
        return prepared;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        m_query.bindValue(QLatin1Char(':') + it.key(), it.value());
    return execute();
}
