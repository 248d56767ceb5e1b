#include "ui/edge/eventlogmodel.h"

#include "ui/theme.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

EventLogModel::EventLogModel(QObject *parent) : QAbstractTableModel(parent)
{ }

quint32 EventLogModel::intern(const QString &name)
{
    if (name.isEmpty())
        return 0;
    const auto found = m_nameIndex.constFind(name);
    if (found != m_nameIndex.constEnd())
        return found.value();
    const auto index = quint32(m_names.size());
    m_names.append(name);
    m_nameIndex.insert(name, index);
    return index;
}

EventRecord EventLogModel::compact(const InspectionResult &event)
{
    EventRecord record;
    record.timestampMs = event.timestampMs;
    record.confidence = float(event.confidence);
    record.latencyMs = float(event.latencyMs);
    record.device = intern(event.deviceId);
    record.prediction = intern(event.prediction);
    record.defectType = intern(event.defectType);
    record.defective = event.defective;
    record.inlineImage = !event.imageBase64.isEmpty();
    if (!record.inlineImage)
        record.imageUri = event.imageUri.toUtf8();
    return record;
}

void EventLogModel::append(const QList<InspectionResult> &events)
{
    if (events.isEmpty())
        return;
    // Only the newest `capacity` can ever be shown: older ones are not even compacted.
    std::deque<EventRecord> incoming;
    for (qsizetype index = std::max<qsizetype>(0, events.size() - capacity); index < events.size(); ++index)
        incoming.push_back(compact(events[index]));
    if (m_paused) {
        std::move(incoming.begin(), incoming.end(), std::back_inserter(m_held));
        while (m_held.size() > std::size_t(capacity))
            m_held.pop_front();
        return;
    }
    insert(incoming);
}

void EventLogModel::insert(std::deque<EventRecord> &incoming)
{
    while (incoming.size() > std::size_t(capacity))
        incoming.pop_front();
    const std::size_t overflow = m_events.size() + incoming.size() > std::size_t(capacity)
        ? m_events.size() + incoming.size() - std::size_t(capacity)
        : 0;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow) - 1);
        m_events.erase(m_events.begin(), m_events.begin() + std::ptrdiff_t(overflow));
        endRemoveRows();
    }
    const int first = int(m_events.size());
    beginInsertRows({}, first, first + int(incoming.size()) - 1);
    std::move(incoming.begin(), incoming.end(), std::back_inserter(m_events));
    endInsertRows();
}

void EventLogModel::setPaused(bool paused)
{
    m_paused = paused;
    if (!paused && !m_held.empty()) {
        std::deque<EventRecord> held;
        held.swap(m_held);
        insert(held);
    }
}

void EventLogModel::clear()
{
    beginResetModel();
    m_events.clear();
    m_held.clear();
    m_names = QStringList{QString()};
    m_nameIndex.clear();
    endResetModel();
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_events.size()))
        return {};
    const EventRecord &event = m_events[std::size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time:
            return QDateTime::fromMSecsSinceEpoch(event.timestampMs).toString(QStringLiteral("HH:mm:ss.zzz"));
        case Device:
            return name(event.device);
        case Prediction:
            return name(event.prediction);
        case Confidence:
            return QLocale().toString(event.confidence, 'f', 4);
        case Latency:
            return QLocale().toString(event.latencyMs, 'f', 1);
        case DefectType:
            return name(event.defectType);
        case Image:
            return event.inlineImage ? tr("inline") : QString::fromUtf8(event.imageUri);
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Time:
            return event.timestampMs;
        case Confidence:
            return double(event.confidence);
        case Latency:
            return double(event.latencyMs);
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Prediction && event.defective)
        return Theme::color(Theme::Role::Bad);
    if (role == Qt::TextAlignmentRole && (index.column() == Confidence || index.column() == Latency))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Device:
        return tr("Device");
    case Prediction:
        return tr("Prediction");
    case Confidence:
        return tr("Confidence");
    case Latency:
        return tr("Latency ms");
    case DefectType:
        return tr("Defect type");
    case Image:
        return tr("Image");
    }
    return {};
}
