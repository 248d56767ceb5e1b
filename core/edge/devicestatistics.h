#pragma once

#include "core/edge/alertrules.h"
#include "core/edge/devicesnapshot.h"
#include "core/edge/inspectionresult.h"

#include <vector>

// The running figures of one device, in constant memory: totals, and a ring of one-second buckets
// for the sliding window (defect rate, confidence, latency quantiles) and the message rate. Each
// bucket keeps at most `latenciesPerBucket` latencies, drawn at random from those it saw, and a
// quantile weighs each kept latency by the share of the bucket's messages it stands for: exact
// while a device sends at most that many a second. A silent device's window is its last one, so
// its figures (and the alerts they raise) stay as they were when it went quiet.
class DeviceStatistics
{
public:
    DeviceStatistics(QString deviceId, const AlertRules &rules);

    void add(const InspectionResult &result);
    DeviceSnapshot snapshot(qint64 nowMs) const;

    const QString &deviceId() const { return m_deviceId; }
    qint64 lastSeenMs() const { return m_lastSeenMs; }

private:
    static constexpr int latenciesPerBucket = 128;

    struct Bucket
    {
        qint64 second = -1;
        qint64 messages = 0;
        qint64 defective = 0;
        double confidenceSum = 0;
        std::vector<float> latencies; // a reservoir of at most latenciesPerBucket
    };

    Bucket &bucketFor(qint64 second);
    void keepLatency(Bucket &bucket, double latencyMs);
    // p50 and p95 of the buckets of the window ending at `lastSecond`.
    void windowLatencies(qint64 lastSecond, DeviceSnapshot &snapshot) const;

    QString m_deviceId;
    double m_lowConfidenceBelow;
    int m_windowSeconds;
    int m_silentSeconds;
    int m_baselineMessages;
    qint64 m_messages = 0;
    qint64 m_defective = 0;
    qint64 m_lowConfidence = 0;
    double m_confidenceSum = 0;
    double m_baselineSum = 0;
    qint64 m_baselineCount = 0;
    qint64 m_firstSeenMs = 0;
    qint64 m_lastSeenMs = 0;
    quint32 m_random = 2463534242u; // xorshift state for the reservoirs
    std::vector<Bucket> m_buckets;
};
