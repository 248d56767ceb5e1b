#pragma once

#include "core/eval/runtable.h"

#include <QAbstractTableModel>

// The items of one run: index, question, response, status, the item's lowest score (sorted by
// it, the worst items come first) and one column per metric. Rows live in
// a std::vector (after qBittorrent's TransferListModel); 100,000 rows scroll without a widget each.
class ResultTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { IndexColumn, QuestionColumn, ResponseColumn, StatusColumn, LowestColumn, FirstMetricColumn };
    enum Role { SortRole = Qt::UserRole + 1, ErrorRole, ItemIndexRole };

    explicit ResultTableModel(QObject *parent = nullptr);

    void setTable(RunTable table);
    const RunTable &table() const { return m_table; }
    const RunRow *rowAt(int row) const;
    int rowOfItem(qint64 itemIndex) const;
    // Replaces or adds one item's row as a live run completes it (one dataChanged per row).
    void updateRow(const RunRow &row);
    double threshold(const QString &metric) const { return m_table.run.settings.threshold(metric); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // The row's lowest score and the metric it is of; -1 without any score.
    std::pair<int, float> lowest(const RunRow &row) const;
    QVariant lowestData(const RunRow &row, int role) const;

    RunTable m_table;
};
