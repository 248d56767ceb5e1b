#pragma once

#include <QObject>
#include <QStringList>

class AgreementView;
class QToolButton;
class QWidget;
class ReviewDialog;
class WorkspaceWorker;

// People's labels of the run the Evaluations panel shows: the Review… button and its menu (export
// and import of label files), the review dialog, and the judge's agreement with the labels, loaded
// for the Judge agreement tab whenever the run or its labels change.
class RunLabelling : public QObject
{
    Q_OBJECT

public:
    RunLabelling(WorkspaceWorker &worker, AgreementView &view, QWidget *parent);

    QToolButton *button() const { return m_button; }
    // The run shown, its judged metrics (none: nothing to label) and whether its judge was repeated
    // (the unstable queue needs that); loads its agreement.
    void setRun(qint64 runId, const QStringList &judgedMetrics, bool repeated);
    bool hasJudgedMetrics() const { return !m_metrics.isEmpty(); }
    // Opens the review queue; nullptr without a run that has a judged metric.
    ReviewDialog *review();
    void exchange(bool exporting);
    void reload();

signals:
    // After each load: the metrics on which the judge cannot be trusted (κ's lower bound under 0.6).
    void agreementLoaded(const QStringList &untrusted);
    void problem(const QString &message);
    void statusMessage(const QString &message);

private:
    WorkspaceWorker &m_worker;
    AgreementView &m_view;
    QWidget *m_parent;
    QToolButton *m_button;
    qint64 m_runId = 0;
    QStringList m_metrics;
    bool m_repeated = false;
};
