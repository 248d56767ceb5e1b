#include "ui/edge/eventlogmodel.h"

#include "ui/theme.h"

#include <QColor>
#include <QDateTime>

EventLogModel::EventLogModel(QObject *parent) : QAbstractTableModel(parent)
{ }

void EventLogModel::append(const QList<InspectionResult> &events)
{
    if (events.isEmpty())
        return;
    if (m_paused) {
        m_held.insert(m_held.end(), events.begin(), events.end());
        while (m_held.size() > std::size_t(capacity))
            m_held.pop_front();
        return;
    }
    std::deque<InspectionResult> incoming(events.begin(), events.end());
    insert(incoming);
}

void EventLogModel::insert(std::deque<InspectionResult> &incoming)
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
        std::deque<InspectionResult> held;
        held.swap(m_held);
        insert(held);
    }
}

void EventLogModel::clear()
{
    beginResetModel();
    m_events.clear();
    m_held.clear();
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
    const InspectionResult &event = m_events[std::size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time:
            return QDateTime::fromMSecsSinceEpoch(event.timestampMs).toString(QStringLiteral("HH:mm:ss.zzz"));
        case Device:
            return event.deviceId;
        case Prediction:
            return event.prediction;
        case Confidence:
            return QString::number(event.confidence, 'f', 4);
        case Latency:
            return QString::number(event.latencyMs, 'f', 1);
        case DefectType:
            return event.defectType;
        case Image:
            return !event.imageBase64.isEmpty() ? tr("inline") : event.imageUri;
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Time:
            return event.timestampMs;
        case Confidence:
            return event.confidence;
        case Latency:
            return event.latencyMs;
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
