#include "core/edge/devicestatistics.h"

#include <algorithm>
#include <cmath>

namespace {
// The message rate is read over the last few whole seconds, so it does not jump with every batch.
constexpr int rateSeconds = 3;

// The nearest rank on the (n − 1) grid of `values` weighted by how many messages each stands for
// (with every weight 1, values[lround(p · (n − 1))] of the sorted values).
double weightedQuantile(const std::vector<std::pair<float, double>> &sorted, double total, double probability)
{
    const double target = std::round(probability * (total - 1));
    double covered = 0;
    for (const auto &[value, weight] : sorted) {
        covered += weight;
        if (covered > target + 1e-9)
            return value;
    }
    return sorted.empty() ? 0 : sorted.back().first;
}
} // namespace

DeviceStatistics::DeviceStatistics(QString deviceId, const AlertRules &rules)
    : m_deviceId(std::move(deviceId)), m_lowConfidenceBelow(rules.lowConfidenceBelow),
      m_windowSeconds(std::max(1, rules.windowSeconds)), m_silentSeconds(std::max(1, rules.silentSeconds)),
      m_baselineMessages(std::max(1, rules.baselineMessages)),
      m_buckets(std::size_t(std::max(m_windowSeconds, rateSeconds) + 2))
{ }

DeviceStatistics::Bucket &DeviceStatistics::bucketFor(qint64 second)
{
    Bucket &bucket = m_buckets[std::size_t(second % qint64(m_buckets.size()))];
    if (bucket.second != second) {
        bucket.second = second;
        bucket.messages = bucket.defective = 0;
        bucket.confidenceSum = 0;
        bucket.latencies.clear(); // keeps its capacity: a steady device allocates once
    }
    return bucket;
}

void DeviceStatistics::keepLatency(Bucket &bucket, double latencyMs)
{
    if (bucket.latencies.size() < std::size_t(latenciesPerBucket)) {
        bucket.latencies.push_back(float(latencyMs));
        return;
    }
    // Reservoir sampling: the n-th latency replaces a kept one with probability capacity / n.
    m_random ^= m_random << 13;
    m_random ^= m_random >> 17;
    m_random ^= m_random << 5;
    const qint64 slot = qint64(m_random % quint32(bucket.messages));
    if (slot < latenciesPerBucket)
        bucket.latencies[std::size_t(slot)] = float(latencyMs);
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
    if (m_firstSeenMs == 0)
        m_firstSeenMs = result.receivedAtMs;
    m_lastSeenMs = std::max(m_lastSeenMs, result.receivedAtMs);

    Bucket &bucket = bucketFor(result.receivedAtMs / 1000);
    ++bucket.messages;
    if (result.defective)
        ++bucket.defective;
    bucket.confidenceSum += result.confidence;
    keepLatency(bucket, result.latencyMs);
}

void DeviceStatistics::windowLatencies(qint64 lastSecond, DeviceSnapshot &snapshot) const
{
    std::vector<std::pair<float, double>> weighted;
    double total = 0;
    for (const Bucket &bucket : m_buckets) {
        if (bucket.second < 0 || bucket.second > lastSecond || lastSecond - bucket.second >= m_windowSeconds
            || bucket.latencies.empty())
            continue;
        const double weight = double(bucket.messages) / double(bucket.latencies.size());
        for (float latency : bucket.latencies)
            weighted.emplace_back(latency, weight);
        total += double(bucket.messages);
    }
    std::sort(weighted.begin(), weighted.end());
    snapshot.p50LatencyMs = weightedQuantile(weighted, total, 0.5);
    snapshot.p95LatencyMs = weightedQuantile(weighted, total, 0.95);
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
    snapshot.lastSeenMs = m_lastSeenMs;
    snapshot.silentForMs = m_messages > 0 ? std::max<qint64>(0, nowMs - m_lastSeenMs) : 0;
    snapshot.online = snapshot.silentForMs <= qint64(m_silentSeconds) * 1000;

    // A silent device is judged on the window that ended with its last message.
    const qint64 nowSecond = nowMs / 1000;
    const qint64 windowEnd = snapshot.online ? nowSecond : m_lastSeenMs / 1000;
    qint64 windowDefective = 0, rateMessages = 0;
    double windowConfidence = 0;
    for (const Bucket &bucket : m_buckets) {
        if (bucket.second < 0 || bucket.second > nowSecond)
            continue;
        if (bucket.second <= windowEnd && windowEnd - bucket.second < m_windowSeconds) {
            snapshot.windowMessages += bucket.messages;
            windowDefective += bucket.defective;
            windowConfidence += bucket.confidenceSum;
        }
        const qint64 age = nowSecond - bucket.second;
        if (age >= 1 && age <= rateSeconds)
            rateMessages += bucket.messages;
    }
    windowLatencies(windowEnd, snapshot);
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
