#pragma once

#include <QDialog>

class QCheckBox;
class QTableWidget;
class WorkspaceWorker;

class QChartView;

// Calls, tokens and cost per model per day from the invocation log, with a chart of daily cost.
class UsageDialog : public QDialog
{
    Q_OBJECT

public:
    explicit UsageDialog(WorkspaceWorker &worker, QWidget *parent = nullptr);

private:
    void load();

    WorkspaceWorker &m_worker;
    QTableWidget *m_table;
    QChartView *m_chart;
    QCheckBox *m_recordPrompts;
};
