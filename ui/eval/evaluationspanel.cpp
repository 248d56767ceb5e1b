#include "ui/eval/evaluationspanel.h"

#include "core/eval/evalrunrepository.h"
#include "core/eval/judgeagreement.h"
#include "core/eval/runsummary.h"
#include "core/eval/runtrend.h"
#include "core/secrets/credentialstore.h"
#include "core/storage/workspaceworker.h"
#include "ui/common/banner.h"
#include "ui/eval/agreementview.h"
#include "ui/eval/comparerunsdialog.h"
#include "ui/eval/evalcharts.h"
#include "ui/eval/itemdetailhtml.h"
#include "ui/eval/itemspane.h"
#include "ui/eval/newrundialog.h"
#include "ui/eval/resulttablemodel.h"
#include "ui/eval/reviewdialog.h"
#include "ui/eval/runfiles.h"
#include "ui/eval/runlabelling.h"
#include "ui/eval/runlistmodel.h"
#include "ui/eval/runlistview.h"
#include "ui/eval/runmodelresolver.h"
#include "ui/eval/runoverview.h"
#include "ui/eval/runprogress.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

EvaluationsPanel::EvaluationsPanel(WorkspaceWorker &worker, CredentialStore &store, QWidget *parent)
    : QWidget(parent), m_worker(worker), m_store(store), m_runs(new RunListModel(this))
{
    buildLayout();
    updateActions();
    // A run started, finished or removed by someone else in a team workspace.
    connect(&worker, &WorkspaceWorker::notified, this, [this](const QString &channel) {
        if (channel == QLatin1String("genaiops_runs"))
            reload();
    });
}

EvaluationsPanel::~EvaluationsPanel()
{ }

QLayout *EvaluationsPanel::buildActions()
{
    auto *newRunButton = new QPushButton(tr("New run…"), this);
    newRunButton->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    newRunButton->setObjectName(QStringLiteral("newRunButton"));
    auto *importButton = new QPushButton(tr("Import…"), this);
    importButton->setToolTip(tr("Import an Amazon Bedrock evaluation job's output as a run"));
    m_resume = new QPushButton(tr("Resume"), this);
    m_resume->setObjectName(QStringLiteral("resumeButton"));
    m_runAgain = new QPushButton(tr("Run again…"), this);
    m_runAgain->setObjectName(QStringLiteral("runAgainButton"));
    m_runAgain->setToolTip(tr("The same dataset and settings with another model, to compare with this run"));
    m_compare = new QPushButton(tr("Compare…"), this);
    m_compare->setObjectName(QStringLiteral("compareButton"));
    m_files = new RunFiles(m_worker, this);
    m_export = m_files->exportButton([this]() { return std::pair(m_runId, m_results->table().run.name); });
    connect(m_files, &RunFiles::problem, this, &EvaluationsPanel::showProblem);
    connect(m_files, &RunFiles::exported, this, &EvaluationsPanel::statusMessage);
    connect(m_files, &RunFiles::imported, this, [this](qint64 runId, const QString &message) {
        m_agreementWarned = false;
        m_banner->showMessage(Banner::Tone::Information, ItemDetailHtml::escaped(message));
        m_runId = runId;
        reload();
    });
    m_agreement = new AgreementView(this);
    m_labelling = new RunLabelling(m_worker, *m_agreement, this);
    connect(m_labelling, &RunLabelling::agreementLoaded, this, &EvaluationsPanel::showAgreementWarning);
    connect(m_labelling, &RunLabelling::problem, this, &EvaluationsPanel::showProblem);
    connect(m_labelling, &RunLabelling::statusMessage, this, &EvaluationsPanel::statusMessage);
    m_running = new RunProgress(this);
    connect(m_running, &RunProgress::itemFinished, this, [this](qint64 runId, const ItemResult &result) {
        if (runId != m_runId)
            return;
        m_results->updateRow(m_results->table().updateOf(result));
        scheduleRefresh();
    });
    connect(m_running, &RunProgress::finished, this, [this](qint64 runId, const Status &status) {
        const bool cancelled = !status && status.error().kind == Error::Kind::Cancelled;
        if (!status && !cancelled)
            showProblem(status.error().describe());
        if (cancelled)
            m_queued.clear(); // cancelling a run of several models cancels the batch
        reload();
        if (runId == m_runId)
            openRun(runId);
        updateActions();
        emit runFinished(runId);
        emit statusMessage(cancelled ? tr("Evaluation run cancelled.") : tr("Evaluation run finished."));
        if (!m_queued.isEmpty()) {
            m_runId = m_queued.takeFirst();
            reload();
            startRun(m_runId);
        } else {
            emit batchFinished();
        }
    });
    connect(newRunButton, &QPushButton::clicked, this, [this]() { newRun(); });
    connect(importButton, &QPushButton::clicked, m_files, &RunFiles::importBedrock);
    connect(m_resume, &QPushButton::clicked, this, &EvaluationsPanel::resumeRun);
    connect(m_runAgain, &QPushButton::clicked, this, [this]() { runAgain(); });
    connect(m_compare, &QPushButton::clicked, this, &EvaluationsPanel::compareRuns);
    auto *actions = new QHBoxLayout;
    for (QWidget *widget : std::initializer_list<QWidget *>{newRunButton, importButton, m_resume, m_runAgain, m_compare,
                                                            m_labelling->button(), m_export})
        actions->addWidget(widget);
    actions->addStretch();
    // The run's progress (bar, ETA, Cancel) on a row of its own: beside the buttons it made the row
    // wider than a 1280-pixel screen in German.
    auto *rows = new QVBoxLayout;
    rows->addLayout(actions);
    rows->addWidget(m_running);
    return rows;
}

void EvaluationsPanel::buildLayout()
{
    m_banner = new Banner(this);
    QLayout *actions = buildActions();
    m_runTable = new RunListView(m_runs, this);
    connect(m_runTable, &RunListView::runChosen, this, [this](qint64 runId) {
        if (runId != m_runId)
            openRun(runId);
    });

    m_charts = new EvalCharts(this);
    connect(m_charts, &EvalCharts::itemActivated, this, &EvaluationsPanel::openItem);
    m_overview = new RunOverview(m_charts, m_agreement, this);
    m_runTabs = m_overview->tabs();
    connect(m_banner, &Banner::actionTriggered, this, [this]() {
        if (m_agreementWarned) {
            m_overview->setFolded(false);
            m_runTabs->setCurrentIndex(1);
        }
    });
    connect(m_runTabs, &QTabWidget::currentChanged, this, [this](int tab) {
        // The tab has its own banner; one strip saying the same twice is one too many.
        if (tab == 1 && m_agreementWarned) {
            m_banner->hide();
            m_agreementWarned = false;
        }
    });

    m_items = new ItemsPane(m_worker, this);
    m_results = m_items->model();
    m_filter = m_items->filter();

    auto *runPage = new QSplitter(Qt::Vertical, this);
    runPage->addWidget(m_runTable);
    runPage->addWidget(m_overview);
    runPage->addWidget(m_items);
    runPage->setStretchFactor(0, 1);
    runPage->setStretchFactor(1, 3);
    runPage->setStretchFactor(2, 3);
    runPage->setSizes({130, 330, 330});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addLayout(actions);
    layout->addWidget(m_banner);
    layout->addWidget(runPage, 1);
}

void EvaluationsPanel::showProblem(const QString &message)
{
    m_agreementWarned = false;
    m_banner->showMessage(Banner::Tone::Error, ItemDetailHtml::escaped(message));
}

bool EvaluationsPanel::isRunning() const
{
    return m_running->isRunning();
}

void EvaluationsPanel::updateActions()
{
    const RunListEntry *entry = m_runs->entryAt(m_runs->rowOfRun(m_runId));
    // A run another process is running (the CLI in a terminal, say) is that process's to finish.
    const bool runElsewhere = entry && entry->run.status == EvalRun::Status::Running && !entry->run.interrupted;
    const bool unfinished = entry && entry->run.completed < entry->run.itemCount;
    const bool resumable = entry && !isRunning() && !runElsewhere && entry->run.status != EvalRun::Status::Imported
        && (unfinished || entry->run.failed > 0 || entry->itemsWithErrors > 0);
    m_resume->setEnabled(resumable);
    // A finished run with errors is not resumed but mended: say which.
    const bool mending = entry && !unfinished && entry->itemsWithErrors > 0;
    m_resume->setText(mending ? tr("Retry errors (%1)").arg(entry->itemsWithErrors) : tr("Resume"));
    m_resume->setToolTip(mending ? tr("Score again the items whose generation or judge call failed")
                                 : tr("Continue the run where it stopped; failed items are retried too"));
    m_runAgain->setEnabled(entry && !isRunning() && entry->run.status != EvalRun::Status::Running);
    m_compare->setEnabled(entry && m_runs->rowCount() > 1);
    m_labelling->button()->setEnabled(entry && m_labelling->hasJudgedMetrics());
    m_export->defaultAction()->setEnabled(entry != nullptr);
    m_export->setEnabled(entry != nullptr);
}

void EvaluationsPanel::reload()
{
    m_worker.run<QList<RunSummary>>(
        [](Workspace &workspace) { return RunSummary::all(workspace); }, this,
        [this](Result<QList<RunSummary>> summaries) {
            Result<QList<RunListEntry>> entries = summaries
                ? Result<QList<RunListEntry>>(RunListEntry::fromSummaries(summaries.value()))
                : Result<QList<RunListEntry>>(summaries.error());
            if (!entries) {
                showProblem(entries.error().describe());
                emit loaded();
                return;
            }
            const qint64 keep = m_runId;
            m_runs->setEntries(entries.value());
            if (m_runs->rowCount() == 0) {
                m_overview->setHeading(
                    tr("<h3>No evaluation runs yet</h3><p>Start one with <b>New run…</b>: pick a golden dataset "
                       "(JSONL or CSV with Ragas or Bedrock field names), score the responses it brings or "
                       "generate them with a model, and judge them for faithfulness and relevance. Or import "
                       "an Amazon Bedrock evaluation output.</p>"));
                updateActions();
                emit loaded();
                return;
            }
            const int row = keep ? m_runs->rowOfRun(keep) : 0;
            m_runTable->selectRow(qMax(0, row));
            if (keep == 0 || row < 0)
                openRun(m_runs->entryAt(0)->run.id);
            else
                emit loaded();
            updateActions();
        });
}

void EvaluationsPanel::openRun(qint64 runId)
{
    m_runId = runId;
    // Opened from elsewhere (a registry link, a test): the run list shows the same run as the page.
    if (const int row = m_runs->rowOfRun(runId); row >= 0 && m_runTable->currentIndex().row() != row)
        m_runTable->selectRow(row);
    // The first screen of items at once, then the whole run, read on the same worker meanwhile.
    for (const qint64 limit : {firstScreenItems, qint64(-1)})
        m_worker.run<RunTable>([runId, limit](Workspace &workspace) { return RunTable::load(workspace, runId, limit); },
                               this,
                               [this, runId, limit](Result<RunTable> table) {
                                   if (runId == m_runId)
                                       showRun(table, limit < 0);
                               });
}

void EvaluationsPanel::showRun(Result<RunTable> &table, bool whole)
{
    if (!table) {
        showProblem(table.error().describe());
        if (whole)
            emit loaded();
        return;
    }
    const EvalRun &run = table.value().run;
    const RunListEntry *listed = m_runs->entryAt(m_runs->rowOfRun(run.id));
    if (!whole || m_results->table().run.id != run.id || m_results->table().rows.empty()) {
        m_overview->setHeading(RunListEntry::headingHtml(run, listed));
        m_items->setTable(std::move(table.value()));
        m_labelling->setRun(run.id, judgedMetrics(), m_results->table().run.settings.isRepeated());
        emit runOpened(run.id);
    } else {
        m_items->extendTable(std::move(table.value()));
    }
    const qint64 rows = qint64(m_results->table().rows.size()), total = m_results->table().run.itemCount;
    m_items->setFigures(!whole && rows < total
                            ? tr("The first %1 of %2 items are shown; the rest are loading…").arg(rows).arg(total)
                            : (listed ? listed->figuresText() : QString()));
    updateActions();
    if (!whole && rows < total)
        m_charts->showLoading(total);
    if (!whole)
        return;
    m_charts->setTable(m_results->table());
    loadTrend(m_results->table().run.datasetName);
    emit loaded();
}

void EvaluationsPanel::loadTrend(const QString &datasetName)
{
    m_worker.run<QList<TrendPoint>>(
        [datasetName](Workspace &workspace) { return RunTrend::load(workspace, datasetName); }, this,
        [this](Result<QList<TrendPoint>> trend) {
            if (trend)
                m_charts->setTrend(trend.value());
        });
}

void EvaluationsPanel::showAgreementWarning(const QStringList &untrusted)
{
    m_runTabs->setTabText(1, m_agreement->warningText().isEmpty() ? tr("Judge agreement") : tr("Judge agreement ⚠"));
    if (m_agreementWarned)
        m_banner->hide();
    m_agreementWarned = !untrusted.isEmpty() && m_runTabs->currentIndex() != 1;
    if (m_agreementWarned)
        m_banner->showMessage(Banner::Tone::Warning,
                              tr("The judge is not trustworthy for %1 on this run: κ's lower bound is under 0.6.")
                                  .arg(untrusted.join(QStringLiteral(", ")).toHtmlEscaped()),
                              tr("Show agreement"));
}

QStringList EvaluationsPanel::judgedMetrics() const
{
    if (m_results->table().run.id != m_runId)
        return {};
    return JudgeAgreement::judgedMetrics(m_results->table().metrics);
}

ReviewDialog *EvaluationsPanel::review()
{
    return m_labelling->review();
}

void EvaluationsPanel::openItem(qint64 itemIndex)
{
    m_items->openItem(itemIndex);
}

QString EvaluationsPanel::headerText() const
{
    return m_overview->heading();
}

QString EvaluationsPanel::detailText() const
{
    return m_items->detailText();
}

NewRunDialog *EvaluationsPanel::newRun()
{
    auto *dialog = new NewRunDialog(m_worker, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewRunDialog::runsCreated, this, [this](const QList<qint64> &runIds) {
        if (runIds.isEmpty())
            return;
        // One run per model, one after another: each has the endpoint's whole concurrency.
        m_queued = runIds.mid(1);
        // Compare opens on the first model's run: the others were started to be measured against it.
        for (qint64 runId : m_queued)
            m_baselineOf.insert(runId, runIds.first());
        m_runId = runIds.first();
        reload();
        startRun(m_runId);
    });
    dialog->open();
    return dialog;
}

NewRunDialog *EvaluationsPanel::runAgain()
{
    if (!m_runId || m_results->table().run.id != m_runId)
        return nullptr;
    NewRunDialog *dialog = newRun();
    dialog->runAgain(m_results->table().run);
    const qint64 original = m_runId;
    connect(dialog, &NewRunDialog::runsCreated, this, [this, original](const QList<qint64> &runIds) {
        for (qint64 runId : runIds)
            m_baselineOf.insert(runId, original);
    });
    return dialog;
}

void EvaluationsPanel::resumeRun()
{
    if (m_runId)
        startRun(m_runId, true);
}

void EvaluationsPanel::startRun(qint64 runId, bool retryErrors)
{
    if (isRunning())
        return showProblem(tr("A run is already in progress; cancel it or wait for it to finish."));
    m_worker.run<std::optional<EvalRun>>(
        [runId](Workspace &workspace) { return EvalRunRepository(workspace).find(runId); }, this,
        [this, runId, retryErrors](Result<std::optional<EvalRun>> run) {
            if (!run)
                return showProblem(run.error().describe());
            if (!run.value())
                return showProblem(tr("The run no longer exists."));
            // Credentials are resolved afresh for every start, so a resumed run never needed them stored.
            RunModelResolver::resolve(run.value()->settings, m_worker, m_store, this,
                                      [this, runId, retryErrors](Result<RunModelResolver::Models> models) {
                                          if (!models)
                                              return showProblem(models.error().describe());
                                          launchRun(runId, retryErrors, models.value());
                                      });
        });
}

void EvaluationsPanel::launchRun(qint64 runId, bool retryErrors, const RunModelResolver::Models &models)
{
    m_running->start(m_worker.location(), runId, retryErrors, models.generator, models.judge, models.guardrail);
    updateActions();
    emit statusMessage(m_queued.isEmpty() ? tr("Evaluation run started.")
                                          : tr("Evaluation run started; %n more will follow, one per model.", nullptr,
                                               int(m_queued.size())));
}

void EvaluationsPanel::cancelRun()
{
    m_running->cancel();
}

void EvaluationsPanel::scheduleRefresh()
{
    // Results arrive per item; the charts repaint at most once a second.
    if (m_refreshQueued)
        return;
    m_refreshQueued = true;
    QTimer::singleShot(1000, this, [this]() {
        m_refreshQueued = false;
        m_results->refreshCharts();
        m_charts->setTable(m_results->table());
    });
}

CompareRunsDialog *EvaluationsPanel::compareRuns()
{
    if (!m_runId)
        return nullptr;
    auto *dialog = new CompareRunsDialog(m_worker, m_runs->entries(), m_runId, m_baselineOf.value(m_runId), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CompareRunsDialog::itemActivated, this, &EvaluationsPanel::openItem);
    dialog->open();
    return dialog;
}
