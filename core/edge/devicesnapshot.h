#pragma once

#include <QString>

// One device's figures at a moment, copied out of FleetStatistics for the panel and the CLI.
struct DeviceSnapshot
{
    enum class Health { Healthy, Warning, Offline };

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
    double p50LatencyMs = 0;
    double p95LatencyMs = 0;
    double messagesPerSecond = 0;
    qint64 lastSeenMs = 0;
    bool online = false;
    int activeAlerts = 0;
    Health health = Health::Healthy;

    double lowConfidenceRate() const { return messages ? double(lowConfidence) / double(messages) : 0; }
};
