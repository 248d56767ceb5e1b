#pragma once

#include "core/common/ringbuffer.h"
#include "core/edge/inspectionresult.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

// One row of the event log, in what it shows and no more: device, prediction and defect type are
// indexes into the model's table of names (a fleet has a handful of each), the image is its URI
// in UTF-8 or a flag for an inline one (whose bytes the log does not keep). About a tenth of an
// InspectionResult, so a full log of 50,000 holds a running demo's memory steady.
struct EventRecord
{
    qint64 timestampMs = 0;
    float confidence = 0;
    float latencyMs = 0;
    quint32 device = 0;
    quint32 prediction = 0;
    quint32 defectType = 0;
    bool defective = false;
    bool inlineImage = false;
    QByteArray imageUri;
};

// The newest inspections in a ring of compact records (oldest leave first), for a virtualized
// view: no widget per row, rows added in one insert per update. Paused, it holds new inspections
// aside (in a ring of the same size) and adds them on resume.
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Device, Prediction, Confidence, Latency, DefectType, Image, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int capacity = 50000;

    explicit EventLogModel(QObject *parent = nullptr);

    void append(const QList<InspectionResult> &events);
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    qint64 heldWhilePaused() const { return qint64(m_held.size()); }
    void clear();
    const EventRecord &record(int row) const { return m_events[std::size_t(row)]; }
    // A record's device, prediction or defect type.
    const QString &name(quint32 index) const { return m_names[qsizetype(index)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void insert(std::vector<EventRecord> incoming);
    EventRecord compact(const InspectionResult &event);
    quint32 intern(const QString &name);

    RingBuffer<EventRecord> m_events{capacity};
    RingBuffer<EventRecord> m_held{capacity};
    QStringList m_names{QString()}; // index 0: none
    QHash<QString, quint32> m_nameIndex;
    bool m_paused = false;
};
