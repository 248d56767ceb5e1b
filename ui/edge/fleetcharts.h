#pragma once

#include "core/edge/fleetchartdata.h"

#include <QWidget>

#include <initializer_list>

class QBarCategoryAxis;
class QBarSet;
class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;

// The fleet's live charts: messages per second over the last minute, defect rate per device over
// the window against the alert threshold, and p50/p95 latency per device. The series come made
// from the Edge thread (FleetChartSeries); an update only swaps them in, and a 10 Hz timer hands
// what changed to the charts, so a flood of updates never floods the paint queue.
class FleetCharts : public QWidget
{
    Q_OBJECT

public:
    static constexpr int repaintIntervalMs = 100;
    // Bars made for new devices in one repaint, each chart on its own repaint.
    static constexpr int devicesAddedPerRepaint = 10;

    explicit FleetCharts(QWidget *parent = nullptr);

    void show(const FleetChartData &charts);
    void clear();
    int repaintCount() const { return m_repaints; }
    // The devices each bar chart has bars for, in the snapshot's order.
    QStringList defectChartDevices() const { return m_defectCategories; }
    QStringList latencyChartDevices() const { return m_latencyCategories; }

private:
    void repaint();
    void showDevices(const QStringList &devices, QBarCategoryAxis *axis, QStringList &shown,
                     std::initializer_list<QBarSet *> sets);

    QChartView *m_rateView;
    QChartView *m_defectView;
    QChartView *m_latencyView;
    QLineSeries *m_rate;
    QLineSeries *m_malformedRate;
    QValueAxis *m_rateX;
    QValueAxis *m_rateY;
    QBarSet *m_defects;
    QBarSet *m_latencyMedian;
    QBarSet *m_latency95;
    QBarCategoryAxis *m_defectDevices;
    QBarCategoryAxis *m_latencyDevices;
    QValueAxis *m_defectY;
    QValueAxis *m_latencyY;
    QLineSeries *m_defectThreshold;
    QLineSeries *m_latencyThreshold;

    FleetChartData m_latest;
    bool m_dirty = false;
    double m_defectThresholdShown = -1;
    double m_latencyThresholdShown = -1;
    QStringList m_defectCategories; // the devices each chart shows
    QStringList m_latencyCategories;
    int m_repaints = 0;
    bool m_dark = false;
};
