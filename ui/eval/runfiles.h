#pragma once

#include <QObject>

#include <functional>
#include <utility>

class QToolButton;
class QWidget;
class WorkspaceWorker;

// Runs in and out of files for the Evaluations panel: an Amazon Bedrock evaluation output imported
// as a run, and a run exported as CSV, JSONL or an HTML report. Both ask for the file, then do the
// work on the workspace worker.
class RunFiles : public QObject
{
    Q_OBJECT

public:
    RunFiles(WorkspaceWorker &worker, QWidget *parent);

    void importBedrock();
    void exportRun(qint64 runId, const QString &runName, const QString &format);
    // Export's button: a click saves the HTML report, what a reviewer hands on; its arrow offers
    // the data files. `openRun` names the run the page shows (id 0: none).
    QToolButton *exportButton(std::function<std::pair<qint64, QString>()> openRun);

signals:
    void imported(qint64 runId, const QString &message);
    void exported(const QString &message);
    void problem(const QString &message);

private:
    WorkspaceWorker &m_worker;
    QWidget *m_parent;
};
