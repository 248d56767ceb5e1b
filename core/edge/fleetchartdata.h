#pragma once

#include <QList>
#include <QMetaType>
#include <QPointF>
#include <QStringList>

// What the Edge panel's three charts draw, prepared on the Edge thread with each update: the UI
// thread hands these lists to its series as they are, without a pass over them of its own.
struct FleetChartData
{
    // Messages per second over the last minute; x is seconds before the newest point (≤ 0).
    QList<QPointF> rate;
    QList<QPointF> malformedRate;
    double rateSpanSeconds = 10; // the x axis: from -span to 0
    double rateCeiling = 10; // the y axis: from 0

    // One bar per device, in the fleet snapshot's order.
    QStringList devices;
    QList<double> defectRates; // over the window
    QList<double> p50LatencyMs;
    QList<double> p95LatencyMs;
    QList<bool> silent; // shown greyed, with the figures of the device's last window
    double defectThreshold = 0.3;
    double latencyThreshold = 250;
    double defectCeiling = 0.5;
    double latencyCeiling = 100;
};

Q_DECLARE_METATYPE(FleetChartData)
