#include "ui/eval/comparerunsdialog.h"

#include "core/eval/itemdetail.h"
#include "core/storage/workspaceworker.h"
#include "ui/eval/itemdetailhtml.h"
#include "ui/theme.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace {

enum MetricColumn {
    MetricName,
    PairsColumn,
    MeanAColumn,
    MeanBColumn,
    DifferenceColumn,
    PValueColumn,
    PassColumn,
    VerdictColumn,
    MetricColumns
};

QColor better()
{
    return Theme::color(Theme::Role::Good);
}

QColor worse()
{
    return Theme::color(Theme::Role::Bad);
}

// Two items' responses side by side, each run a column.
struct ResponsePair
{
    ItemDetail a;
    ItemDetail b;
};

QString signedNumber(double value, int decimals = 3)
{
    return (value > 0 ? QStringLiteral("+") : QString()) + QLocale().toString(value, 'f', decimals);
}

QTableWidgetItem *cell(const QString &text, Qt::Alignment alignment = Qt::AlignRight | Qt::AlignVCenter)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment);
    return item;
}

} // namespace

CompareRunsDialog::CompareRunsDialog(WorkspaceWorker &worker, const QList<RunListEntry> &runs, qint64 currentRunId,
                                     qint64 baselineRunId, QWidget *parent)
    : QDialog(parent), m_worker(worker), m_currentRunId(currentRunId)
{
    m_dark = Theme::isDark();
    m_other = new QComboBox(this);
    QString datasetName;
    QString currentName;
    for (const RunListEntry &entry : runs) {
        if (entry.run.id == currentRunId) {
            datasetName = entry.run.datasetName;
            currentName = entry.run.name;
        }
    }
    m_currentName = currentName;
    setWindowTitle(tr("Compare runs — B: %1").arg(currentName));
    // Runs of the same dataset first: comparing item by item needs the same items.
    for (bool sameDataset : {true, false}) {
        for (const RunListEntry &entry : runs) {
            if (entry.run.id == currentRunId || (entry.run.datasetName == datasetName) != sameDataset)
                continue;
            m_other->addItem(tr("%1 (%2, %3)").arg(entry.run.name, entry.run.datasetName, entry.run.createdAt.left(10)),
                             entry.run.id);
        }
    }
    if (const int baseline = m_other->findData(baselineRunId); baselineRunId > 0 && baseline >= 0)
        m_other->setCurrentIndex(baseline);
    m_verdict = new QLabel(this);
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_metrics = new QTableWidget(0, MetricColumns, this);
    m_metrics->setTabKeyNavigation(false);
    m_metrics->setHorizontalHeaderLabels({tr("Metric"), tr("Pairs"), tr("Mean A"), tr("Mean B"),
                                          tr("B − A (95% CI, unadjusted)"), tr("p (Holm)"), tr("Pass A → B"),
                                          tr("Verdict")});
    m_metrics->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_metrics->horizontalHeader()->setStretchLastSection(true);
    m_metrics->verticalHeader()->hide();
    m_metrics->verticalHeader()->setDefaultSectionSize(m_metrics->fontMetrics().height() + 8);
    m_metrics->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_metrics->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_metrics->setSelectionMode(QAbstractItemView::SingleSelection);
    m_metrics->setTabKeyNavigation(false);
    connect(m_metrics, &QTableWidget::currentCellChanged, this, [this](int row) { showMetric(row); });
    m_chart = new QChartView(this);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumSize(340, 200);
    m_items = new QTableWidget(0, 5, this);
    m_items->setTabKeyNavigation(false);
    m_items->setHorizontalHeaderLabels({tr("#"), tr("Question"), tr("A"), tr("B"), tr("Change")});
    m_items->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_items->verticalHeader()->hide();
    m_items->verticalHeader()->setDefaultSectionSize(m_items->fontMetrics().height() + 6);
    m_items->setWordWrap(false);
    m_items->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_items->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_items->setTabKeyNavigation(false);
    connect(m_items, &QTableWidget::cellDoubleClicked, this,
            [this](int row, int) { emit itemActivated(m_items->item(row, 0)->data(Qt::UserRole).toLongLong()); });
    // A row chosen shows its two responses here; a double click opens the item in the panel.
    connect(m_items, &QTableWidget::currentCellChanged, this, [this](int row) { showResponses(row); });
    m_itemsEmpty = new QLabel(this);
    m_itemsEmpty->setObjectName(QStringLiteral("noChangedItems"));
    m_itemsEmpty->setAlignment(Qt::AlignCenter);
    m_itemsEmpty->setWordWrap(true);
    m_itemsEmpty->hide();
    for (QTextBrowser **side : {&m_responseA, &m_responseB}) {
        *side = new QTextBrowser(this);
        (*side)->setOpenLinks(false);
        (*side)->setPlaceholderText(tr("Choose an item above to read both runs' responses."));
    }
    auto *choices = new QHBoxLayout;
    choices->addWidget(new QLabel(tr("Compare with (A):"), this));
    choices->addWidget(m_other, 1);
    auto *lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(m_chart);
    auto *itemsBox = new QWidget(this);
    auto *itemsLayout = new QVBoxLayout(itemsBox);
    itemsLayout->setContentsMargins(0, 0, 0, 0);
    itemsLayout->addWidget(m_items);
    itemsLayout->addWidget(m_itemsEmpty, 1);
    lower->addWidget(itemsBox);
    lower->setStretchFactor(0, 2);
    lower->setStretchFactor(1, 3);
    lower->setSizes({400, 600});
    lower->setChildrenCollapsible(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(choices);
    layout->addWidget(m_verdict);
    auto *responses = new QSplitter(Qt::Horizontal, this);
    responses->addWidget(m_responseA);
    responses->addWidget(m_responseB);
    responses->setChildrenCollapsible(false);
    auto *parts = new QSplitter(Qt::Vertical, this);
    parts->addWidget(m_metrics);
    parts->addWidget(lower);
    parts->addWidget(responses);
    parts->setStretchFactor(0, 1);
    parts->setStretchFactor(1, 2);
    parts->setStretchFactor(2, 2);
    layout->addWidget(parts, 1);
    layout->addWidget(buttons);
    resize(1080, 700);
    connect(m_other, &QComboBox::currentIndexChanged, this, &CompareRunsDialog::refresh);
    refresh();
}

void CompareRunsDialog::refresh()
{
    const qint64 other = m_other->currentData().toLongLong();
    const qint64 current = m_currentRunId;
    if (!other) {
        m_verdict->setText(tr("There is no other run to compare with yet."));
        return;
    }
    m_verdict->setText(tr("Comparing…"));
    setWindowTitle(tr("Compare runs — A: %1 · B: %2").arg(m_other->currentText(), m_currentName));
    m_worker.run<RunComparison>(
        [other, current](Workspace &workspace) { return RunComparison::compute(workspace, other, current); }, this,
        [this, other](Result<RunComparison> comparison) {
            if (other != m_other->currentData().toLongLong())
                return; // the choice moved on while this was computed
            if (!comparison) {
                m_verdict->setText(comparison.error().describe().toHtmlEscaped());
                return;
            }
            m_comparison = std::move(comparison.value());
            showComparison();
            emit compared();
        });
}

QString CompareRunsDialog::verdictText() const
{
    return m_verdict->text();
}

void CompareRunsDialog::showComparison()
{
    const RunComparison &comparison = m_comparison;
    QStringList betterOn, worseOn, unclear;
    double detectable = 0;
    for (const MetricComparison &metric : comparison.metrics) {
        if (metric.verdict == PairedTest::Verdict::Better)
            betterOn << metric.metric;
        else if (metric.verdict == PairedTest::Verdict::Worse)
            worseOn << metric.metric;
        else
            unclear << metric.metric;
        if (std::isfinite(metric.minimumDetectable))
            detectable = std::max(detectable, metric.minimumDetectable);
    }
    QStringList sentences;
    sentences << tr("<b>A</b> %1 · <b>B</b> %2 · %n items paired (by %3)", nullptr, int(comparison.pairedItems))
                     .arg(comparison.runA.name.toHtmlEscaped(), comparison.runB.name.toHtmlEscaped(),
                          comparison.pairedBy);
    if (!betterOn.isEmpty())
        sentences << tr("<span style=\"color:%1\"><b>B is better</b> on %2.</span>")
                         .arg(better().name(), betterOn.join(QStringLiteral(", ")));
    if (!worseOn.isEmpty())
        sentences << tr("<span style=\"color:%1\"><b>B is worse</b> on %2.</span>")
                         .arg(worse().name(), worseOn.join(QStringLiteral(", ")));
    if (!unclear.isEmpty())
        sentences << tr("No difference detectable at this size on %1.").arg(unclear.join(QStringLiteral(", ")));
    if (comparison.metrics.isEmpty())
        sentences << tr("The runs share no metric, so there is nothing to compare.");
    else if (comparison.isIdentical())
        sentences << tr("<b>No differences:</b> both runs gave every paired item the same scores on every metric.");
    else if (detectable > 0)
        sentences << tr("With these items a difference of about %1 could be detected (α 0.05, power 0.8); "
                        "a smaller one needs more items (see <tt>genaiops eval plan</tt>).")
                         .arg(QLocale().toString(detectable, 'f', 3));
    if (!comparison.onlyA.isEmpty() || !comparison.onlyB.isEmpty()) {
        // The labels themselves (ids, else numbers), the first few of each side: data, not words.
        const auto some = [](const QStringList &labels) {
            return labels.isEmpty()
                ? QString()
                : QStringLiteral(" [%1%2]").arg(labels.mid(0, 8).join(QStringLiteral(", ")).toHtmlEscaped(),
                                                labels.size() > 8 ? QStringLiteral(", …") : QString());
        };
        sentences << QString(tr("Left out, found in one run only: %1 items of A, %2 of B.")
                                 .arg(comparison.onlyA.size())
                                 .arg(comparison.onlyB.size())
                             + some(comparison.onlyA) + some(comparison.onlyB));
    }
    m_verdict->setText(sentences.join(QStringLiteral("<br>")));

    m_metrics->setRowCount(int(comparison.metrics.size()));
    const QLocale locale;
    for (int row = 0; row < comparison.metrics.size(); ++row) {
        const MetricComparison &metric = comparison.metrics[row];
        const PairedDifference &difference = metric.difference;
        m_metrics->setItem(row, MetricName, cell(metric.metric, Qt::AlignLeft | Qt::AlignVCenter));
        m_metrics->setItem(row, PairsColumn, cell(locale.toString(difference.count)));
        m_metrics->setItem(row, MeanAColumn, cell(locale.toString(difference.meanA, 'f', 3)));
        m_metrics->setItem(row, MeanBColumn, cell(locale.toString(difference.meanB, 'f', 3)));
        m_metrics->setItem(row, DifferenceColumn,
                           cell(difference.ci95.isKnown()
                                    ? tr("%1 (%2 to %3)")
                                          .arg(signedNumber(difference.meanDifference),
                                               signedNumber(difference.ci95.low), signedNumber(difference.ci95.high))
                                    : signedNumber(difference.meanDifference)));
        m_metrics->setItem(row, PValueColumn, cell(locale.toString(metric.adjustedPValue, 'g', 2)));
        const auto count = double(std::max<qint64>(1, difference.count));
        m_metrics->setItem(row, PassColumn,
                           cell(tr("%1% → %2%")
                                    .arg(locale.toString(100.0 * double(metric.passingA) / count, 'f', 1),
                                         locale.toString(100.0 * double(metric.passingB) / count, 'f', 1))));
        QString verdict = tr("no difference detectable");
        QColor colour = palette().color(QPalette::Text);
        if (metric.verdict == PairedTest::Verdict::Better) {
            verdict = tr("better");
            colour = better();
        } else if (metric.verdict == PairedTest::Verdict::Worse) {
            verdict = tr("worse");
            colour = worse();
        }
        auto *verdictCell = cell(verdict, Qt::AlignLeft | Qt::AlignVCenter);
        verdictCell->setForeground(colour);
        verdictCell->setToolTip(RunComparison::describe(metric));
        m_metrics->setItem(row, VerdictColumn, verdictCell);
    }
    if (!comparison.metrics.isEmpty())
        m_metrics->selectRow(0);
    showMetric(comparison.metrics.isEmpty() ? -1 : 0);
}

void CompareRunsDialog::showMetric(int row)
{
    if (row < 0 || row >= m_comparison.metrics.size()) {
        m_items->setRowCount(0);
        return;
    }
    const MetricComparison &metric = m_comparison.metrics[row];
    showDifferences(metric);
    const QList<ComparedItem> &changed = metric.largestChanges;
    const int shown = int(changed.size());
    m_items->setVisible(shown > 0);
    m_itemsEmpty->setVisible(shown == 0);
    m_itemsEmpty->setText(
        tr("No item changed on %1: every paired item has the same score in both runs.").arg(metric.metric));
    m_items->setRowCount(shown);
    const QLocale locale;
    for (int line = 0; line < shown; ++line) {
        const ComparedItem &item = changed[line];
        auto *index = cell(QString::number(item.indexB));
        index->setData(Qt::UserRole, item.indexB);
        index->setData(Qt::UserRole + 1, item.indexA);
        m_items->setItem(line, 0, index);
        auto *question = cell(item.question.simplified(), Qt::AlignLeft | Qt::AlignVCenter);
        question->setToolTip(tr("item %1 of B, %2 of A").arg(item.indexB).arg(item.indexA));
        m_items->setItem(line, 1, question);
        m_items->setItem(line, 2, cell(locale.toString(item.a, 'f', 2)));
        m_items->setItem(line, 3, cell(locale.toString(item.b, 'f', 2)));
        auto *change = cell(signedNumber(item.b - item.a, 2));
        change->setForeground(item.b > item.a ? better() : worse());
        m_items->setItem(line, 4, change);
    }
}

void CompareRunsDialog::showDifferences(const MetricComparison &metric)
{
    // Per-item differences in bins of 0.1 from −1 to 1, gains and losses in their colours.
    constexpr int bins = 20;
    QList<qreal> losses(bins, 0), gains(bins, 0);
    for (const ComparedItem &item : metric.items) {
        const double change = item.b - item.a;
        const int bin = std::clamp(int(std::floor((change + 1.0) / 2.0 * bins)), 0, bins - 1);
        (change < 0 ? losses : gains)[bin] += 1;
    }
    auto *chart = new QChart;
    // Axis numbers in the user's locale (0,5 in German), as the tables show them.
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true);
    chart->setTheme(m_dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setTitle(
        tr("%1: per-item change B − A (mean %2)").arg(metric.metric, signedNumber(metric.difference.meanDifference)));
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setVisible(false);
    auto *lossSet = new QBarSet(tr("worse"));
    lossSet->append(losses);
    lossSet->setColor(worse());
    auto *gainSet = new QBarSet(tr("better or same"));
    gainSet->append(gains);
    gainSet->setColor(better());
    auto *series = new QBarSeries;
    series->append(lossSet);
    series->append(gainSet);
    series->setBarWidth(1.8); // two sets side by side: together they fill their bin
    chart->addSeries(series);
    // The bins are categories; the change they stand for reads from a value axis under them (twenty
    // category labels would be elided to "…").
    auto *axisX = new QBarCategoryAxis;
    for (int bin = 0; bin < bins; ++bin)
        axisX->append(QString(bin + 1, QChar(0x200b)));
    axisX->setLabelsVisible(false);
    axisX->setGridLineVisible(false);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto *changeAxis = new QValueAxis;
    changeAxis->setRange(-1.0, 1.0);
    changeAxis->setTickCount(5);
    changeAxis->setLabelFormat(QStringLiteral("%.1f"));
    changeAxis->setTitleText(tr("change B − A"));
    chart->addAxis(changeAxis, Qt::AlignBottom);
    auto *axisY = new QValueAxis;
    axisY->setLabelFormat(QStringLiteral("%.0f"));
    axisY->setTitleText(tr("items"));
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    QChart *previous = m_chart->chart();
    m_chart->setChart(chart);
    delete previous;
}

void CompareRunsDialog::showResponses(int row)
{
    if (row < 0 || !m_items->item(row, 0))
        return;
    const qint64 indexB = m_items->item(row, 0)->data(Qt::UserRole).toLongLong();
    const qint64 indexA = m_items->item(row, 0)->data(Qt::UserRole + 1).toLongLong();
    const qint64 runA = m_comparison.runA.id;
    const qint64 runB = m_comparison.runB.id;
    m_worker.run<ResponsePair>(
        [runA, runB, indexA, indexB](Workspace &workspace) -> Result<ResponsePair> {
            auto a = ItemDetail::load(workspace, runA, indexA);
            if (!a)
                return a.error();
            auto b = ItemDetail::load(workspace, runB, indexB);
            if (!b)
                return b.error();
            return ResponsePair{std::move(a.value()), std::move(b.value())};
        },
        this,
        [this, indexB](Result<ResponsePair> pair) {
            const int current = m_items->currentRow();
            if (current < 0 || m_items->item(current, 0)->data(Qt::UserRole).toLongLong() != indexB)
                return; // another row was chosen meanwhile
            if (!pair) {
                m_responseA->setPlainText(pair.error().describe());
                m_responseB->clear();
                return;
            }
            const auto show = [](QTextBrowser *view, const QString &side, const ItemDetail &detail) {
                const QString response = detail.result ? detail.result->response : detail.item.response;
                view->setHtml(QStringLiteral("<p><b>%1</b> · %2 · %3</p><p>%4</p>")
                                  .arg(side, ItemDetailHtml::escaped(detail.run.name),
                                       ItemDetailHtml::escaped(detail.run.model), ItemDetailHtml::escaped(response)));
            };
            show(m_responseA, tr("A"), pair.value().a);
            show(m_responseB, tr("B"), pair.value().b);
        });
}

QString CompareRunsDialog::responsesText() const
{
    return m_responseA->toPlainText() + QLatin1Char('\n') + m_responseB->toPlainText();
}
