#include "core/edge/fleetchartseries.h"

#include <algorithm>
#include <cmath>

double FleetChartSeries::niceCeiling(double value)
{
    if (value <= 0)
        return 1;
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 5.0, 10.0}) {
        if (value <= step * power)
            return step * power;
    }
    return 10 * power;
}

double FleetChartSeries::rateOver(const Samples &samples)
{
    if (samples.size() < 2)
        return 0;
    const auto &[lastAt, lastCount] = samples.back();
    auto first = std::find_if(samples.begin(), samples.end(),
                              [lastAt = lastAt](const auto &sample) { return lastAt - sample.first <= rateSpanMs; });
    if (first == samples.end() || first->first == lastAt)
        first = samples.end() - 2;
    return double(lastCount - first->second) * 1000.0 / double(std::max<qint64>(1, lastAt - first->first));
}

void FleetChartSeries::add(const FleetSnapshot &fleet)
{
    if (!m_totals.empty() && fleet.messages < m_totals.back().second)
        clear(); // the statistics were started again
    m_latest = fleet;
    m_totals.emplace_back(fleet.atMs, fleet.messages);
    m_malformed.emplace_back(fleet.atMs, fleet.malformed);
    while (m_totals.size() > 2 && fleet.atMs - m_totals.front().first > 2 * rateSpanMs) {
        m_totals.pop_front();
        m_malformed.pop_front();
    }
    const double at = double(fleet.atMs) / 1000.0;
    m_ratePoints.emplace_back(at, rateOver(m_totals));
    m_malformedPoints.emplace_back(at, rateOver(m_malformed));
    while (!m_ratePoints.empty() && at - m_ratePoints.front().x() > historySeconds) {
        m_ratePoints.pop_front();
        m_malformedPoints.pop_front();
    }
}

FleetChartData FleetChartSeries::data(const AlertRules &rules) const
{
    FleetChartData data;
    // Seconds before now on the x axis; the newest point at 0.
    const double now = m_ratePoints.empty() ? 0 : m_ratePoints.back().x();
    data.rate.reserve(qsizetype(m_ratePoints.size()));
    data.malformedRate.reserve(qsizetype(m_malformedPoints.size()));
    double highest = 10;
    for (const QPointF &point : m_ratePoints) {
        data.rate.append({point.x() - now, point.y()});
        highest = std::max(highest, point.y());
    }
    for (const QPointF &point : m_malformedPoints)
        data.malformedRate.append({point.x() - now, point.y()});
    // The axis grows with the data up to a minute, so the first seconds are not a sliver at the edge.
    const double span = m_ratePoints.empty() ? 0 : now - m_ratePoints.front().x();
    data.rateSpanSeconds = std::clamp(std::ceil(span / 10) * 10, 10.0, double(historySeconds));
    data.rateCeiling = niceCeiling(highest * 1.1);

    data.defectThreshold = rules.defectRateAbove;
    data.latencyThreshold = rules.p95LatencyAbove;
    double highestDefects = std::max(0.1, rules.defectRateAbove * 1.2);
    double highestLatency = rules.p95LatencyAbove * 1.15;
    const qsizetype count = m_latest.devices.size();
    data.devices.reserve(count);
    data.defectRates.reserve(count);
    data.p50LatencyMs.reserve(count);
    data.p95LatencyMs.reserve(count);
    data.silent.reserve(count);
    for (const DeviceSnapshot &device : m_latest.devices) {
        data.devices << device.deviceId;
        data.defectRates << device.windowDefectRate;
        data.p50LatencyMs << device.p50LatencyMs;
        data.p95LatencyMs << device.p95LatencyMs;
        data.silent << !device.online;
        highestDefects = std::max(highestDefects, device.windowDefectRate * 1.1);
        highestLatency = std::max(highestLatency, device.p95LatencyMs * 1.1);
    }
    data.defectCeiling = std::min(1.0, niceCeiling(highestDefects));
    data.latencyCeiling = niceCeiling(highestLatency);
    return data;
}

void FleetChartSeries::clear()
{
    m_totals.clear();
    m_malformed.clear();
    m_ratePoints.clear();
    m_malformedPoints.clear();
    m_latest = {};
}
