#include "ui/eval/itemspane.h"

#include "core/eval/itemdetail.h"
#include "core/storage/workspaceworker.h"
#include "ui/common/sortmenu.h"
#include "ui/eval/itemdetailhtml.h"
#include "ui/eval/resultfilterproxy.h"
#include "ui/eval/resulttablemodel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

ItemsPane::ItemsPane(WorkspaceWorker &worker, QWidget *parent)
    : QSplitter(Qt::Horizontal, parent), m_worker(worker), m_results(new ResultTableModel(this)),
      m_filter(new ResultFilterProxy(this))
{
    m_filter->setSourceModel(m_results);
    m_filterMetric = new QComboBox(this);
    m_belowThreshold = new QCheckBox(tr("Below threshold"), this);
    m_errorsOnly = new QCheckBox(tr("Errors"), this);
    m_unstableOnly = new QCheckBox(tr("Unstable"), this);
    m_unstableOnly->setToolTip(tr("Items whose repeated scores fall on both sides of a threshold"));
    m_unstableOnly->hide();
    m_intervenedOnly = new QCheckBox(tr("Guardrail intervened"), this);
    m_intervenedOnly->setToolTip(tr("Items the run's guardrail blocked or masked"));
    m_intervenedOnly->hide();
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search questions and responses (%1)")
                                     .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    m_search->setClearButtonEnabled(true);
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    // On the whole page, not only while the table has the focus.
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, m_search, qOverload<>(&QWidget::setFocus));
    parent->addAction(find);
    for (QCheckBox *box : {m_belowThreshold, m_errorsOnly, m_unstableOnly, m_intervenedOnly})
        connect(box, &QCheckBox::toggled, this, &ItemsPane::filtersChanged);
    connect(m_filterMetric, &QComboBox::currentIndexChanged, this, &ItemsPane::filtersChanged);
    connect(m_search, &QLineEdit::textChanged, this, &ItemsPane::filtersChanged);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_belowThreshold);
    filters->addWidget(m_filterMetric);
    filters->addWidget(m_errorsOnly);
    filters->addWidget(m_unstableOnly);
    filters->addWidget(m_intervenedOnly);
    filters->addWidget(m_search, 1);

    m_itemTable = new QTableView(this);

    m_itemTable->setTabKeyNavigation(false); // Tab moves on to the next control, as elsewhere
    m_itemTable->setModel(m_filter);
    m_itemTable->setSortingEnabled(true);
    SortMenu::install(m_itemTable);
    m_itemTable->sortByColumn(ResultTableModel::IndexColumn, Qt::AscendingOrder);
    m_itemTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_itemTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_itemTable->verticalHeader()->hide();
    m_itemTable->verticalHeader()->setDefaultSectionSize(m_itemTable->fontMetrics().height() + 6);
    m_itemTable->setWordWrap(false);
    m_itemTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_itemTable->horizontalHeader()->setDefaultSectionSize(130);
    connect(m_itemTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ItemsPane::showDetail);
    m_detail = new QTextBrowser(this);
    m_detail->setPlaceholderText(
        tr("Select an item to read its question, scores with their explanations, response, contexts and reference."));
    auto *popOut = new QToolButton(this);
    popOut->setObjectName(QStringLiteral("popOutButton"));
    popOut->setText(tr("Open in a window"));
    popOut->setToolTip(tr("Read the chosen item in a window of its own, as large as you like; it follows the "
                          "item chosen here"));
    connect(popOut, &QToolButton::clicked, this, &ItemsPane::popOut);
    m_footer = new QLabel(this);
    m_footer->setWordWrap(true);
    m_footer->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *itemsBox = new QWidget(this);
    auto *itemsLayout = new QVBoxLayout(itemsBox);
    itemsLayout->setContentsMargins(0, 0, 0, 0);
    itemsLayout->addLayout(filters);
    itemsLayout->addWidget(m_itemTable, 1);
    itemsLayout->addWidget(m_footer);
    auto *detailBox = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailBox);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    auto *detailBar = new QHBoxLayout;
    detailBar->addStretch();
    detailBar->addWidget(popOut);
    detailLayout->addLayout(detailBar);
    detailLayout->addWidget(m_detail, 1);
    addWidget(itemsBox);
    addWidget(detailBox);
    setStretchFactor(0, 3);
    setStretchFactor(1, 2);
    setSizes({650, 350}); // the detail gets room to read in; the splitter scales these to the window
}

void ItemsPane::setTable(RunTable table)
{
    const bool repeated = table.run.settings.isRepeated();
    m_unstableOnly->setVisible(repeated);
    if (!repeated)
        m_unstableOnly->setChecked(false);
    const bool guarded = table.run.settings.isGuarded();
    m_intervenedOnly->setVisible(guarded);
    if (!guarded)
        m_intervenedOnly->setChecked(false);
    {
        const QSignalBlocker blocker(m_filterMetric);
        m_filterMetric->clear();
        m_filterMetric->addItem(tr("any metric"), QString());
        for (const QString &metric : table.metrics)
            m_filterMetric->addItem(metric, metric);
    }
    m_results->setTable(std::move(table));
    // Numbers and short words take the width they need, measured on the header and a sample value
    // rather than on 100,000 rows; question and response share what is left, so every score is on
    // screen without scrolling sideways.
    QHeaderView *header = m_itemTable->horizontalHeader();
    const QFontMetrics metrics(header->font());
    // Margins and a little air; a sorted column's arrow may cut its header short, not its numbers.
    const int padding = 2 * style()->pixelMetric(QStyle::PM_HeaderMargin) + 14;
    const QString widestNumber
        = QString(QString::number(std::max<qint64>(m_results->table().run.itemCount, 100)).size(), QLatin1Char('0'));
    for (int column = 0; column < m_results->columnCount(); ++column) {
        if (column == ResultTableModel::QuestionColumn || column == ResultTableModel::ResponseColumn) {
            header->setSectionResizeMode(column, QHeaderView::Stretch);
            continue;
        }
        // Scores read 0.00; the item number has as many digits as the run has items.
        int width = metrics.horizontalAdvance(column == ResultTableModel::IndexColumn ? widestNumber
                                                                                      : QStringLiteral("0.000"));
        for (const QString &line : m_results->headerData(column, Qt::Horizontal).toString().split(QLatin1Char('\n')))
            width = std::max(width, metrics.horizontalAdvance(line));
        header->setSectionResizeMode(column, QHeaderView::Interactive);
        m_itemTable->setColumnWidth(column, width + padding);
    }
    m_detail->clear();
    ++m_detailRequest; // an item of the previous run may still be on its way
}

void ItemsPane::extendTable(RunTable table)
{
    m_results->extendTable(std::move(table));
}

void ItemsPane::setFigures(const QString &html)
{
    m_footer->setText(html);
}

void ItemsPane::filtersChanged()
{
    RunFilter filter;
    filter.belowThreshold = m_belowThreshold->isChecked();
    filter.metric = m_results->table().metricColumn(m_filterMetric->currentData().toString());
    filter.errorsOnly = m_errorsOnly->isChecked();
    filter.unstableOnly = m_unstableOnly->isChecked();
    filter.intervenedOnly = m_intervenedOnly->isChecked();
    filter.search = m_search->text();
    // The filter resets the table's rows; the chosen item stays chosen where it is still shown.
    const QModelIndex current = m_filter->mapToSource(m_itemTable->currentIndex());
    const qint64 chosen = current.isValid() ? m_results->rowAt(current.row())->index : -1;
    m_filter->setFilter(filter);
    const int row = chosen >= 0 ? m_results->rowOfItem(chosen) : -1;
    if (const QModelIndex shown = m_filter->mapFromSource(m_results->index(std::max(row, 0), 0));
        row >= 0 && shown.isValid()) {
        const QSignalBlocker blocker(m_itemTable->selectionModel()); // the detail shows it already
        m_itemTable->selectionModel()->setCurrentIndex(shown,
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_itemTable->scrollTo(shown);
    }
}

void ItemsPane::openItem(qint64 itemIndex)
{
    const int sourceRow = m_results->rowOfItem(itemIndex);
    if (sourceRow < 0)
        return;
    QModelIndex proxyIndex = m_filter->mapFromSource(m_results->index(sourceRow, 0));
    if (!proxyIndex.isValid()) {
        // The item is hidden by a filter: clear the filters rather than open nothing.
        m_belowThreshold->setChecked(false);
        m_errorsOnly->setChecked(false);
        m_unstableOnly->setChecked(false);
        m_intervenedOnly->setChecked(false);
        m_search->clear();
        proxyIndex = m_filter->mapFromSource(m_results->index(sourceRow, 0));
    }
    m_itemTable->setCurrentIndex(proxyIndex);
    m_itemTable->scrollTo(proxyIndex, QAbstractItemView::PositionAtCenter);
}

QString ItemsPane::detailText() const
{
    return m_detail->toPlainText();
}

QTextBrowser *ItemsPane::popOut()
{
    if (!m_window) {
        auto *window = new QDialog(this, Qt::Window);
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->setWindowTitle(tr("Item — %1").arg(m_results->table().run.name));
        m_window = new QTextBrowser(window);
        auto *layout = new QVBoxLayout(window);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_window);
        window->resize(760, 640);
    }
    m_window->setHtml(m_detail->toHtml());
    m_window->window()->show();
    m_window->window()->raise();
    m_window->window()->activateWindow();
    return m_window;
}

void ItemsPane::showDetail(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const qint64 itemIndex = m_filter->data(proxyIndex, ResultTableModel::ItemIndexRole).toLongLong();
    const qint64 runId = m_results->table().run.id;
    const quint64 request = ++m_detailRequest;
    m_worker.run<ItemDetail>(
        [runId, itemIndex](Workspace &workspace) { return ItemDetail::load(workspace, runId, itemIndex); }, this,
        [this, request](Result<ItemDetail> detail) {
            if (request != m_detailRequest)
                return;
            if (!detail)
                return m_detail->setPlainText(detail.error().describe());
            const std::optional<ItemResult> &result = detail.value().result;
            const QString html
                = ItemDetailHtml::item(detail.value().item, result,
                                       result ? ItemDetailHtml::scores(*result) : tr("<p><i>Not scored yet.</i></p>"))
                + ItemDetailHtml::labels(detail.value().labels);
            m_detail->setHtml(html);
            if (m_window)
                m_window->setHtml(html);
        });
}
