#include "core/edge/alertrules.h"

QJsonObject AlertRules::toJson() const
{
    return {{QStringLiteral("defect_rate_above"), defectRateAbove},
            {QStringLiteral("window_seconds"), windowSeconds},
            {QStringLiteral("minimum_window_messages"), minimumWindowMessages},
            {QStringLiteral("mean_confidence_below"), meanConfidenceBelow},
            {QStringLiteral("low_confidence_below"), lowConfidenceBelow},
            {QStringLiteral("p95_latency_above_ms"), p95LatencyAbove},
            {QStringLiteral("silent_seconds"), silentSeconds},
            {QStringLiteral("baseline_messages"), baselineMessages},
            {QStringLiteral("confidence_drift_below"), confidenceDriftBelow}};
}

AlertRules AlertRules::fromJson(const QJsonObject &object)
{
    AlertRules rules;
    rules.defectRateAbove = object.value(QStringLiteral("defect_rate_above")).toDouble(rules.defectRateAbove);
    rules.windowSeconds = object.value(QStringLiteral("window_seconds")).toInt(rules.windowSeconds);
    rules.minimumWindowMessages
        = object.value(QStringLiteral("minimum_window_messages")).toInt(rules.minimumWindowMessages);
    rules.meanConfidenceBelow
        = object.value(QStringLiteral("mean_confidence_below")).toDouble(rules.meanConfidenceBelow);
    rules.lowConfidenceBelow = object.value(QStringLiteral("low_confidence_below")).toDouble(rules.lowConfidenceBelow);
    rules.p95LatencyAbove = object.value(QStringLiteral("p95_latency_above_ms")).toDouble(rules.p95LatencyAbove);
    rules.silentSeconds = object.value(QStringLiteral("silent_seconds")).toInt(rules.silentSeconds);
    rules.baselineMessages = object.value(QStringLiteral("baseline_messages")).toInt(rules.baselineMessages);
    rules.confidenceDriftBelow
        = object.value(QStringLiteral("confidence_drift_below")).toDouble(rules.confidenceDriftBelow);
    return rules;
}
