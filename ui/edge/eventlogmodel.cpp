#include "ui/edge/eventlogmodel.h"

#include "ui/theme.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

EventLogModel::EventLogModel(QObject *parent) : QAbstractTableModel(parent)
{ }

void EventLogModel::append(const QList<EventRecord> &events, const EventNames &names)
{
    if (names.epoch != m_names.epoch) {
        // The monitor started over: what is shown refers to names that are gone.
        beginResetModel();
        m_events.clear();
        m_held.clear();
        endResetModel();
    }
    m_names = names; // a later table of the same epoch only adds names
    if (events.isEmpty())
        return;
    // Only the newest `capacity` can ever be shown.
    const qsizetype from = std::max<qsizetype>(0, events.size() - capacity);
    if (m_paused) {
        for (qsizetype index = from; index < events.size(); ++index)
            m_held.append(events[index]);
        return;
    }
    insert(std::vector<EventRecord>(events.begin() + from, events.end()));
}

void EventLogModel::insert(std::vector<EventRecord> incoming)
{
    const std::size_t skipped = incoming.size() > std::size_t(capacity) ? incoming.size() - capacity : 0;
    const std::size_t count = incoming.size() - skipped;
    if (count == 0)
        return;
    const std::size_t overflow
        = m_events.size() + count > std::size_t(capacity) ? m_events.size() + count - capacity : 0;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow) - 1);
        m_events.dropOldest(overflow);
        endRemoveRows();
    }
    const int first = int(m_events.size());
    beginInsertRows({}, first, first + int(count) - 1);
    for (std::size_t index = skipped; index < incoming.size(); ++index)
        m_events.append(std::move(incoming[index]));
    endInsertRows();
}

void EventLogModel::setPaused(bool paused)
{
    m_paused = paused;
    if (!paused && !m_held.isEmpty()) {
        std::vector<EventRecord> held;
        held.reserve(m_held.size());
        for (std::size_t index = 0; index < m_held.size(); ++index)
            held.push_back(m_held[index]);
        m_held.clear();
        insert(std::move(held));
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
