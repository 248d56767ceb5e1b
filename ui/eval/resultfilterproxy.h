#pragma once

#include "core/eval/runfilterindex.h"

#include <QAbstractProxyModel>
#include <QTimer>

#include <vector>

class ResultTableModel;

// Sorts and filters the item table: below threshold (one metric or any), errors only, unstable
// under repeats only, and a text search over question and response. Filters are answered from the
// row sets the run's load prepared (RunFilterIndex) and sorting compares floats, so neither calls
// data() per row: QSortFilterProxyModel would, and it also reports a filter's change as one removal
// per hidden stretch of rows, which at 100,000 rows takes the view seconds.
class ResultFilterProxy : public QAbstractProxyModel
{
    Q_OBJECT

public:
    explicit ResultFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override; // a ResultTableModel
    void setFilter(const RunFilter &filter);
    void setBelowThreshold(bool enabled, const QString &metric = {}); // empty metric: any metric
    void setErrorsOnly(bool enabled);
    void setUnstableOnly(bool enabled);
    void setSearchText(const QString &text);
    const RunFilter &filter() const { return m_filter; }

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const ResultTableModel *table() const;
    void sourceReset();
    void sourceRowsInserted(const QModelIndex &parent, int first, int last);
    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    void sortRows();
    void filterRows();
    void relayout(); // sort and filter again, keeping the selection on the same items

    RunFilter m_filter;
    QString m_filterMetric; // by name: kept when another run with other metrics opens
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::vector<int> m_sorted; // every source row, in sort order
    std::vector<int> m_shown; // proxy row → source row
    std::vector<int> m_proxyRow; // source row → proxy row, -1 when filtered out
    QTimer m_liveRelayout; // live results sort and filter again at most a few times a second
};
