#pragma once

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QTableWidget;
class WorkspaceWorker;

// The audit trail of the registry: every decision in order, a chain check that names the first
// tampered entry, and the question auditors ask — which version was in Prod on a given date.
class AuditDialog : public QDialog
{
    Q_OBJECT

public:
    AuditDialog(WorkspaceWorker &worker, const QString &group, QWidget *parent = nullptr);

private:
    void load();
    void verify();
    void askStage();

    WorkspaceWorker &m_worker;
    QString m_group;
    QTableWidget *m_table;
    QLabel *m_verdict;
    QComboBox *m_stage;
    QDateTimeEdit *m_at;
    QLabel *m_answer;
};
