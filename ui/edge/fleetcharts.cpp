#include "ui/edge/fleetcharts.h"

#include "ui/theme.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QLineSeries>
#include <QLocale>
#include <QTimer>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace {

// The rate is read over the last second of updates, so it does not jitter with each batch.
constexpr qint64 rateSpanMs = 1000;

QChart *newChart(const QString &title, bool dark)
{
    auto *chart = new QChart;
    // Axis numbers in the user's locale (0,5 in German), as the tables show them.
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true);
    chart->setTitle(title);
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->legend()->setVisible(false); // the titles say what the series are; height is scarce
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

QChartView *newView(QChart *chart, QWidget *parent)
{
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(220, 150);
    return view;
}

// The next "nice" number (1, 2 or 5 times a power of ten) at or above `value`: an axis whose range
// follows the data exactly re-lays the whole chart out on every repaint; this one changes rarely.
double niceCeiling(double value)
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

double rateOver(const std::deque<std::pair<qint64, qint64>> &samples)
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

} // namespace

FleetCharts::FleetCharts(QWidget *parent) : QWidget(parent)
{
    m_dark = Theme::isDark();

    QChart *rateChart = newChart(tr("Messages per second (malformed in red)"), m_dark);
    m_rate = new QLineSeries;
    m_rate->setName(tr("All messages"));
    m_malformedRate = new QLineSeries;
    m_malformedRate->setName(tr("Malformed"));
    m_rate->setPen(QPen(Theme::color(Theme::Role::Primary), 2));
    m_malformedRate->setPen(QPen(Theme::color(Theme::Role::Bad), 1.5));
    rateChart->addSeries(m_rate);
    rateChart->addSeries(m_malformedRate);
    m_rateX = new QValueAxis;
    m_rateX->setRange(-historySeconds, 0);
    m_rateX->setLabelFormat(QStringLiteral("%d s"));
    m_rateY = new QValueAxis;
    m_rateY->setRange(0, 10);
    m_rateY->setLabelFormat(QStringLiteral("%.0f"));
    m_rateY->setTickCount(6); // with the nice ceilings below, ticks fall on round numbers
    rateChart->addAxis(m_rateX, Qt::AlignBottom);
    rateChart->addAxis(m_rateY, Qt::AlignLeft);
    for (QLineSeries *series : {m_rate, m_malformedRate}) {
        series->attachAxis(m_rateX);
        series->attachAxis(m_rateY);
    }
    m_rateView = newView(rateChart, this);

    QChart *defectChart = newChart(tr("Defect rate per device (dashed: alert)"), m_dark);
    auto *defectSeries = new QBarSeries;
    m_defects = new QBarSet(tr("Defect rate"));
    m_defects->setColor(Theme::color(Theme::Role::Defect));
    defectSeries->append(m_defects);
    defectChart->addSeries(defectSeries);
    m_defectDevices = new QBarCategoryAxis;
    m_defectY = new QValueAxis;
    m_defectY->setRange(0, 0.5);
    m_defectY->setLabelFormat(QStringLiteral("%.2f"));
    m_defectY->setTickCount(6);
    defectChart->addAxis(m_defectDevices, Qt::AlignBottom);
    defectChart->addAxis(m_defectY, Qt::AlignLeft);
    defectSeries->attachAxis(m_defectDevices);
    defectSeries->attachAxis(m_defectY);
    m_defectThreshold = new QLineSeries;
    m_defectThreshold->setName(tr("Alert threshold"));
    m_defectThreshold->setPen(QPen(Theme::color(Theme::Role::Bad), 1.5, Qt::DashLine));
    defectChart->addSeries(m_defectThreshold);
    m_defectThreshold->attachAxis(m_defectY);
    auto *thresholdX = new QValueAxis;
    thresholdX->setRange(0, 1);
    thresholdX->setVisible(false);
    defectChart->addAxis(thresholdX, Qt::AlignTop);
    m_defectThreshold->attachAxis(thresholdX);
    m_defectView = newView(defectChart, this);

    QChart *latencyChart = newChart(tr("Latency ms: p50 blue, p95 amber"), m_dark);
    auto *latencySeries = new QBarSeries;
    m_latencyMedian = new QBarSet(tr("p50"));
    m_latency95 = new QBarSet(tr("p95"));
    m_latencyMedian->setColor(Theme::color(Theme::Role::Secondary));
    m_latency95->setColor(Theme::color(Theme::Role::Tertiary));
    // A silent device keeps the bars of its last window, greyed.
    for (QBarSet *set : {m_defects, m_latencyMedian, m_latency95})
        set->setSelectedColor(Theme::color(Theme::Role::Muted));
    latencySeries->append(m_latencyMedian);
    latencySeries->append(m_latency95);
    latencyChart->addSeries(latencySeries);
    m_latencyDevices = new QBarCategoryAxis;
    m_latencyY = new QValueAxis;
    m_latencyY->setRange(0, 100);
    m_latencyY->setLabelFormat(QStringLiteral("%.0f"));
    m_latencyY->setTickCount(6);
    latencyChart->addAxis(m_latencyDevices, Qt::AlignBottom);
    latencyChart->addAxis(m_latencyY, Qt::AlignLeft);
    latencySeries->attachAxis(m_latencyDevices);
    latencySeries->attachAxis(m_latencyY);
    m_latencyThreshold = new QLineSeries;
    m_latencyThreshold->setName(tr("Alert threshold"));
    m_latencyThreshold->setPen(QPen(Theme::color(Theme::Role::Bad), 1.5, Qt::DashLine));
    latencyChart->addSeries(m_latencyThreshold);
    m_latencyThreshold->attachAxis(m_latencyY);
    auto *latencyThresholdX = new QValueAxis;
    latencyThresholdX->setRange(0, 1);
    latencyThresholdX->setVisible(false);
    latencyChart->addAxis(latencyThresholdX, Qt::AlignTop);
    m_latencyThreshold->attachAxis(latencyThresholdX);
    m_latencyView = newView(latencyChart, this);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_rateView, 0, 0);
    layout->addWidget(m_defectView, 0, 1);
    layout->addWidget(m_latencyView, 0, 2);

    auto *timer = new QTimer(this);
    timer->setInterval(repaintIntervalMs);
    connect(timer, &QTimer::timeout, this, &FleetCharts::repaint);
    timer->start();
    setThresholds(m_defectThresholdValue, m_latencyThresholdValue);
}

void FleetCharts::setThresholds(double defectRate, double p95LatencyMs)
{
    m_defectThresholdValue = defectRate;
    m_latencyThresholdValue = p95LatencyMs;
    m_defectThreshold->replace(QList<QPointF>{{0, defectRate}, {1, defectRate}});
    m_latencyThreshold->replace(QList<QPointF>{{0, p95LatencyMs}, {1, p95LatencyMs}});
    m_dirty = true;
}

void FleetCharts::clear()
{
    m_totals.clear();
    m_malformed.clear();
    m_ratePoints.clear();
    m_malformedPoints.clear();
    m_latest = {};
    m_startMs = 0;
    m_dirty = true;
}

void FleetCharts::addSnapshot(const FleetSnapshot &fleet)
{
    if (m_startMs == 0)
        m_startMs = fleet.atMs;
    if (!m_totals.empty() && fleet.messages < m_totals.back().second)
        clear(); // the monitor was reset
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
    m_dirty = true;
}

void FleetCharts::showDevices(const QStringList &devices, QBarCategoryAxis *axis, QStringList &shown,
                              std::initializer_list<QBarSet *> sets)
{
    // Bars for new devices are made a few at a time (fifty arriving at once took 9 ms of one timer
    // event for a chart); a device list that does not extend the one shown starts the bars over.
    const bool extends = shown.size() < devices.size() && devices.mid(0, shown.size()) == shown;
    const qsizetype kept = extends ? shown.size() : 0;
    shown = devices.mid(0, std::min(devices.size(), kept + devicesAddedPerRepaint));
    for (QBarSet *set : sets) {
        if (!extends)
            set->remove(0, set->count());
        set->append(QList<qreal>(shown.size() - kept, 0));
    }
    // Bars are narrow: label them with what tells devices apart, the prefix they share in the title.
    QString prefix = shown.value(0);
    for (const QString &device : std::as_const(shown)) {
        while (!device.startsWith(prefix))
            prefix.chop(1);
    }
    if (shown.size() < 2)
        prefix.clear();
    QStringList shortNames;
    for (const QString &device : std::as_const(shown)) {
        const QString rest = device.mid(prefix.size());
        shortNames << (rest.size() > 10 ? QStringLiteral("…") + rest.right(9) : rest);
    }
    axis->setTitleText(prefix.isEmpty() ? QString() : prefix + QStringLiteral("…"));
    axis->setCategories(shortNames);
}

void FleetCharts::repaint()
{
    if (!m_dirty)
        return;
    m_dirty = false;
    ++m_repaints;

    // Seconds before now on the x axis; the newest point at 0.
    const double now = m_ratePoints.empty() ? 0 : m_ratePoints.back().x();
    QList<QPointF> rate, malformed;
    rate.reserve(qsizetype(m_ratePoints.size()));
    malformed.reserve(qsizetype(m_malformedPoints.size()));
    double highest = 10;
    for (const QPointF &point : m_ratePoints) {
        rate.append({point.x() - now, point.y()});
        highest = std::max(highest, point.y());
    }
    for (const QPointF &point : m_malformedPoints)
        malformed.append({point.x() - now, point.y()});
    // The axis grows with the data up to a minute, so the first seconds are not a sliver at the edge.
    const double span = m_ratePoints.empty() ? 0 : now - m_ratePoints.front().x();
    m_rateX->setRange(-std::clamp(std::ceil(span / 10) * 10, 10.0, double(historySeconds)), 0);
    m_rate->replace(rate);
    m_malformedRate->replace(malformed);
    m_rateY->setRange(0, niceCeiling(highest * 1.1));

    QStringList devices;
    for (const DeviceSnapshot &device : std::as_const(m_latest.devices))
        devices << device.deviceId;
    // New devices re-lay a chart's bars and labels out: one chart per repaint, the other on the next,
    // until both show every device.
    if (devices != m_defectCategories)
        showDevices(devices, m_defectDevices, m_defectCategories, {m_defects});
    else if (devices != m_latencyCategories)
        showDevices(devices, m_latencyDevices, m_latencyCategories, {m_latencyMedian, m_latency95});
    if (devices != m_defectCategories || devices != m_latencyCategories)
        m_dirty = true;
    double highestDefects = std::max(0.1, m_defectThresholdValue * 1.2);
    double highestLatency = m_latencyThresholdValue * 1.15;
    QList<qreal> defects, medians, tails;
    for (const DeviceSnapshot &device : std::as_const(m_latest.devices)) {
        defects << device.windowDefectRate;
        medians << device.p50LatencyMs;
        tails << device.p95LatencyMs;
        highestDefects = std::max(highestDefects, device.windowDefectRate * 1.1);
        highestLatency = std::max(highestLatency, device.p95LatencyMs * 1.1);
    }
    // A bar moves only when the change would show (a hundredth of the axis); every move re-lays the
    // bar out, and with fifty devices that is most of the chart's cost.
    for (const auto &[set, values, axis] :
         {std::tuple{m_defects, &defects, highestDefects}, std::tuple{m_latencyMedian, &medians, highestLatency},
          std::tuple{m_latency95, &tails, highestLatency}}) {
        // A chart still taking new devices shows the first ones, in the snapshot's order.
        for (int index = 0; index < std::min(set->count(), int(values->size())); ++index) {
            if (std::abs(set->at(index) - values->at(index)) > axis / 100)
                set->replace(index, values->at(index));
        }
    }
    for (int index = 0; index < m_latest.devices.size(); ++index) {
        const bool silent = !m_latest.devices[index].online;
        for (QBarSet *set : {m_defects, m_latencyMedian, m_latency95})
            if (index < set->count() && set->isBarSelected(index) != silent)
                set->setBarSelected(index, silent);
    }
    m_defectY->setRange(0, std::min(1.0, niceCeiling(highestDefects)));
    m_latencyY->setRange(0, niceCeiling(highestLatency));
}
