#pragma once

#include "core/edge/alertrules.h"
#include "core/edge/devicesnapshot.h"
#include "core/edge/inspectionresult.h"
#include "core/edge/streamingquantile.h"

#include <vector>

// The running figures of one device, in constant memory: totals, streaming latency quantiles, and
// a ring of one-second buckets for the sliding window and the message rate.
class DeviceStatistics
{
public:
    DeviceStatistics(QString deviceId, const AlertRules &rules);

    void add(const InspectionResult &result);
    DeviceSnapshot snapshot(qint64 nowMs) const;

    const QString &deviceId() const { return m_deviceId; }
    qint64 lastSeenMs() const { return m_lastSeenMs; }

private:
    struct Bucket
    {
        qint64 second = -1;
        qint64 messages = 0;
        qint64 defective = 0;
        double confidenceSum = 0;
    };

    Bucket &bucketFor(qint64 second);

    QString m_deviceId;
    double m_lowConfidenceBelow;
    int m_windowSeconds;
    int m_baselineMessages;
    qint64 m_messages = 0;
    qint64 m_defective = 0;
    qint64 m_lowConfidence = 0;
    double m_confidenceSum = 0;
    double m_baselineSum = 0;
    qint64 m_baselineCount = 0;
    qint64 m_firstSeenMs = 0;
    qint64 m_lastSeenMs = 0;
    StreamingQuantile m_latencyMedian{0.5};
    StreamingQuantile m_latency95{0.95};
    std::vector<Bucket> m_buckets;
};
