#include "ui/eval/evaluationspanel.h"

#include "core/common/localuser.h"
#include "core/eval/bedrockoutputimporter.h"
#include "core/eval/datasetrepository.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/itemdetail.h"
#include "core/eval/judgeagreement.h"
#include "core/eval/labelexchange.h"
#include "core/eval/runexport.h"
#include "core/eval/runsummary.h"
#include "core/eval/runtable.h"
#include "core/eval/runtrend.h"
#include "core/secrets/credentialstore.h"
#include "core/storage/workspaceworker.h"
#include "ui/common/banner.h"
#include "ui/common/selectionresolver.h"
#include "ui/eval/agreementview.h"
#include "ui/eval/comparerunsdialog.h"
#include "ui/eval/evaluationcharts.h"
#include "ui/eval/itemdetailhtml.h"
#include "ui/eval/newrundialog.h"
#include "ui/eval/resultfilterproxy.h"
#include "ui/eval/resulttablemodel.h"
#include "ui/eval/reviewdialog.h"
#include "ui/eval/runexecution.h"
#include "ui/eval/runlistmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace {

RunRow rowFromResult(const ItemResult &result, const QStringList &metrics)
{
    RunRow row;
    row.index = result.itemIndex;
    row.response = result.response.left(400);
    row.hasResult = true;
    row.ok = result.ok;
    row.error = result.error;
    for (const QString &metric : metrics) {
        const MetricScore *score = result.score(metric);
        row.values.push_back(score && score->value ? float(*score->value) : std::nanf(""));
        if (row.error.isEmpty() && score && !score->error.isEmpty())
            row.error = metric + QStringLiteral(": ") + score->error;
    }
    return row;
}

} // namespace

EvaluationsPanel::EvaluationsPanel(WorkspaceWorker &worker, CredentialStore &store, QWidget *parent)
    : QWidget(parent), m_worker(worker), m_store(store), m_runs(new RunListModel(this)),
      m_results(new ResultTableModel(this)), m_filter(new ResultFilterProxy(this))
{
    m_filter->setSourceModel(m_results);
    buildLayout();
    updateActions();
}

EvaluationsPanel::~EvaluationsPanel()
{
    delete m_execution;
}

void EvaluationsPanel::buildLayout()
{
    m_banner = new Banner(this);
    auto *newRunButton = new QPushButton(tr("New run…"), this);
    newRunButton->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    auto *importButton = new QPushButton(tr("Import Bedrock output…"), this);
    m_resume = new QPushButton(tr("Resume"), this);
    m_resume->setToolTip(tr("Continue the run where it stopped; failed items are retried too"));
    m_compare = new QPushButton(tr("Compare…"), this);
    m_export = new QPushButton(tr("Export"), this);
    auto *exportMenu = new QMenu(m_export);
    exportMenu->addAction(tr("CSV…"), this, [this]() { exportRun(QStringLiteral("csv")); });
    exportMenu->addAction(tr("JSONL…"), this, [this]() { exportRun(QStringLiteral("jsonl")); });
    exportMenu->addAction(tr("HTML report…"), this, [this]() { exportRun(QStringLiteral("html")); });
    m_export->setMenu(exportMenu);
    m_review = new QToolButton(this);
    m_review->setText(tr("Review…"));
    m_review->setToolTip(tr("Label items for a judged metric, blind to the judge if you like (%1)")
                             .arg(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R).toString(QKeySequence::NativeText)));
    m_review->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_review->setPopupMode(QToolButton::MenuButtonPopup);
    auto *labelMenu = new QMenu(m_review);
    labelMenu->addAction(tr("Export labels (JSONL)…"), this, [this]() { exchangeLabels(true); });
    labelMenu->addAction(tr("Import labels (JSONL)…"), this, [this]() { exchangeLabels(false); });
    m_review->setMenu(labelMenu);
    connect(m_review, &QToolButton::clicked, this, &EvaluationsPanel::review);
    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_progressText = new QLabel(this);
    m_cancel = new QPushButton(tr("Cancel run"), this);
    m_cancel->hide();
    connect(newRunButton, &QPushButton::clicked, this, &EvaluationsPanel::newRun);
    connect(importButton, &QPushButton::clicked, this, &EvaluationsPanel::importBedrock);
    connect(m_resume, &QPushButton::clicked, this, &EvaluationsPanel::resumeRun);
    connect(m_compare, &QPushButton::clicked, this, &EvaluationsPanel::compareRuns);
    connect(m_cancel, &QPushButton::clicked, this, &EvaluationsPanel::cancelRun);
    auto *actions = new QHBoxLayout;
    for (QWidget *widget :
         std::initializer_list<QWidget *>{newRunButton, importButton, m_resume, m_compare, m_review, m_export})
        actions->addWidget(widget);
    actions->addWidget(m_progress, 1);
    actions->addWidget(m_progressText);
    actions->addWidget(m_cancel);
    actions->addStretch();

    m_runTable = new QTableView(this);
    m_runTable->setModel(m_runs);
    m_runTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_runTable->verticalHeader()->hide();
    m_runTable->horizontalHeader()->setStretchLastSection(true);
    m_runTable->setAlternatingRowColors(true);
    m_runTable->setWordWrap(false);
    m_runTable->verticalHeader()->setDefaultSectionSize(m_runTable->fontMetrics().height() + 8);
    m_runTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_runTable->setColumnWidth(RunListModel::NameColumn, 240);
    m_runTable->setColumnWidth(RunListModel::DatasetColumn, 190);
    m_runTable->setColumnWidth(RunListModel::ModelColumn, 150);
    m_runTable->setColumnWidth(RunListModel::DateColumn, 130);
    m_runTable->setColumnWidth(RunListModel::StatusColumn, 170); // "interrupted (1234 of 5000)"
    m_runTable->setColumnWidth(RunListModel::MeansColumn, 330);
    connect(m_runTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (const RunListEntry *entry = m_runs->entryAt(current.row()); entry && entry->run.id != m_runId)
                    openRun(entry->run.id);
            });

    m_header = new QLabel(this);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_charts = new EvaluationCharts(this);
    connect(m_charts, &EvaluationCharts::itemActivated, this, &EvaluationsPanel::openItem);
    m_agreement = new AgreementView(this);
    connect(m_agreement, &AgreementView::reviewRequested, this, &EvaluationsPanel::review);
    m_runTabs = new QTabWidget(this);
    m_runTabs->setDocumentMode(true);
    m_runTabs->addTab(m_charts, tr("Charts"));
    m_runTabs->addTab(m_agreement, tr("Judge agreement"));
    connect(m_banner, &Banner::actionTriggered, this, [this]() {
        if (m_agreementWarned)
            m_runTabs->setCurrentIndex(1);
    });
    connect(m_runTabs, &QTabWidget::currentChanged, this, [this](int tab) {
        // The tab has its own banner; one strip saying the same twice is one too many.
        if (tab == 1 && m_agreementWarned) {
            m_banner->hide();
            m_agreementWarned = false;
        }
    });

    m_filterMetric = new QComboBox(this);
    m_belowThreshold = new QCheckBox(tr("Below threshold"), this);
    m_errorsOnly = new QCheckBox(tr("Errors"), this);
    m_unstableOnly = new QCheckBox(tr("Unstable"), this);
    m_unstableOnly->setToolTip(tr("Items whose repeated scores fall on both sides of a threshold"));
    m_unstableOnly->hide();
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search questions and responses (%1)")
                                     .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    m_search->setClearButtonEnabled(true);
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, m_search, qOverload<>(&QWidget::setFocus));
    addAction(find);
    for (QCheckBox *box : {m_belowThreshold, m_errorsOnly, m_unstableOnly})
        connect(box, &QCheckBox::toggled, this, &EvaluationsPanel::filtersChanged);
    connect(m_filterMetric, &QComboBox::currentIndexChanged, this, &EvaluationsPanel::filtersChanged);
    connect(m_search, &QLineEdit::textChanged, this, &EvaluationsPanel::filtersChanged);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_belowThreshold);
    filters->addWidget(m_filterMetric);
    filters->addWidget(m_errorsOnly);
    filters->addWidget(m_unstableOnly);
    filters->addWidget(m_search, 1);

    m_itemTable = new QTableView(this);
    m_itemTable->setModel(m_filter);
    m_itemTable->setSortingEnabled(true);
    m_itemTable->sortByColumn(ResultTableModel::IndexColumn, Qt::AscendingOrder);
    m_itemTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_itemTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_itemTable->verticalHeader()->hide();
    m_itemTable->verticalHeader()->setDefaultSectionSize(m_itemTable->fontMetrics().height() + 6);
    m_itemTable->setWordWrap(false);
    m_itemTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_itemTable->horizontalHeader()->setDefaultSectionSize(130);
    connect(m_itemTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EvaluationsPanel::showDetail);
    m_detail = new QTextBrowser(this);
    m_detail->setPlaceholderText(
        tr("Select an item to read its question, contexts, response, reference and every explanation."));

    auto *itemsBox = new QWidget(this);
    auto *itemsLayout = new QVBoxLayout(itemsBox);
    itemsLayout->setContentsMargins(0, 0, 0, 0);
    itemsLayout->addLayout(filters);
    itemsLayout->addWidget(m_itemTable, 1);
    m_footer = new QLabel(this);
    m_footer->setWordWrap(true);
    m_footer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    itemsLayout->addWidget(m_footer);
    auto *itemSplit = new QSplitter(Qt::Horizontal, this);
    itemSplit->addWidget(itemsBox);
    itemSplit->addWidget(m_detail);
    itemSplit->setStretchFactor(0, 5);
    itemSplit->setStretchFactor(1, 2);

    auto *runPage = new QSplitter(Qt::Vertical, this);
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_header);
    topLayout->addWidget(m_runTabs, 1);
    runPage->addWidget(m_runTable);
    runPage->addWidget(top);
    runPage->addWidget(itemSplit);
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
    return !m_execution.isNull();
}

void EvaluationsPanel::updateActions()
{
    const RunListEntry *entry = m_runs->entryAt(m_runs->rowOfRun(m_runId));
    // A run another process is running (the CLI in a terminal, say) is that process's to finish.
    const bool runElsewhere = entry && entry->run.status == EvalRun::Status::Running && !entry->run.interrupted;
    const bool resumable = entry && !isRunning() && !runElsewhere && entry->run.status != EvalRun::Status::Imported
        && (entry->run.completed < entry->run.itemCount || entry->run.failed > 0);
    m_resume->setEnabled(resumable);
    m_compare->setEnabled(entry && m_runs->rowCount() > 1);
    m_review->setEnabled(entry && !judgedMetrics().isEmpty());
    m_export->setEnabled(entry != nullptr);
    m_cancel->setVisible(isRunning());
    m_progress->setVisible(isRunning());
}

void EvaluationsPanel::reload()
{
    m_worker.run<QList<RunListEntry>>(
        [](Workspace &workspace) -> Result<QList<RunListEntry>> {
            auto summaries = RunSummary::all(workspace);
            if (!summaries)
                return summaries.error();
            QList<RunListEntry> entries;
            for (const RunSummary &summary : std::as_const(summaries.value()))
                entries << RunListEntry::fromSummary(summary);
            return entries;
        },
        this,
        [this](Result<QList<RunListEntry>> entries) {
            if (!entries) {
                showProblem(entries.error().describe());
                emit loaded();
                return;
            }
            const qint64 keep = m_runId;
            m_runs->setEntries(entries.value());
            if (m_runs->rowCount() == 0) {
                m_header->setText(
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
    m_worker.run<RunTable>([runId](Workspace &workspace) { return RunTable::load(workspace, runId); }, this,
                           [this, runId](Result<RunTable> table) {
                               if (runId != m_runId)
                                   return;
                               if (!table) {
                                   showProblem(table.error().describe());
                                   emit loaded();
                                   return;
                               }
                               const EvalRun &run = table.value().run;
                               m_header->setText(
                                   tr("<b>%1</b> — dataset %2 v%3 · responses: %4 · judge: %5 · %6 items, %7 failed · "
                                      "%8 tokens · $%9")
                                       .arg(run.name.toHtmlEscaped(), run.datasetName.toHtmlEscaped())
                                       .arg(run.datasetVersion)
                                       .arg(run.model.toHtmlEscaped(),
                                            run.judgeModel.isEmpty() ? tr("none") : run.judgeModel.toHtmlEscaped())
                                       .arg(run.itemCount)
                                       .arg(run.failed)
                                       .arg(run.inputTokens + run.outputTokens)
                                       .arg(run.costUsd, 0, 'f', 4));
                               m_footer->setText(figuresText(runId));
                               const bool repeated = run.settings.isRepeated();
                               m_unstableOnly->setVisible(repeated);
                               if (!repeated)
                                   m_unstableOnly->setChecked(false);
                               {
                                   const QSignalBlocker blocker(m_filterMetric);
                                   m_filterMetric->clear();
                                   m_filterMetric->addItem(tr("any metric"), QString());
                                   for (const QString &metric : table.value().metrics)
                                       m_filterMetric->addItem(metric, metric);
                               }
                               m_results->setTable(std::move(table.value()));
                               m_itemTable->setColumnWidth(ResultTableModel::IndexColumn, 50);
                               m_itemTable->setColumnWidth(ResultTableModel::QuestionColumn, 220);
                               m_itemTable->setColumnWidth(ResultTableModel::ResponseColumn, 220);
                               m_itemTable->setColumnWidth(ResultTableModel::StatusColumn, 60);
                               m_charts->setTable(m_results->table());
                               m_detail->clear();
                               loadTrend(m_results->table().run.datasetName);
                               loadAgreement(runId);
                               updateActions();
                               emit runOpened(runId);
                               emit loaded();
                           });
}

QString EvaluationsPanel::figuresText(qint64 runId) const
{
    const RunListEntry *entry = m_runs->entryAt(m_runs->rowOfRun(runId));
    if (!entry || entry->summaries.isEmpty())
        return {};
    const QLocale locale;
    const auto interval = [&](const Interval &bounds, double scale, int decimals) {
        return bounds.isKnown() ? tr("%1–%2").arg(locale.toString(bounds.low * scale, 'f', decimals),
                                                  locale.toString(bounds.high * scale, 'f', decimals))
                                : tr("n/a");
    };
    QStringList parts;
    for (const QString &metric : entry->run.settings.metrics) {
        if (!entry->summaries.contains(metric))
            continue;
        const MetricSummary &summary = entry->summaries[metric];
        QString part
            = tr("<b>%1</b> %2 (95% CI %3) · pass %4% (%5%)")
                  .arg(metric.toHtmlEscaped(), locale.toString(summary.mean, 'f', 3), interval(summary.ci95, 1, 3),
                       locale.toString(summary.passRate * 100, 'f', 1), interval(summary.passRateCi95, 100, 1));
        if (summary.unstable > 0)
            part += tr(" · %n unstable", nullptr, int(summary.unstable));
        parts << part;
    }
    QString text = parts.join(QStringLiteral(" &nbsp; "));
    if (!entry->run.settings.clusterBy.isEmpty())
        text += tr("<br>The means' intervals are clustered by %1; pass rates and comparisons treat items as "
                   "independent.")
                    .arg(entry->run.settings.clusterBy.toHtmlEscaped());
    return text;
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

void EvaluationsPanel::loadAgreement(qint64 runId)
{
    m_worker.run<QList<MetricAgreement>>(
        [runId](Workspace &workspace) { return JudgeAgreement::compute(workspace, runId); }, this,
        [this, runId](Result<QList<MetricAgreement>> agreement) {
            if (runId != m_runId)
                return;
            if (!agreement)
                return showProblem(agreement.error().describe());
            m_agreement->setAgreement(agreement.value());
            QStringList untrusted;
            for (const MetricAgreement &metric : agreement.value())
                if (metric.measured() && !metric.trustworthy())
                    untrusted << metric.metric;
            m_runTabs->setTabText(
                1, m_agreement->warningText().isEmpty() ? tr("Judge agreement") : tr("Judge agreement ⚠"));
            if (m_agreementWarned)
                m_banner->hide();
            m_agreementWarned = !untrusted.isEmpty() && m_runTabs->currentIndex() != 1;
            if (m_agreementWarned)
                m_banner->showMessage(Banner::Tone::Warning,
                                      tr("The judge is not trustworthy for %1 on this run: κ's lower bound "
                                         "is under 0.6.")
                                          .arg(untrusted.join(QStringLiteral(", ")).toHtmlEscaped()),
                                      tr("Show agreement"));
        });
}

QStringList EvaluationsPanel::judgedMetrics() const
{
    QStringList metrics;
    if (m_results->table().run.id != m_runId)
        return metrics;
    for (const QString &metric : m_results->table().metrics)
        if (!Metrics::isLexical(metric))
            metrics << metric;
    return metrics;
}

ReviewDialog *EvaluationsPanel::review()
{
    const QStringList metrics = judgedMetrics();
    if (!m_runId || metrics.isEmpty())
        return nullptr;
    auto reviewer = LocalUser::name();
    if (!reviewer) {
        showProblem(reviewer.error().describe());
        return nullptr;
    }
    auto *dialog = new ReviewDialog(m_worker, m_runId, metrics, m_results->table().run.settings.isRepeated(),
                                    reviewer.value(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReviewDialog::labelsChanged, this, [this](qint64 runId) {
        if (runId == m_runId)
            loadAgreement(runId);
    });
    dialog->open();
    return dialog;
}

void EvaluationsPanel::exchangeLabels(bool exporting)
{
    if (!m_runId)
        return;
    const QString path = exporting
        ? QFileDialog::getSaveFileName(this, tr("Export labels"), tr("labels-run-%1.jsonl").arg(m_runId),
                                       tr("JSON Lines (*.jsonl)"))
        : QFileDialog::getOpenFileName(this, tr("Import labels into run %1").arg(m_runId), {},
                                       tr("JSON Lines (*.jsonl);;All files (*)"));
    if (path.isEmpty())
        return;
    const qint64 runId = m_runId;
    m_worker.run<qint64>(
        [runId, path, exporting](Workspace &workspace) {
            return exporting ? LabelExchange::exportLabels(workspace, runId, path)
                             : LabelExchange::importLabels(workspace, path, runId);
        },
        this,
        [this, runId, path, exporting](Result<qint64> count) {
            if (!count)
                return showProblem(count.error().describe());
            emit statusMessage(exporting ? tr("Exported %n label(s) to %1.", nullptr, int(count.value())).arg(path)
                                         : tr("Imported %n label(s) from %1.", nullptr, int(count.value())).arg(path));
            if (!exporting && runId == m_runId)
                loadAgreement(runId);
        });
}

void EvaluationsPanel::filtersChanged()
{
    m_filter->setBelowThreshold(m_belowThreshold->isChecked(), m_filterMetric->currentData().toString());
    m_filter->setErrorsOnly(m_errorsOnly->isChecked());
    m_filter->setUnstableOnly(m_unstableOnly->isChecked());
    m_filter->setSearchText(m_search->text());
}

void EvaluationsPanel::openItem(qint64 itemIndex)
{
    const int sourceRow = m_results->rowOfItem(itemIndex);
    if (sourceRow < 0)
        return;
    QModelIndex proxyIndex = m_filter->mapFromSource(m_results->index(sourceRow, 0));
    if (!proxyIndex.isValid()) {
        // The item is hidden by a filter: clear the filters rather than open nothing.
        m_belowThreshold->setChecked(false);
        m_errorsOnly->setChecked(false);
        m_search->clear();
        proxyIndex = m_filter->mapFromSource(m_results->index(sourceRow, 0));
    }
    m_itemTable->setCurrentIndex(proxyIndex);
    m_itemTable->scrollTo(proxyIndex, QAbstractItemView::PositionAtCenter);
}

QString EvaluationsPanel::detailText() const
{
    return m_detail->toPlainText();
}

void EvaluationsPanel::showDetail(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const qint64 itemIndex = m_filter->data(proxyIndex, ResultTableModel::ItemIndexRole).toLongLong();
    const qint64 runId = m_runId;
    m_pendingDetail = itemIndex;
    m_worker.run<ItemDetail>(
        [runId, itemIndex](Workspace &workspace) { return ItemDetail::load(workspace, runId, itemIndex); }, this,
        [this, itemIndex](Result<ItemDetail> detail) {
            if (itemIndex != m_pendingDetail)
                return;
            if (!detail)
                return m_detail->setPlainText(detail.error().describe());
            const std::optional<ItemResult> &result = detail.value().result;
            QString html = ItemDetailHtml::item(detail.value().item, result);
            html += result ? ItemDetailHtml::scores(*result) : tr("<p><i>Not scored yet.</i></p>");
            m_detail->setHtml(html + ItemDetailHtml::labels(detail.value().labels));
        });
}

void EvaluationsPanel::newRun()
{
    auto *dialog = new NewRunDialog(m_worker, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewRunDialog::runCreated, this, [this](qint64 runId) {
        m_runId = runId;
        reload();
        startRun(runId);
    });
    dialog->open();
}

void EvaluationsPanel::importBedrock()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Amazon Bedrock evaluation output"), {},
                                                      tr("JSON Lines (*.jsonl *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    m_worker.run<ImportedRun>([path](Workspace &workspace) { return BedrockOutputImporter::import(workspace, path); },
                              this,
                              [this](Result<ImportedRun> imported) {
                                  if (!imported)
                                      return showProblem(imported.error().describe());
                                  QString message = tr("Imported %1 items as run \"%2\".")
                                                        .arg(imported.value().run.itemCount)
                                                        .arg(imported.value().run.name);
                                  if (!imported.value().skipped.isEmpty())
                                      message += tr(" %n line(s) were skipped, the first: line %1: %2", nullptr,
                                                    int(imported.value().skipped.size()))
                                                     .arg(imported.value().skipped.first().line)
                                                     .arg(imported.value().skipped.first().reason);
                                  m_agreementWarned = false;
                                  m_banner->showMessage(Banner::Tone::Information, ItemDetailHtml::escaped(message));
                                  m_runId = imported.value().run.id;
                                  reload();
                              });
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
            const RunSettings settings = run.value()->settings;
            bool needsJudge = false;
            for (const QString &metric : settings.metrics)
                needsJudge = needsJudge || Metrics::judge().contains(metric);
            // Credentials are resolved afresh for every start, so a resumed run never needed them stored.
            auto generator = std::make_shared<std::optional<ProviderConfig>>();
            auto judge = std::make_shared<std::optional<ProviderConfig>>();
            auto launch = [this, runId, retryErrors, generator, judge]() {
                m_execution = new RunExecution(m_worker.location(), runId, *generator, *judge, retryErrors, this);
                connect(m_execution, &RunExecution::progress, this,
                        [this](qint64 done, qint64 total, qint64 failed, double eta) {
                            m_progress->setRange(0, int(qMin<qint64>(total, INT_MAX)));
                            m_progress->setValue(int(done));
                            m_progress->setFormat(tr("%v of %m"));
                            m_progressText->setText(eta > 0 ? tr("%1 failed · about %2 left")
                                                                  .arg(failed)
                                                                  .arg(eta >= 90 ? tr("%1 min").arg(qRound(eta / 60))
                                                                                 : tr("%1 s").arg(qRound(eta)))
                                                            : tr("%1 failed").arg(failed));
                        });
                connect(m_execution, &RunExecution::itemFinished, this, [this, runId](const ItemResult &result) {
                    if (runId != m_runId)
                        return;
                    m_results->updateRow(rowFromResult(result, m_results->table().metrics));
                    scheduleRefresh();
                });
                connect(m_execution, &RunExecution::finished, this, [this, runId](const Status &status) {
                    m_execution->deleteLater();
                    m_execution = nullptr;
                    m_progressText->setText(status ? tr("Run finished.") : status.error().describe());
                    if (!status && status.error().kind != Error::Kind::Cancelled)
                        showProblem(status.error().describe());
                    reload();
                    if (runId == m_runId)
                        openRun(runId);
                    updateActions();
                    emit runFinished(runId);
                });
                m_execution->start();
                updateActions();
                emit statusMessage(tr("Evaluation run started."));
            };
            const bool needsGenerator = !settings.responsesFromDataset;
            auto pending = std::make_shared<int>(int(needsGenerator) + int(needsJudge));
            if (*pending == 0)
                return launch();
            auto resolved
                = [this, pending, launch](const QString &role, std::shared_ptr<std::optional<ProviderConfig>> slot,
                                          const Result<ProviderConfig> &config) {
                      if (*pending < 0)
                          return;
                      if (!config) {
                          *pending = -1;
                          showProblem(tr("%1: %2").arg(role, config.error().describe()));
                          return;
                      }
                      *slot = config.value();
                      if (--*pending == 0)
                          launch();
                  };
            if (needsGenerator)
                SelectionResolver::resolve(settings.generator, m_worker, m_store, this,
                                           [resolved, generator](Result<ProviderConfig> config) {
                                               resolved(tr("Response model"), generator, config);
                                           });
            if (needsJudge)
                SelectionResolver::resolve(
                    settings.judge, m_worker, m_store, this,
                    [resolved, judge](Result<ProviderConfig> config) { resolved(tr("Judge model"), judge, config); });
        });
}

void EvaluationsPanel::cancelRun()
{
    if (m_execution)
        m_execution->cancel();
}

void EvaluationsPanel::scheduleRefresh()
{
    // Results arrive per item; the charts repaint at most once a second.
    if (m_refreshQueued)
        return;
    m_refreshQueued = true;
    QTimer::singleShot(1000, this, [this]() {
        m_refreshQueued = false;
        m_charts->setTable(m_results->table());
    });
}

CompareRunsDialog *EvaluationsPanel::compareRuns()
{
    if (!m_runId)
        return nullptr;
    auto *dialog = new CompareRunsDialog(m_worker, m_runs->entries(), m_runId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CompareRunsDialog::itemActivated, this, &EvaluationsPanel::openItem);
    dialog->open();
    return dialog;
}

void EvaluationsPanel::exportRun(const QString &format)
{
    if (!m_runId)
        return;
    const QString suggested = QStringLiteral("%1.%2").arg(
        m_results->table().run.name.isEmpty() ? QStringLiteral("run") : m_results->table().run.name, format);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export run"), suggested);
    if (path.isEmpty())
        return;
    const qint64 runId = m_runId;
    m_worker.run<Done>(
        [runId, format, path](Workspace &workspace) { return RunExport::write(workspace, runId, format, path); }, this,
        [this, path](Status written) {
            if (!written)
                return showProblem(written.error().describe());
            emit statusMessage(tr("Exported to %1.").arg(path));
        });
}
