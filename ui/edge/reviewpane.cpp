#include "ui/edge/reviewpane.h"

#include "core/edge/reviewmanifest.h"
#include "ui/common/backgroundtask.h"
#include "ui/edge/inspectionimageview.h"
#include "ui/edge/reviewqueuemodel.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

ReviewPane::ReviewPane(QWidget *parent) : QWidget(parent)
{
    m_model = new ReviewQueueModel(this);
    m_table = new QTableView(this);
    m_table->setTabKeyNavigation(false); // Tab moves on to the next control, as elsewhere
    m_table->setObjectName(QStringLiteral("reviewTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_image = new InspectionImageView(this);

    auto *good = new QPushButton(tr("&Good"), this);
    auto *defective = new QPushButton(tr("&Defective"), this);
    auto *unsure = new QPushButton(tr("&Unsure"), this);
    good->setToolTip(tr("The part is good: the model was wrong or unsure (G)"));
    defective->setToolTip(tr("The part is defective (D)"));
    unsure->setToolTip(tr("Cannot tell from the image (U)"));
    const std::pair<QPushButton *, int> buttons[] = {{good, int(ReviewItem::Label::Good)},
                                                     {defective, int(ReviewItem::Label::Defective)},
                                                     {unsure, int(ReviewItem::Label::Unsure)}};
    const char keys[] = {'G', 'D', 'U'};
    for (int index = 0; index < 3; ++index) {
        const int labelValue = buttons[index].second;
        connect(buttons[index].first, &QPushButton::clicked, this, [this, labelValue]() { label(labelValue); });
        auto *shortcut = new QShortcut(QKeySequence(QChar::fromLatin1(keys[index])), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, labelValue]() { label(labelValue); });
    }
    m_export = new QPushButton(tr("Export labels…"), this);
    m_export->setToolTip(tr("Write the labelled inspections as a JSONL manifest (image, label, device, timestamp, "
                            "model prediction, confidence), with inline images saved beside it"));
    connect(m_export, &QPushButton::clicked, this, &ReviewPane::chooseExportFile);
    m_summary = new QLabel(this);

    auto *actions = new QHBoxLayout;
    actions->addWidget(good);
    actions->addWidget(defective);
    actions->addWidget(unsure);
    actions->addStretch(1);
    actions->addWidget(m_export);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_image, 1);
    rightLayout->addLayout(actions);
    rightLayout->addWidget(m_summary);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_table);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ReviewPane::showCurrent);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ReviewPane::updateSummary);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ReviewPane::updateSummary);
    updateSummary();
}

void ReviewPane::append(const QList<InspectionResult> &candidates)
{
    m_model->append(candidates);
    if (currentRow() < 0 && m_model->rowCount() > 0)
        selectRow(0);
}

void ReviewPane::selectRow(int row)
{
    m_table->setCurrentIndex(m_model->index(row, 0));
}

int ReviewPane::currentRow() const
{
    return m_table->currentIndex().isValid() ? m_table->currentIndex().row() : -1;
}

void ReviewPane::showCurrent()
{
    const int row = currentRow();
    if (row < 0)
        m_image->clear(tr("Defective and low-confidence inspections arrive here for review."));
    else
        m_image->showInspection(m_model->item(row).inspection);
}

void ReviewPane::label(int labelValue)
{
    const int row = currentRow();
    if (row < 0)
        return;
    m_model->setLabel(row, ReviewItem::Label(labelValue));
    updateSummary();
    const int next = m_model->nextUnlabelled(row);
    if (next >= 0)
        selectRow(next);
}

void ReviewPane::updateSummary()
{
    m_summary->setText(tr("%1 to review · %2 labelled").arg(m_model->rowCount()).arg(m_model->labelledCount()));
    m_export->setEnabled(m_model->labelledCount() > 0);
}

void ReviewPane::chooseExportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export review labels"),
                                                      QDir::home().filePath(QStringLiteral("review-labels.jsonl")),
                                                      tr("JSON Lines (*.jsonl)"));
    if (!path.isEmpty())
        exportManifest(path);
}

void ReviewPane::exportManifest(const QString &path)
{
    // Writing images and the manifest is disk work: a worker thread does it.
    const QList<ReviewItem> items = m_model->items();
    m_export->setEnabled(false);
    BackgroundTask::run(
        this, [items, path]() { return ReviewManifest::write(items, path); },
        [this, path](const Result<ReviewManifest::Written> &written) {
            m_export->setEnabled(true);
            if (!written)
                emit statusMessage(tr("Export failed: %1").arg(written.error().describe()));
            else
                emit statusMessage(tr("Exported %1 labels (%2 images) to %3")
                                       .arg(written.value().items)
                                       .arg(written.value().images)
                                       .arg(path));
        });
}
