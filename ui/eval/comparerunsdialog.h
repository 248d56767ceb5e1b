#pragma once

#include "core/eval/runcomparison.h"
#include "ui/eval/runlistmodel.h"

#include <QDialog>

class QChartView;
class QComboBox;
class QLabel;
class QTableWidget;
class WorkspaceWorker;

// Two runs compared item by item (RunComparison): a table of every metric with its paired
// difference, interval, p-value and verdict in words and colour, the per-item differences of the
// chosen metric as a chart, and the items that changed most. The other run is A (the baseline),
// the run the dialog was opened on is B.
class CompareRunsDialog : public QDialog
{
    Q_OBJECT

public:
    CompareRunsDialog(WorkspaceWorker &worker, const QList<RunListEntry> &runs, qint64 currentRunId,
                      QWidget *parent = nullptr);

    const RunComparison &comparison() const { return m_comparison; }
    QString verdictText() const;

signals:
    void itemActivated(qint64 itemIndex);
    void compared();

private:
    void refresh();
    void showComparison();
    void showMetric(int row);
    void showDifferences(const MetricComparison &metric);

    WorkspaceWorker &m_worker;
    qint64 m_currentRunId;
    RunComparison m_comparison;
    QComboBox *m_other;
    QLabel *m_verdict;
    QTableWidget *m_metrics;
    QChartView *m_chart;
    QTableWidget *m_items;
    bool m_dark = false;
};
