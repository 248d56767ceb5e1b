#include "ui/eval/resultfilterproxy.h"

#include "ui/eval/resulttablemodel.h"

#include <algorithm>
#include <numeric>

ResultFilterProxy::ResultFilterProxy(QObject *parent) : QAbstractProxyModel(parent)
{
    m_liveRelayout.setSingleShot(true);
    m_liveRelayout.setInterval(250);
    connect(&m_liveRelayout, &QTimer::timeout, this, &ResultFilterProxy::relayout);
}

const ResultTableModel *ResultFilterProxy::table() const
{
    return static_cast<const ResultTableModel *>(sourceModel());
}

void ResultFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    beginResetModel();
    if (sourceModel())
        disconnect(sourceModel(), nullptr, this, nullptr);
    QAbstractProxyModel::setSourceModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &ResultFilterProxy::beginResetModel);
        connect(model, &QAbstractItemModel::modelReset, this, &ResultFilterProxy::sourceReset);
        connect(model, &QAbstractItemModel::rowsInserted, this, &ResultFilterProxy::sourceRowsInserted);
        connect(model, &QAbstractItemModel::dataChanged, this, &ResultFilterProxy::sourceDataChanged);
    }
    sortRows();
    filterRows();
    endResetModel();
}

void ResultFilterProxy::setFilter(const RunFilter &filter)
{
    m_filter = filter;
    m_filterMetric = filter.metric >= 0 && table() ? table()->table().metrics.value(filter.metric) : QString();
    // Filtering changes which rows there are: a reset, which a view answers in one pass, where
    // row removals per hidden stretch would cost it one pass each.
    beginResetModel();
    filterRows();
    endResetModel();
}

void ResultFilterProxy::setBelowThreshold(bool enabled, const QString &metric)
{
    RunFilter filter = m_filter;
    filter.belowThreshold = enabled;
    filter.metric = metric.isEmpty() || !table() ? -1 : table()->table().metricColumn(metric);
    setFilter(filter);
}

void ResultFilterProxy::setErrorsOnly(bool enabled)
{
    RunFilter filter = m_filter;
    filter.errorsOnly = enabled;
    setFilter(filter);
}

void ResultFilterProxy::setUnstableOnly(bool enabled)
{
    RunFilter filter = m_filter;
    filter.unstableOnly = enabled;
    setFilter(filter);
}

void ResultFilterProxy::setSearchText(const QString &text)
{
    RunFilter filter = m_filter;
    filter.search = text;
    setFilter(filter);
}

void ResultFilterProxy::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    relayout();
}

void ResultFilterProxy::relayout()
{
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<QPersistentModelIndex> sources;
    sources.reserve(before.size());
    for (const QModelIndex &index : before)
        sources << mapToSource(index);
    sortRows();
    filterRows();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QPersistentModelIndex &source : std::as_const(sources))
        after << mapFromSource(source);
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

// A stable sort of row numbers by a float, or by text only for the question and response columns.
void ResultFilterProxy::sortRows()
{
    const int rows = table() ? table()->rowCount() : 0;
    m_sorted.resize(std::size_t(rows));
    std::iota(m_sorted.begin(), m_sorted.end(), 0);
    if (!table() || m_sortColumn < 0 || m_sortColumn >= table()->columnCount())
        return;
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    if (table()->sortsAsText(m_sortColumn)) {
        std::vector<QString> keys(static_cast<std::size_t>(rows));
        for (int row = 0; row < rows; ++row)
            keys[std::size_t(row)] = table()->sortText(row, m_sortColumn);
        std::stable_sort(m_sorted.begin(), m_sorted.end(), [&](int a, int b) {
            const int compared = keys[std::size_t(a)].compare(keys[std::size_t(b)]);
            return descending ? compared > 0 : compared < 0;
        });
        return;
    }
    std::vector<double> keys(static_cast<std::size_t>(rows));
    for (int row = 0; row < rows; ++row)
        keys[std::size_t(row)] = table()->sortNumber(row, m_sortColumn);
    // Rows come in item order: sorting by item needs no work unless it is reversed.
    if (m_sortColumn == ResultTableModel::IndexColumn && std::is_sorted(keys.begin(), keys.end())) {
        if (descending)
            std::reverse(m_sorted.begin(), m_sorted.end());
        return;
    }
    std::stable_sort(m_sorted.begin(), m_sorted.end(), [&](int a, int b) {
        return descending ? keys[std::size_t(a)] > keys[std::size_t(b)] : keys[std::size_t(a)] < keys[std::size_t(b)];
    });
}

void ResultFilterProxy::filterRows()
{
    const std::size_t rows = m_sorted.size();
    m_proxyRow.assign(rows, -1);
    m_shown.clear();
    if (!table())
        return;
    const bool all = m_filter.isEmpty();
    const RowSet accepted = all ? RowSet() : table()->table().filters.matching(m_filter);
    m_shown.reserve(all ? rows : accepted.count());
    for (const int source : m_sorted) {
        if (all || accepted.contains(std::size_t(source))) {
            m_proxyRow[std::size_t(source)] = int(m_shown.size());
            m_shown.push_back(source);
        }
    }
}

void ResultFilterProxy::sourceReset()
{
    // Another run: the metric filter follows its name into the new run's columns.
    if (m_filter.belowThreshold && !m_filterMetric.isEmpty())
        m_filter.metric = table()->table().metricColumn(m_filterMetric);
    sortRows();
    filterRows();
    endResetModel();
}

void ResultFilterProxy::sourceRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const bool atTheEnd = first == int(m_sorted.size());
    const bool inItemOrder
        = m_sortColumn < 0 || (m_sortColumn == ResultTableModel::IndexColumn && m_sortOrder == Qt::AscendingOrder);
    if (!atTheEnd || !inItemOrder) {
        relayout();
        return;
    }
    // The rest of a run after its first screen, in item order below what is shown.
    const RowSet accepted = m_filter.isEmpty() ? RowSet() : table()->table().filters.matching(m_filter);
    std::vector<int> added;
    for (int row = first; row <= last; ++row)
        if (m_filter.isEmpty() || accepted.contains(std::size_t(row)))
            added.push_back(row);
    for (int row = first; row <= last; ++row)
        m_sorted.push_back(row);
    m_proxyRow.resize(m_sorted.size(), -1);
    if (added.empty())
        return;
    beginInsertRows({}, int(m_shown.size()), int(m_shown.size() + added.size()) - 1);
    for (const int row : added) {
        m_proxyRow[std::size_t(row)] = int(m_shown.size());
        m_shown.push_back(row);
    }
    endInsertRows();
}

void ResultFilterProxy::sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                          const QList<int> &roles)
{
    // A live result: the row may now sort elsewhere or pass another filter. It shows its new
    // values where it is at once; sorting and filtering again wait for a quarter of a second's
    // results, since each is a pass over every row.
    const bool affectsOrder = m_sortColumn >= 0 && m_sortColumn != ResultTableModel::IndexColumn;
    if ((affectsOrder || !m_filter.isEmpty()) && !m_liveRelayout.isActive())
        m_liveRelayout.start();
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const QModelIndex shown = mapFromSource(sourceModel()->index(row, 0));
        if (shown.isValid())
            emit dataChanged(shown.siblingAtColumn(topLeft.column()), shown.siblingAtColumn(bottomRight.column()),
                             roles);
    }
}

QModelIndex ResultFilterProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !sourceModel() || proxyIndex.model() != this
        || std::size_t(proxyIndex.row()) >= m_shown.size())
        return {};
    return sourceModel()->index(m_shown[std::size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex ResultFilterProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != sourceModel()
        || std::size_t(sourceIndex.row()) >= m_proxyRow.size())
        return {};
    const int row = m_proxyRow[std::size_t(sourceIndex.row())];
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

QModelIndex ResultFilterProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex ResultFilterProxy::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex ResultFilterProxy::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int ResultFilterProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

QVariant ResultFilterProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!sourceModel())
        return {};
    if (orientation == Qt::Vertical) {
        const QModelIndex source = mapToSource(index(section, 0));
        return source.isValid() ? sourceModel()->headerData(source.row(), orientation, role) : QVariant();
    }
    return sourceModel()->headerData(section, orientation, role); // columns are the source's
}

int ResultFilterProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount();
}
