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
    // A team workspace that reconnected has a new session, without the statements of the old one.
    if (m_generation != m_workspace.connectionGeneration()) {
        m_query = QSqlQuery(m_workspace.database());
        m_prepared = false;
        m_generation = m_workspace.connectionGeneration();
    }
    if (m_prepared)
        return Done{};
    // Rows are read once, front to back; not caching them halves the memory of a large page.
    m_query.setForwardOnly(true);
    if (!m_query.prepare(m_sql)) {
        m_workspace.noteFailure(m_query.lastError());
        return storageError(m_sql, m_query.lastError(), m_workspace.location());
    }
    m_prepared = true;
    return Done{};
}

Status PreparedQuery::execute()
{
    if (!m_query.exec()) {
        m_workspace.noteFailure(m_query.lastError());
        return storageError(m_sql, m_query.lastError(), m_workspace.location());
    }
    return Done{};
}

Status PreparedQuery::run(const QVariantList &values)
{
    return attempt([&]() {
        for (qsizetype position = 0; position < values.size(); ++position)
            m_query.bindValue(int(position), values.at(position));
    });
}

Status PreparedQuery::run(const QVariantMap &values)
{
    return attempt([&]() {
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            m_query.bindValue(QLatin1Char(':') + it.key(), it.value());
    });
}

Status PreparedQuery::attempt(const std::function<void()> &bind)
{
    // Outside a transaction, a team workspace's read that found the connection gone runs once more
    // on the new one (inside one, the whole transaction does, when its caller allows).
    for (int attempt = 1;; ++attempt) {
        Status status = prepare();
        if (status) {
            bind();
            status = execute();
        }
        // Only a read runs again: a write might have committed before the connection went.
        if (status || attempt == 2 || !m_sql.trimmed().startsWith(QLatin1String("SELECT"), Qt::CaseInsensitive)
            || !m_workspace.reconnectIfLost())
            return status;
    }
}
