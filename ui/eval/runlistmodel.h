#pragma once

#include "core/eval/evaltypes.h"
#include "core/eval/guardrailsummary.h"

#include <QAbstractTableModel>
#include <QCoreApplication>

// One line per run: name, dataset, model, date, status, metric means and gate status.
struct RunListEntry
{
    Q_DECLARE_TR_FUNCTIONS(RunListEntry)

public:
    EvalRun run;
    QMap<QString, MetricSummary> summaries; // metrics with values: each mean with its interval
    std::optional<bool> gatesPassed; // none when the run has no gates
    qint64 itemsWithErrors = 0; // failed as a whole or lacking a score: what Retry errors does again
    QMap<QString, qint64> unscored; // per metric: items with a result but no score for it
    std::optional<GuardrailSummary> guardrail; // a guarded run: what its guardrail did

    // "completed", or "completed · 3 with errors" when a model call failed on some items.
    QString statusText() const;

    static RunListEntry fromSummary(const struct RunSummary &summary);
    static QList<RunListEntry> fromSummaries(const QList<struct RunSummary> &summaries);
    // Each metric's mean and pass rate with their 95 % intervals, for the item table's footer.
    QString figuresText() const;
    // The run page's heading: name, dataset, models, counts, tokens and cost (HTML). `listed` is
    // the run's list entry, when it has one, for its error count.
    static QString headingHtml(const EvalRun &run, const RunListEntry *listed);
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
