#include "ui/edge/reviewqueuemodel.h"

#include "ui/theme.h"

#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QSet>

ReviewQueueModel::ReviewQueueModel(QObject *parent) : QAbstractTableModel(parent)
{ }

QString ReviewQueueModel::labelText(ReviewItem::Label label)
{
    switch (label) {
    case ReviewItem::Label::None:
        return tr("—");
    case ReviewItem::Label::Good:
        return tr("Good");
    case ReviewItem::Label::Defective:
        return tr("Defective");
    case ReviewItem::Label::Unsure:
        return tr("Unsure");
    }
    return {};
}

void ReviewQueueModel::append(const QList<InspectionResult> &incoming)
{
    const QList<InspectionResult> candidates
        = m_items.size() >= capacity ? incoming.mid(std::max<qsizetype>(0, incoming.size() - takenWhenFull)) : incoming;
    if (candidates.isEmpty())
        return;
    // Make room by dropping the oldest unlabelled items, in as few removals as there are runs of
    // them: one removal per row would cost the view a relayout each, hundreds per update.
    qsizetype excess = m_items.size() + candidates.size() - capacity;
    QList<int> doomed;
    for (int row = 0; excess > 0 && row < m_items.size(); ++row) {
        if (m_items[row].label == ReviewItem::Label::None) {
            doomed.append(row);
            --excess;
        }
    }
    while (!doomed.isEmpty()) {
        const int last = doomed.takeLast();
        int first = last;
        while (!doomed.isEmpty() && doomed.last() == first - 1)
            first = doomed.takeLast();
        beginRemoveRows({}, first, last);
        m_items.remove(first, last - first + 1);
        endRemoveRows();
    }
    const qsizetype room = std::max<qsizetype>(0, capacity - m_items.size());
    const qsizetype taken = std::min(room, candidates.size());
    if (taken == 0)
        return;
    beginInsertRows({}, int(m_items.size()), int(m_items.size() + taken - 1));
    for (qsizetype index = candidates.size() - taken; index < candidates.size(); ++index)
        m_items.append(ReviewItem{candidates[index], ReviewItem::Label::None});
    endInsertRows();
}

void ReviewQueueModel::restore(const QList<ReviewItem> &labelled)
{
    QSet<QPair<QString, qint64>> shown;
    for (const ReviewItem &item : std::as_const(m_items))
        shown.insert({item.inspection.deviceId, item.inspection.timestampMs});
    QList<ReviewItem> missing;
    for (const ReviewItem &item : labelled) {
        if (item.label != ReviewItem::Label::None
            && !shown.contains({item.inspection.deviceId, item.inspection.timestampMs}))
            missing << item;
    }
    if (missing.isEmpty())
        return;
    beginInsertRows({}, 0, int(missing.size()) - 1);
    m_items = missing + m_items;
    m_labelled += int(missing.size());
    endInsertRows();
}

void ReviewQueueModel::setLabel(int row, ReviewItem::Label label)
{
    if (row < 0 || row >= m_items.size())
        return;
    ReviewItem &item = m_items[row];
    m_labelled += (label != ReviewItem::Label::None) - (item.label != ReviewItem::Label::None);
    item.label = label;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int ReviewQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int ReviewQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewQueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const ReviewItem &item = m_items[index.row()];
    const InspectionResult &inspection = item.inspection;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time:
            return QDateTime::fromMSecsSinceEpoch(inspection.timestampMs).toString(QStringLiteral("HH:mm:ss.zzz"));
        case Device:
            return inspection.deviceId;
        case Prediction:
            return inspection.prediction;
        case Confidence:
            return QLocale().toString(inspection.confidence, 'f', 3);
        case Image:
            return !inspection.imageBase64.isEmpty() ? tr("inline")
                : inspection.imageUri.isEmpty()      ? tr("none")
                                                     : tr("link");
        case Label:
            return labelText(item.label);
        }
    }
    if (role == SortRole) {
        if (index.column() == Time)
            return inspection.timestampMs;
        if (index.column() == Confidence)
            return inspection.confidence;
        return data(index, Qt::DisplayRole);
    }
    if (role == Qt::TextAlignmentRole && index.column() == Confidence)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == Prediction && inspection.defective)
        return Theme::color(Theme::Role::Bad);
    if (role == Qt::FontRole && index.column() == Label && item.label != ReviewItem::Label::None) {
        QFont font;
        font.setBold(true);
        return font;
    }
    return {};
}

QVariant ReviewQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Device:
        return tr("Device");
    case Prediction:
        return tr("Model says");
    case Confidence:
        return tr("Confidence");
    case Image:
        return tr("Image");
    case Label:
        return tr("Your label");
    }
    return {};
}
