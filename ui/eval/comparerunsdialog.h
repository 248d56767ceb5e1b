#pragma once

#include "core/eval/runcomparison.h"
#include "ui/eval/runlistmodel.h"

#include <QDialog>

class QChartView;
class QComboBox;
class QLabel;
class QTableWidget;
class QTextBrowser;
class WorkspaceWorker;

// Two runs compared item by item (RunComparison): a table of every metric with its paired
// difference, interval, p-value and verdict in words and colour, the per-item differences of the
// chosen metric as a chart, and the items that changed most. The other run is A (the baseline),
// the run the dialog was opened on is B.
class CompareRunsDialog : public QDialog
{
    Q_OBJECT

public:
    // `baselineRunId`, when given, is the A chosen at first (the run this one was made to beat).
    CompareRunsDialog(WorkspaceWorker &worker, const QList<RunListEntry> &runs, qint64 currentRunId,
                      qint64 baselineRunId = 0, QWidget *parent = nullptr);

    const RunComparison &comparison() const { return m_comparison; }
    QString verdictText() const;
    // The two responses of the chosen changed item, A's then B's.
    QString responsesText() const;
    QTableWidget *changedItems() const { return m_items; }

signals:
    void itemActivated(qint64 itemIndex);
    void compared();

private:
    void refresh();
    void showComparison();
    void showMetric(int row);
    void showDifferences(const MetricComparison &metric);
    void showResponses(int row);

    WorkspaceWorker &m_worker;
    qint64 m_currentRunId;
    RunComparison m_comparison;
    QComboBox *m_other;
    QLabel *m_verdict;
    QTableWidget *m_metrics;
    QChartView *m_chart;
    QTableWidget *m_items;
    QLabel *m_itemsEmpty;
    QTextBrowser *m_responseA;
    QTextBrowser *m_responseB;
    QString m_currentName;
    bool m_dark = false;
};
