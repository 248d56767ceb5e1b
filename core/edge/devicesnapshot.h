#pragma once

#include <QString>

// One device's figures at a moment, copied out of FleetStatistics for the panel and the CLI.
struct DeviceSnapshot
{
    // In the order of attention (the fleet table sorts the worst first): a device whose confidence
    // sank under its own baseline drifts; one with an active alert warns; one that sent nothing for
    // the silence timeout is silent, and shows the figures of its last window.
    enum class Health { Healthy, Drifting, Warning, Silent };

    QString deviceId;
    qint64 messages = 0;
    qint64 defective = 0;
    qint64 lowConfidence = 0;
    double defectRate = 0; // over all messages
    double windowDefectRate = 0; // over the sliding window
    qint64 windowMessages = 0;
    double meanConfidence = 0; // over all messages
    double windowMeanConfidence = 0;
    double baselineConfidence = 0; // mean of the device's first messages
    double confidenceDrift = 0; // window mean minus baseline; negative when the model sinks
    double p50LatencyMs = 0; // over the sliding window
    double p95LatencyMs = 0;
    double messagesPerSecond = 0;
    qint64 lastSeenMs = 0;
    qint64 silentForMs = 0; // since the last message
    bool online = false; // silent for no longer than the silence timeout
    int activeAlerts = 0;
    Health health = Health::Healthy;

    double lowConfidenceRate() const { return messages ? double(lowConfidence) / double(messages) : 0; }
};
