#pragma once

#include "core/edge/inspectionresult.h"

#include <QAbstractTableModel>

#include <deque>

// The newest inspections, capped (oldest leave first), for a virtualized view: no widget per row,
// rows added in one insert per update. Paused, it holds new inspections aside (capped as well)
// and adds them on resume.
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
    const InspectionResult &event(int row) const { return m_events[std::size_t(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void insert(std::deque<InspectionResult> &incoming);

    std::deque<InspectionResult> m_events;
    std::deque<InspectionResult> m_held;
    bool m_paused = false;
};
