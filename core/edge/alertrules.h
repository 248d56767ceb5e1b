#pragma once

#include <QJsonObject>
#include <QMetaType>

// When a device needs someone's attention. The defaults follow the seed's guidance (a defect rate
// that climbs, a model whose confidence sinks, inference that slows, a device that goes quiet);
// each threshold is configurable in the panel and with `edge listen` flags.
struct AlertRules
{
    double defectRateAbove = 0.30; // over the sliding window
    int windowSeconds = 60;
    int minimumWindowMessages = 20; // fewer than this in the window judges nothing
    double meanConfidenceBelow = 0.75; // over the sliding window
    double lowConfidenceBelow = 0.70; // an inspection below this is "low confidence"
    double p95LatencyAbove = 250; // milliseconds
    int silentSeconds = 15; // no message for this long: offline
    int baselineMessages = 200; // a device's first messages form its confidence baseline
    double confidenceDriftBelow = 0.05; // the window's mean confidence this far under the baseline: drifting

    QJsonObject toJson() const;
    static AlertRules fromJson(const QJsonObject &object);
};

Q_DECLARE_METATYPE(AlertRules)
