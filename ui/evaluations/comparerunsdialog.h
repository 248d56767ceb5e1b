#pragma once

#include "evaluations/runlistmodel.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QTableWidget;
class WorkspaceWorker;

// Two runs item by item: for one metric, which items got better, which got worse, by how much.
class CompareRunsDialog : public QDialog
{
    Q_OBJECT

public:
    CompareRunsDialog(WorkspaceWorker &worker, const QList<RunListEntry> &runs, qint64 currentRunId, QWidget *parent = nullptr);

signals:
    void itemActivated(qint64 itemIndex);

private:
    void refresh();

    WorkspaceWorker &m_worker;
    qint64 m_currentRunId;
    QComboBox *m_other;
    QComboBox *m_metric;
    QLabel *m_summary;
    QTableWidget *m_table;
};
