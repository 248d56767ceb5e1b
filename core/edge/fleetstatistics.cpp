#include "core/edge/fleetstatistics.h"

#include <QJsonArray>

#include <algorithm>

namespace {
constexpr int sampleBytes = 2048;

QString alertKey(const QString &deviceId, EdgeAlert::Kind kind)
{
    return deviceId + QLatin1Char('\n') + EdgeAlert::kindName(kind);
}
} // namespace

FleetStatistics::FleetStatistics(AlertRules rules) : m_rules(rules)
{ }

void FleetStatistics::add(const InspectionResult &result)
{
    ++m_valid;
    auto it = m_devices.find(result.deviceId);
    if (it == m_devices.end())
        it = m_devices.insert(result.deviceId, DeviceStatistics(result.deviceId, m_rules));
    it->add(result);
}

void FleetStatistics::addMalformed(const QString &reason, const QString &detail, const QByteArray &payload,
                                   qint64 receivedAtMs)
{
    ++m_malformed;
    ++m_malformedReasons[reason];
    m_malformedSamples.insert(reason, MalformedSample{detail, payload.left(sampleBytes), receivedAtMs});
}

void FleetStatistics::setAlert(const DeviceSnapshot &device, EdgeAlert::Kind kind, bool condition, double value,
                               double threshold, qint64 nowMs, QList<EdgeAlert> &changes)
{
    const QString key = alertKey(device.deviceId, kind);
    const auto active = m_activeAlertIndex.constFind(key);
    if (condition && active == m_activeAlertIndex.cend()) {
        m_alerts.append(EdgeAlert{device.deviceId, kind, value, threshold, nowMs, 0});
        m_activeAlertIndex.insert(key, int(m_alerts.size() - 1));
        changes.append(m_alerts.last());
    } else if (!condition && active != m_activeAlertIndex.cend()) {
        EdgeAlert &alert = m_alerts[*active];
        alert.clearedAtMs = nowMs;
        changes.append(alert);
        m_activeAlertIndex.erase(active);
    }
}

QList<DeviceSnapshot> FleetStatistics::deviceSnapshots(qint64 nowMs) const
{
    QList<DeviceSnapshot> devices;
    devices.reserve(m_devices.size());
    for (const DeviceStatistics &statistics : m_devices)
        devices.append(statistics.snapshot(nowMs));
    return devices;
}

QList<EdgeAlert> FleetStatistics::evaluate(qint64 nowMs)
{
    return evaluate(deviceSnapshots(nowMs), nowMs);
}

FleetSnapshot FleetStatistics::snapshot(qint64 nowMs) const
{
    return snapshot(deviceSnapshots(nowMs), nowMs);
}

FleetSnapshot FleetStatistics::update(qint64 nowMs, QList<EdgeAlert> &changes)
{
    const QList<DeviceSnapshot> devices = deviceSnapshots(nowMs);
    changes = evaluate(devices, nowMs);
    return snapshot(devices, nowMs);
}

QList<EdgeAlert> FleetStatistics::evaluate(const QList<DeviceSnapshot> &devices, qint64 nowMs)
{
    QList<EdgeAlert> changes;
    for (const DeviceSnapshot &device : devices) {
        const bool judged = device.windowMessages >= m_rules.minimumWindowMessages;
        setAlert(device, EdgeAlert::Kind::DefectRate, judged && device.windowDefectRate > m_rules.defectRateAbove,
                 device.windowDefectRate, m_rules.defectRateAbove, nowMs, changes);
        setAlert(device, EdgeAlert::Kind::LowConfidence,
                 judged && device.windowMeanConfidence < m_rules.meanConfidenceBelow, device.windowMeanConfidence,
                 m_rules.meanConfidenceBelow, nowMs, changes);
        // Over the window too: a device whose inference recovered loses its alert.
        setAlert(device, EdgeAlert::Kind::Latency, judged && device.p95LatencyMs > m_rules.p95LatencyAbove,
                 device.p95LatencyMs, m_rules.p95LatencyAbove, nowMs, changes);
        const double silentSeconds = double(nowMs - device.lastSeenMs) / 1000.0;
        setAlert(device, EdgeAlert::Kind::Silent, silentSeconds > m_rules.silentSeconds, silentSeconds,
                 m_rules.silentSeconds, nowMs, changes);
    }
    return changes;
}

FleetSnapshot FleetStatistics::snapshot(QList<DeviceSnapshot> devices, qint64 nowMs) const
{
    FleetSnapshot snapshot;
    snapshot.atMs = nowMs;
    snapshot.messages = messages();
    snapshot.valid = m_valid;
    snapshot.malformed = m_malformed;
    snapshot.malformedReasons = m_malformedReasons;
    snapshot.malformedSamples = m_malformedSamples;
    for (DeviceSnapshot &device : devices) {
        for (EdgeAlert::Kind kind : {EdgeAlert::Kind::DefectRate, EdgeAlert::Kind::LowConfidence,
                                     EdgeAlert::Kind::Latency, EdgeAlert::Kind::Silent}) {
            if (m_activeAlertIndex.contains(alertKey(device.deviceId, kind)))
                ++device.activeAlerts;
        }
        if (!device.online)
            device.health = DeviceSnapshot::Health::Silent;
        else if (device.activeAlerts > 0)
            device.health = DeviceSnapshot::Health::Warning;
        else if (device.confidenceDrift < -m_rules.confidenceDriftBelow)
            device.health = DeviceSnapshot::Health::Drifting;
        else
            device.health = DeviceSnapshot::Health::Healthy;
    }
    snapshot.devices = std::move(devices);
    std::sort(snapshot.devices.begin(), snapshot.devices.end(),
              [](const DeviceSnapshot &a, const DeviceSnapshot &b) { return a.deviceId < b.deviceId; });
    for (const EdgeAlert &alert : m_alerts) {
        if (alert.isActive())
            snapshot.activeAlerts.append(alert);
    }
    return snapshot;
}

QJsonObject FleetStatistics::toJson(qint64 nowMs) const
{
    QJsonObject reasons;
    for (auto it = m_malformedReasons.cbegin(); it != m_malformedReasons.cend(); ++it)
        reasons.insert(it.key(), it.value());
    QJsonObject devices;
    for (const DeviceSnapshot &device : snapshot(nowMs).devices) {
        devices.insert(device.deviceId,
                       QJsonObject{{QStringLiteral("count"), device.messages},
                                   {QStringLiteral("defective"), device.defective},
                                   {QStringLiteral("defect_rate"), device.defectRate},
                                   {QStringLiteral("mean_confidence"), device.meanConfidence},
                                   {QStringLiteral("low_confidence"), device.lowConfidence},
                                   {QStringLiteral("p50_latency_ms"), device.p50LatencyMs},
                                   {QStringLiteral("p95_latency_ms"), device.p95LatencyMs},
                                   {QStringLiteral("confidence_drift"), device.confidenceDrift},
                                   {QStringLiteral("online"), device.online}});
    }
    QJsonArray alerts;
    for (const EdgeAlert &alert : m_alerts)
        alerts.append(alert.toJson());
    return {{QStringLiteral("messages"), messages()},   {QStringLiteral("valid"), m_valid},
            {QStringLiteral("malformed"), m_malformed}, {QStringLiteral("malformed_reasons"), reasons},
            {QStringLiteral("devices"), devices},       {QStringLiteral("alerts"), alerts}};
}
