#pragma once

#include "core/edge/alertrules.h"
#include "core/edge/fleetchartdata.h"
#include "core/edge/fleetsnapshot.h"

#include <deque>
#include <utility>

// Keeps the last minute of fleet snapshots as the charts' series and makes a FleetChartData from
// them, on the thread the snapshots are made on (the Edge panel's monitor thread).
class FleetChartSeries
{
public:
    static constexpr int historySeconds = 60;
    // The rate is read over the last second of updates, so it does not jitter with each batch.
    static constexpr qint64 rateSpanMs = 1000;

    void add(const FleetSnapshot &fleet);
    FleetChartData data(const AlertRules &rules) const;
    void clear();

    // The next "nice" number (1, 2 or 5 times a power of ten) at or above `value`: an axis whose
    // range follows the data exactly re-lays the whole chart out on every repaint; this one
    // changes rarely.
    static double niceCeiling(double value);

private:
    using Samples = std::deque<std::pair<qint64, qint64>>; // (at, count)
    static double rateOver(const Samples &samples);

    Samples m_totals;
    Samples m_malformed;
    std::deque<QPointF> m_ratePoints; // x in seconds since the epoch
    std::deque<QPointF> m_malformedPoints;
    FleetSnapshot m_latest;
};
