#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"
#include "core/eval/runtable.h"
#include "core/providers/providerconfig.h"
#include "ui/eval/runmodelresolver.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class AgreementView;
class Banner;
class CredentialStore;
class EvalCharts;
class ItemsPane;
class NewRunDialog;
class QLabel;
class QPushButton;
class QSplitter;
class QTabWidget;
class QToolButton;
class ReviewDialog;
class RunLabelling;
class ResultFilterProxy;
class ResultTableModel;
class RunProgress;
class RunListModel;
class RunListView;
class RunOverview;
class RunFiles;
class WorkspaceWorker;

// Reviewers and data scientists judge a RAG application here: the runs, and for the chosen run its
// charts, a filterable table of every item and each item's question, contexts, response, reference
// and explanations. New runs stream their results in with a progress bar, ETA and a cancel button.
class EvaluationsPanel : public QWidget
{
    Q_OBJECT

public:
    EvaluationsPanel(WorkspaceWorker &worker, CredentialStore &store, QWidget *parent = nullptr);
    ~EvaluationsPanel() override;

    void reload();
    void openRun(qint64 runId);
    void openItem(qint64 itemIndex);
    qint64 currentRunId() const { return m_runId; }
    ResultTableModel *resultModel() const { return m_results; }
    ResultFilterProxy *resultFilter() const { return m_filter; }
    RunListModel *runModel() const { return m_runs; }
    QString detailText() const;
    // The open run's heading line (name, dataset, models, counts).
    QString headerText() const;
    bool isRunning() const;
    // Starts a run that already exists in the workspace (new, or to resume).
    void startRun(qint64 runId, bool retryErrors = false);
    void cancelRun();
    // Opens the New run dialog (with the last settings); nullptr never.
    NewRunDialog *newRun();
    // Opens the New run dialog on the current run's dataset and settings, for another model.
    NewRunDialog *runAgain();
    // Opens the Compare dialog on the current run (B) against another (A); nullptr without a run.
    class CompareRunsDialog *compareRuns();
    // Opens the review queue on the current run; nullptr without a run that has a judged metric.
    ReviewDialog *review();
    AgreementView *agreementView() const { return m_agreement; }
    ItemsPane *itemsPane() const { return m_items; }
    QTabWidget *runTabs() const { return m_runTabs; }
    RunOverview *overview() const { return m_overview; }

signals:
    void loaded();
    void runOpened(qint64 runId);
    void runFinished(qint64 runId);
    // The last run of those started together (one per model) finished.
    void batchFinished();
    void statusMessage(const QString &message);

private:
    // Items shown before the rest of a big run has loaded: more than a window's height of rows.
    static constexpr qint64 firstScreenItems = 200;

    QLayout *buildActions();
    void showRun(Result<RunTable> &table, bool whole);
    void buildLayout();
    void resumeRun();
    void loadTrend(const QString &datasetName);
    void showAgreementWarning(const QStringList &untrusted);
    // Starts the run once its generator and judge are resolved (with their secrets).
    void launchRun(qint64 runId, bool retryErrors, const RunModelResolver::Models &models);
    QStringList judgedMetrics() const;
    void scheduleRefresh();
    void showProblem(const QString &message);
    void updateActions();

    WorkspaceWorker &m_worker;
    CredentialStore &m_store;
    Banner *m_banner;
    RunListModel *m_runs;
    RunListView *m_runTable;
    EvalCharts *m_charts;
    AgreementView *m_agreement;
    RunOverview *m_overview;
    QTabWidget *m_runTabs; // the overview's
    ItemsPane *m_items;
    ResultTableModel *m_results; // the items pane's
    ResultFilterProxy *m_filter;
    RunProgress *m_running;
    QPushButton *m_resume;
    QPushButton *m_runAgain;
    QPushButton *m_compare;
    QToolButton *m_export;
    RunLabelling *m_labelling;
    RunFiles *m_files;
    QList<qint64> m_queued; // runs started together, waiting for the one before to finish
    QHash<qint64, qint64> m_baselineOf; // a run made to be compared with another: that one
    qint64 m_runId = 0;
    bool m_refreshQueued = false;
    bool m_agreementWarned = false; // the banner shows the agreement warning (and nothing else)
};
