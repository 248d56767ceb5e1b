#include "ui/edge/reviewpane.h"

#include "core/edge/reviewmanifest.h"
#include "ui/common/backgroundtask.h"
#include "ui/common/sortmenu.h"
#include "ui/edge/inspectionimageview.h"
#include "ui/edge/reviewfilterproxy.h"
#include "ui/edge/reviewqueuemodel.h"
#include "ui/edge/s3imagechooser.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

ReviewPane::ReviewPane(QWidget *parent) : QWidget(parent)
{
    m_model = new ReviewQueueModel(this);
    m_filter = new ReviewFilterProxy(this);
    m_filter->setSourceModel(m_model);
    m_table = new QTableView(this);
    m_table->setTabKeyNavigation(false); // Tab moves on to the next control, as elsewhere
    m_table->setObjectName(QStringLiteral("reviewTable"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    SortMenu::install(m_table);
    m_table->sortByColumn(ReviewQueueModel::Time, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    // Each column as wide as its longest word: "Defective" in bold fits the label column.
    QFont bold = m_table->font();
    bold.setBold(true);
    const QFontMetrics plain(m_table->font()), strong(bold);
    const std::pair<int, QString> widest[] = {{ReviewQueueModel::Time, QStringLiteral("00:00:00.000")},
                                              {ReviewQueueModel::Device, QStringLiteral("vqi-cell-00")},
                                              {ReviewQueueModel::Prediction, QStringLiteral("scratch_defect")},
                                              {ReviewQueueModel::Confidence, tr("Confidence")},
                                              {ReviewQueueModel::Image, tr("inline")}};
    for (const auto &[column, text] : widest)
        m_table->setColumnWidth(column, plain.horizontalAdvance(text) + 24);
    m_table->setColumnWidth(
        ReviewQueueModel::Label,
        std::max(strong.horizontalAdvance(ReviewQueueModel::labelText(ReviewItem::Label::Defective)),
                 plain.horizontalAdvance(tr("Your label")))
            + 24);
    m_device = new QComboBox(this);
    m_device->setObjectName(QStringLiteral("reviewDevice"));
    m_device->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_device->addItem(tr("All devices"), QString());
    m_prediction = new QComboBox(this);
    m_prediction->setObjectName(QStringLiteral("reviewPrediction"));
    m_prediction->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_prediction->addItem(tr("Any prediction"), QString());
    connect(m_device, &QComboBox::currentIndexChanged, this,
            [this]() { m_filter->setDevice(m_device->currentData().toString()); });
    connect(m_prediction, &QComboBox::currentIndexChanged, this,
            [this]() { m_filter->setPrediction(m_prediction->currentData().toString()); });
    m_image = new InspectionImageView(this);
    // Devices name their images by path; only files inside the folder chosen here are read.
    m_image->setImageFolder(QSettings().value(QStringLiteral("edge/imageFolder")).toString());
    m_folder = new QPushButton(tr("Images folder…"), this);
    showImageFolder();
    connect(m_folder, &QPushButton::clicked, this, &ReviewPane::chooseImageFolder);

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

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_filters = new QHBoxLayout;
    m_filters->addWidget(m_device);
    m_filters->addWidget(m_prediction);
    m_filters->addStretch(1);
    m_filters->addWidget(m_folder);
    leftLayout->addLayout(m_filters);
    leftLayout->addWidget(m_table, 1);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
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
    for (const InspectionResult &inspection : candidates)
        addChoices(inspection);
    if (currentRow() < 0 && m_filter->rowCount() > 0)
        m_table->setCurrentIndex(m_filter->index(0, 0));
}

void ReviewPane::chooseImageFolder()
{
    const QString folder
        = QFileDialog::getExistingDirectory(this, tr("Folder of the devices' local images"), m_image->imageFolder());
    if (folder.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("edge/imageFolder"), folder);
    m_image->setImageFolder(folder);
    showImageFolder();
    showCurrent();
}

void ReviewPane::showImageFolder()
{
    const QString folder = m_image->imageFolder();
    m_folder->setToolTip(folder.isEmpty() ? tr("Choose the folder local images are read from; none is read elsewhere")
                                          : tr("Local images are read from %1 only").arg(folder));
}

void ReviewPane::useS3Chooser(S3ImageChooser *chooser)
{
    m_filters->addWidget(chooser);
    connect(chooser, &S3ImageChooser::readerChanged, this, [this](S3ObjectReader *reader) {
        m_image->setS3Reader(reader);
        showCurrent(); // the image on screen, now from S3
    });
    connect(chooser, &S3ImageChooser::problem, this, &ReviewPane::statusMessage);
}

void ReviewPane::restore(const QList<ReviewItem> &labelled)
{
    m_model->restore(labelled);
    for (const ReviewItem &item : labelled)
        addChoices(item.inspection);
    updateSummary();
}

void ReviewPane::addChoices(const InspectionResult &inspection)
{
    addChoice(m_device, inspection.deviceId);
    addChoice(m_prediction, inspection.prediction);
}

QModelIndex ReviewPane::firstUnlabelledShown(int from, int count) const
{
    const int shown = m_filter->rowCount();
    for (int step = 0; shown > 0 && step < count; ++step) {
        const QModelIndex candidate = m_filter->index((from + step) % shown, 0);
        if (m_model->item(m_filter->mapToSource(candidate).row()).label == ReviewItem::Label::None)
            return candidate;
    }
    return {};
}

void ReviewPane::addChoice(QComboBox *box, const QString &value)
{
    // Kept in order after the "all" entry; a queue sees a few devices and classes, not thousands.
    // A set answers "listed already?" for each of a flood's candidates (the box's findData took
    // milliseconds per update).
    if (value.isEmpty())
        return;
    QSet<QString> &offered = m_offered[box];
    if (offered.contains(value))
        return;
    offered.insert(value);
    int position = 1;
    while (position < box->count() && box->itemData(position).toString() < value)
        ++position;
    box->insertItem(position, value, value);
}

void ReviewPane::selectRow(int row)
{
    QModelIndex shown = m_filter->mapFromSource(m_model->index(row, 0));
    if (!shown.isValid() && row >= 0 && row < m_model->rowCount()) {
        m_device->setCurrentIndex(0);
        m_prediction->setCurrentIndex(0);
        shown = m_filter->mapFromSource(m_model->index(row, 0));
    }
    m_table->setCurrentIndex(shown);
}

int ReviewPane::currentRow() const
{
    const QModelIndex current = m_filter->mapToSource(m_table->currentIndex());
    return current.isValid() ? current.row() : -1;
}

void ReviewPane::followDevice(const QString &device)
{
    addChoice(m_device, device);
    m_device->setCurrentIndex(std::max(0, device.isEmpty() ? 0 : m_device->findData(device)));
    if (!m_table->currentIndex().isValid() && m_filter->rowCount() > 0)
        m_table->setCurrentIndex(m_filter->index(0, 0));
}

void ReviewPane::reviewDevice(const QString &device)
{
    followDevice(device);
    m_table->sortByColumn(ReviewQueueModel::Confidence, Qt::AscendingOrder);
    if (const QModelIndex first = firstUnlabelledShown(0, m_filter->rowCount()); first.isValid()) {
        m_table->setCurrentIndex(first);
        m_table->scrollTo(first);
    }
    m_table->setFocus();
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
    emit labelGiven(m_model->item(row));
    updateSummary();
    // On to the next unlabelled row in the order and filter the reviewer is looking at.
    const QModelIndex next = firstUnlabelledShown(m_table->currentIndex().row() + 1, m_filter->rowCount() - 1);
    if (next.isValid())
        m_table->setCurrentIndex(next);
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
