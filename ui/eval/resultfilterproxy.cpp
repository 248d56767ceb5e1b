#include "ui/eval/resultfilterproxy.h"

#include "core/eval/metricstatistics.h"
#include "ui/eval/resulttablemodel.h"

#include <cmath>

ResultFilterProxy::ResultFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ResultTableModel::SortRole);
}

void ResultFilterProxy::setBelowThreshold(bool enabled, const QString &metric)
{
    m_belowThreshold = enabled;
    m_metric = metric;
    invalidateFilter();
}

void ResultFilterProxy::setErrorsOnly(bool enabled)
{
    m_errorsOnly = enabled;
    invalidateFilter();
}

void ResultFilterProxy::setUnstableOnly(bool enabled)
{
    m_unstableOnly = enabled;
    invalidateFilter();
}

void ResultFilterProxy::setSearchText(const QString &text)
{
    m_search = text.trimmed();
    invalidateFilter();
}

bool ResultFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *model = static_cast<const ResultTableModel *>(sourceModel());
    const RunRow *row = model->rowAt(sourceRow);
    if (!row)
        return false;
    if (m_errorsOnly && row->error.isEmpty() && row->ok)
        return false;
    if (m_unstableOnly && !row->unstable)
        return false;
    if (m_belowThreshold) {
        const RunTable &table = model->table();
        bool below = false;
        for (int column = 0; column < table.metrics.size() && !below; ++column) {
            const QString &metric = table.metrics[column];
            if (!m_metric.isEmpty() && metric != m_metric)
                continue;
            const float value = row->values[size_t(column)];
            below = !std::isnan(value) && !MetricStatistics::passes(value, model->threshold(metric));
        }
        if (!below)
            return false;
    }
    if (!m_search.isEmpty())
        return row->question.contains(m_search, Qt::CaseInsensitive)
            || row->response.contains(m_search, Qt::CaseInsensitive);
    return true;
}
