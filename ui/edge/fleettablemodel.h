#pragma once

#include "core/edge/devicesnapshot.h"

#include <QAbstractTableModel>

// One row per device, refreshed from each EdgeUpdate: rows are inserted when a device first
// appears and otherwise only change, so the view keeps its selection and scroll position.
class FleetTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Device,
        Status,
        Messages,
        Rate,
        DefectRate,
        WindowDefectRate,
        Confidence,
        Drift,
        LowConfidence,
        LatencyMedian,
        Latency95,
        LastSeen,
        ColumnCount
    };
    // The number to sort by, where the display text is formatted.
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit FleetTableModel(QObject *parent = nullptr);

    void setDevices(const QList<DeviceSnapshot> &devices, qint64 nowMs);
    const QList<DeviceSnapshot> &devices() const { return m_devices; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QColor healthColor(DeviceSnapshot::Health health);
    // "Healthy", "Drifting −0.086", "2 alerts", "Silent for 42 s".
    static QString statusText(const DeviceSnapshot &device);

private:
    QList<DeviceSnapshot> m_devices; // ordered by device id, as the snapshot is
    qint64 m_nowMs = 0;
};
