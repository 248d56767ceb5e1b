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
    m_rateX->setRange(-10, 0);
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
}

void FleetCharts::clear()
{
    m_latest = {};
    m_dirty = true;
}

void FleetCharts::show(const FleetChartData &charts)
{
    m_latest = charts; // shared lists: no copy of the points
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

    m_rateX->setRange(-m_latest.rateSpanSeconds, 0);
    m_rate->replace(m_latest.rate);
    m_malformedRate->replace(m_latest.malformedRate);
    m_rateY->setRange(0, m_latest.rateCeiling);
    if (m_latest.defectThreshold != m_defectThresholdShown) {
        m_defectThresholdShown = m_latest.defectThreshold;
        m_defectThreshold->replace(QList<QPointF>{{0, m_defectThresholdShown}, {1, m_defectThresholdShown}});
    }
    if (m_latest.latencyThreshold != m_latencyThresholdShown) {
        m_latencyThresholdShown = m_latest.latencyThreshold;
        m_latencyThreshold->replace(QList<QPointF>{{0, m_latencyThresholdShown}, {1, m_latencyThresholdShown}});
    }

    const QStringList &devices = m_latest.devices;
    // New devices re-lay a chart's bars and labels out: one chart per repaint, the other on the next,
    // until both show every device.
    if (devices != m_defectCategories)
        showDevices(devices, m_defectDevices, m_defectCategories, {m_defects});
    else if (devices != m_latencyCategories)
        showDevices(devices, m_latencyDevices, m_latencyCategories, {m_latencyMedian, m_latency95});
    if (devices != m_defectCategories || devices != m_latencyCategories)
        m_dirty = true;
    // A bar moves only when the change would show (a hundredth of the axis); every move re-lays the
    // bar out, and with fifty devices that is most of the chart's cost.
    for (const auto &[set, values, axis] :
         {std::tuple{m_defects, &m_latest.defectRates, m_latest.defectCeiling},
          std::tuple{m_latencyMedian, &m_latest.p50LatencyMs, m_latest.latencyCeiling},
          std::tuple{m_latency95, &m_latest.p95LatencyMs, m_latest.latencyCeiling}}) {
        // A chart still taking new devices shows the first ones, in the snapshot's order.
        for (int index = 0; index < std::min(set->count(), int(values->size())); ++index) {
            if (std::abs(set->at(index) - values->at(index)) > axis / 100)
                set->replace(index, values->at(index));
        }
    }
    for (int index = 0; index < m_latest.silent.size(); ++index) {
        const bool silent = m_latest.silent[index];
        for (QBarSet *set : {m_defects, m_latencyMedian, m_latency95})
            if (index < set->count() && set->isBarSelected(index) != silent)
                set->setBarSelected(index, silent);
    }
    m_defectY->setRange(0, m_latest.defectCeiling);
    m_latencyY->setRange(0, m_latest.latencyCeiling);
}
