#pragma once

#include "core/edge/alertrules.h"
#include "core/edge/devicestatistics.h"
#include "core/edge/fleetsnapshot.h"

#include <QHash>
#include <QJsonObject>

// Every device's statistics, the malformed-message counts, and the alerts the rules raise and
// clear. Not thread-safe and not a QObject: the EdgeMonitor feeds it on its worker thread and hands
// snapshots to the panel; the CLI feeds it on its main thread.
class FleetStatistics
{
public:
    explicit FleetStatistics(AlertRules rules = {});

    void add(const InspectionResult &result);
    void addMalformed(const QString &reason, const QString &detail, const QByteArray &payload, qint64 receivedAtMs);

    // Applies the alert rules at `nowMs`; returns the alerts raised or cleared by this call.
    QList<EdgeAlert> evaluate(qint64 nowMs);

    FleetSnapshot snapshot(qint64 nowMs) const;
    // evaluate() then snapshot() at `nowMs` with one pass over the devices: what the monitor does on
    // every update (a device's window figures and quantiles are computed once, not twice).
    FleetSnapshot update(qint64 nowMs, QList<EdgeAlert> &changes);
    // The `edge listen` summary (see the CLI contract in issue #6).
    QJsonObject toJson(qint64 nowMs) const;

    qint64 messages() const { return m_valid + m_malformed; }
    qint64 valid() const { return m_valid; }
    qint64 malformed() const { return m_malformed; }
    const AlertRules &rules() const { return m_rules; }
    // Every alert raised so far, in order, the active ones with clearedAtMs 0.
    const QList<EdgeAlert> &alerts() const { return m_alerts; }

private:
    QList<DeviceSnapshot> deviceSnapshots(qint64 nowMs) const;
    QList<EdgeAlert> evaluate(const QList<DeviceSnapshot> &devices, qint64 nowMs);
    FleetSnapshot snapshot(QList<DeviceSnapshot> devices, qint64 nowMs) const;
    void setAlert(const DeviceSnapshot &device, EdgeAlert::Kind kind, bool condition, double value, double threshold,
                  qint64 nowMs, QList<EdgeAlert> &changes);

    AlertRules m_rules;
    QHash<QString, DeviceStatistics> m_devices;
    qint64 m_valid = 0;
    qint64 m_malformed = 0;
    QMap<QString, qint64> m_malformedReasons;
    QMap<QString, MalformedSample> m_malformedSamples;
    QList<EdgeAlert> m_alerts;
    QHash<QString, int> m_activeAlertIndex; // "device\nkind" → index in m_alerts
};
