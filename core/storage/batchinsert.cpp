#include "core/storage/batchinsert.h"

namespace {

// Below SQLite's oldest limit on bound values (999), so any SQLite or PostgreSQL accepts it.
constexpr int maximumValuesPerStatement = 900;

} // namespace

BatchInsert::BatchInsert(Workspace &workspace, QString table, QStringList columns)
    : m_workspace(workspace), m_table(std::move(table)), m_columns(std::move(columns)),
      m_rowsPerStatement(qMax(1, maximumValuesPerStatement / int(m_columns.size())))
{ }

QString BatchInsert::statement(int rows) const
{
    const QString row = QLatin1Char('(') + QStringList(m_columns.size(), QStringLiteral("?")).join(QLatin1Char(','))
        + QLatin1Char(')');
    // sql-identifiers: the table and columns are the repository's own names, the values '?' placeholders.
    return QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
        .arg(m_table, m_columns.join(QStringLiteral(", ")), QStringList(rows, row).join(QLatin1Char(',')));
}

Status BatchInsert::add(const QVariantList &row)
{
    Q_ASSERT(row.size() == m_columns.size());
    m_pending += row;
    if (m_pending.size() < m_rowsPerStatement * m_columns.size())
        return Done{};
    if (!m_full)
        m_full = std::make_unique<PreparedQuery>(m_workspace, statement(m_rowsPerStatement));
    const Status inserted = m_full->run(m_pending);
    m_pending.clear();
    return inserted;
}

Status BatchInsert::flush()
{
    if (m_pending.isEmpty())
        return Done{};
    const int rows = int(m_pending.size() / m_columns.size());
    auto rest = m_partial.find(rows);
    if (rest == m_partial.end())
        rest = m_partial.try_emplace(rows, m_workspace, statement(rows)).first;
    const Status inserted = rest->second.run(m_pending);
    m_pending.clear();
    return inserted;
}
