#pragma once

#include "core/common/ringbuffer.h"
#include "core/edge/eventrecord.h"

#include <QAbstractTableModel>

#include <vector>

// The newest inspections in a ring of compact records (oldest leave first), for a virtualized
// view: no widget per row, rows added in one insert per update. The records and their table of
// names come made from the Edge thread; records of an older table (before the monitor was reset)
// are dropped when a new one arrives. Paused, it holds new records aside (in a ring of the same
// size) and adds them on resume.
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Device, Prediction, Confidence, Latency, DefectType, Image, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int capacity = 50000;

    explicit EventLogModel(QObject *parent = nullptr);

    void append(const QList<EventRecord> &events, const EventNames &names);
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    qint64 heldWhilePaused() const { return qint64(m_held.size()); }
    void clear();
    const EventRecord &record(int row) const { return m_events[std::size_t(row)]; }
    // A record's device, prediction or defect type.
    QString name(quint32 index) const { return m_names.names.value(qsizetype(index)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void insert(std::vector<EventRecord> incoming);

    RingBuffer<EventRecord> m_events{capacity};
    RingBuffer<EventRecord> m_held{capacity};
    EventNames m_names;
    bool m_paused = false;
};
