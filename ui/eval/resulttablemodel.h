#pragma once

#include "core/eval/runtable.h"

#include <QAbstractTableModel>

// The items of one run: index, question, response, status, the item's lowest score (sorted by
// it, the worst items come first) and one column per metric. Rows live in a std::vector and scores
// in float columns (after qBittorrent's TransferListModel); 100,000 rows scroll without a widget
// each. The whole run may follow its first screen of rows: extendTable adds the rest below.
class ResultTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { IndexColumn, QuestionColumn, ResponseColumn, StatusColumn, LowestColumn, FirstMetricColumn };
    enum Role { SortRole = Qt::UserRole + 1, ErrorRole, ItemIndexRole };

    explicit ResultTableModel(QObject *parent = nullptr);

    void setTable(RunTable table);
    // The same run read whole after its first rows: those stay (refreshed), the rest are inserted.
    void extendTable(RunTable table);
    const RunTable &table() const { return m_table; }
    const RunRow *rowAt(int row) const;
    int rowOfItem(qint64 itemIndex) const;
    // Replaces one item's row as a live run completes it (one dataChanged per row).
    void updateRow(const RunTable::Update &update);
    // The charts' figures again after live updates (a pass over the score columns).
    void refreshCharts();
    double threshold(const QString &metric) const { return m_table.run.settings.threshold(metric); }
    // What the filter proxy sorts by, without a QVariant per comparison.
    bool sortsAsText(int column) const { return column == QuestionColumn || column == ResponseColumn; }
    double sortNumber(int row, int column) const;
    QString sortText(int row, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // The row's lowest score and the metric it is of; -1 without any score.
    std::pair<int, float> lowest(std::size_t row) const;
    QVariant lowestData(std::size_t row, int role) const;
    QString statusText(const RunRow &row) const;

    RunTable m_table;
};
