#include "core/eval/runfilterindex.h"

#include "core/eval/metricstatistics.h"
#include "core/eval/runtable.h"

#include <cmath>

void RunFilterIndex::build(const RunTable &table, RunSearchText search)
{
    const std::size_t rows = table.rows.size();
    m_below.assign(std::size_t(table.metrics.size()), RowSet(rows));
    // Looked up once, not per row: a threshold is a map lookup by the metric's name.
    m_thresholds.clear();
    for (const QString &metric : table.metrics)
        m_thresholds.push_back(table.run.settings.threshold(metric));
    m_belowAny = RowSet(rows);
    m_errors = RowSet(rows);
    m_unstable = RowSet(rows);
    m_intervened = RowSet(rows);
    m_search = std::move(search);
    for (std::size_t row = 0; row < rows; ++row)
        mark(table, row);
}

void RunFilterIndex::update(const RunTable &table, std::size_t row)
{
    if (row >= m_belowAny.size())
        return;
    mark(table, row);
    m_search.replace(row, table.rows[row].question, table.rows[row].response);
}

void RunFilterIndex::mark(const RunTable &table, std::size_t row)
{
    bool anyBelow = false;
    for (std::size_t metric = 0; metric < m_below.size(); ++metric) {
        const float value = table.scores[metric][row];
        const bool below = !std::isnan(value) && !MetricStatistics::passes(value, m_thresholds[metric]);
        m_below[metric].set(row, below);
        anyBelow = anyBelow || below;
    }
    m_belowAny.set(row, anyBelow);
    const RunRow &line = table.rows[row];
    m_errors.set(row, line.hasError());
    m_unstable.set(row, line.unstable);
    m_intervened.set(row, line.guardrailIntervened);
}

RowSet RunFilterIndex::matching(const RunFilter &filter) const
{
    const QString search = filter.search.trimmed();
    RowSet rows = search.isEmpty() ? RowSet(m_belowAny.size(), true) : m_search.matching(search);
    if (filter.belowThreshold)
        rows &= filter.metric >= 0 && std::size_t(filter.metric) < m_below.size() ? m_below[std::size_t(filter.metric)]
                                                                                  : m_belowAny;
    if (filter.errorsOnly)
        rows &= m_errors;
    if (filter.unstableOnly)
        rows &= m_unstable;
    if (filter.intervenedOnly)
        rows &= m_intervened;
    return rows;
}
