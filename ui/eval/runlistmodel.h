#pragma once

#include "core/eval/evaltypes.h"

#include <QAbstractTableModel>

// One line per run: name, dataset, model, date, status, metric means and gate status.
struct RunListEntry
{
    EvalRun run;
    QMap<QString, MetricSummary> summaries; // metrics with values: each mean with its interval
    std::optional<bool> gatesPassed; // none when the run has no gates

    static RunListEntry fromSummary(const struct RunSummary &summary);
};

class RunListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        DatasetColumn,
        ModelColumn,
        DateColumn,
        StatusColumn,
        MeansColumn,
        GatesColumn,
        ColumnCount
    };

    explicit RunListModel(QObject *parent = nullptr);

    void setEntries(QList<RunListEntry> entries);
    const RunListEntry *entryAt(int row) const;
    int rowOfRun(qint64 runId) const;
    const QList<RunListEntry> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<RunListEntry> m_entries;
};
