#pragma once

#include "core/eval/runtable.h"

#include <QAbstractTableModel>

// The items of one run: index, question, response, status and one column per metric. Rows live in
// a std::vector (after qBittorrent's TransferListModel); 100,000 rows scroll without a widget each.
class ResultTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { IndexColumn, QuestionColumn, ResponseColumn, StatusColumn, FirstMetricColumn };
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
    RunTable m_table;
};
