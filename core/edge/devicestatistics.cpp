#include "core/edge/devicestatistics.h"

#include <algorithm>

namespace {
// The message rate is read over the last few whole seconds, so it does not jump with every batch.
constexpr int rateSeconds = 3;
} // namespace

DeviceStatistics::DeviceStatistics(QString deviceId, const AlertRules &rules)
    : m_deviceId(std::move(deviceId)), m_lowConfidenceBelow(rules.lowConfidenceBelow),
      m_windowSeconds(std::max(1, rules.windowSeconds)), m_baselineMessages(std::max(1, rules.baselineMessages)),
      m_buckets(std::size_t(std::max(m_windowSeconds, rateSeconds) + 2))
{ }

DeviceStatistics::Bucket &DeviceStatistics::bucketFor(qint64 second)
{
    Bucket &bucket = m_buckets[std::size_t(second % qint64(m_buckets.size()))];
    if (bucket.second != second)
        bucket = Bucket{second, 0, 0, 0};
    return bucket;
}

void DeviceStatistics::add(const InspectionResult &result)
{
    ++m_messages;
    if (result.defective)
        ++m_defective;
    if (result.confidence < m_lowConfidenceBelow)
        ++m_lowConfidence;
    m_confidenceSum += result.confidence;
    if (m_baselineCount < m_baselineMessages) {
        m_baselineSum += result.confidence;
        ++m_baselineCount;
    }
    m_latencyMedian.add(result.latencyMs);
    m_latency95.add(result.latencyMs);
    if (m_firstSeenMs == 0)
        m_firstSeenMs = result.receivedAtMs;
    m_lastSeenMs = std::max(m_lastSeenMs, result.receivedAtMs);

    Bucket &bucket = bucketFor(result.receivedAtMs / 1000);
    ++bucket.messages;
    if (result.defective)
        ++bucket.defective;
    bucket.confidenceSum += result.confidence;
}

DeviceSnapshot DeviceStatistics::snapshot(qint64 nowMs) const
{
    DeviceSnapshot snapshot;
    snapshot.deviceId = m_deviceId;
    snapshot.messages = m_messages;
    snapshot.defective = m_defective;
    snapshot.lowConfidence = m_lowConfidence;
    if (m_messages > 0) {
        snapshot.defectRate = double(m_defective) / double(m_messages);
        snapshot.meanConfidence = m_confidenceSum / double(m_messages);
    }
    snapshot.baselineConfidence = m_baselineCount ? m_baselineSum / double(m_baselineCount) : 0;
    snapshot.p50LatencyMs = m_latencyMedian.value();
    snapshot.p95LatencyMs = m_latency95.value();
    snapshot.lastSeenMs = m_lastSeenMs;

    const qint64 nowSecond = nowMs / 1000;
    qint64 windowDefective = 0, rateMessages = 0;
    double windowConfidence = 0;
    for (const Bucket &bucket : m_buckets) {
        if (bucket.second < 0 || bucket.second > nowSecond)
            continue;
        const qint64 age = nowSecond - bucket.second;
        if (age < m_windowSeconds) {
            snapshot.windowMessages += bucket.messages;
            windowDefective += bucket.defective;
            windowConfidence += bucket.confidenceSum;
        }
        if (age >= 1 && age <= rateSeconds)
            rateMessages += bucket.messages;
    }
    if (snapshot.windowMessages > 0) {
        snapshot.windowDefectRate = double(windowDefective) / double(snapshot.windowMessages);
        snapshot.windowMeanConfidence = windowConfidence / double(snapshot.windowMessages);
        // Drift means something only once the baseline is complete.
        if (m_baselineCount >= m_baselineMessages)
            snapshot.confidenceDrift = snapshot.windowMeanConfidence - snapshot.baselineConfidence;
    }
    // A device seen for less than the rate span is measured over the time it has been seen.
    const double seenSeconds = double(nowSecond - m_firstSeenMs / 1000);
    const double span = std::clamp(seenSeconds, 1.0, double(rateSeconds));
    snapshot.messagesPerSecond = double(rateMessages) / span;
    return snapshot;
}
