// The fleet's bar charts take new devices a few per repaint, one chart at a time, and end with a
// bar for every device; a fleet that is not an extension of what is shown starts the bars over.
#include "core/edge/fleetchartseries.h"
#include "ui/edge/fleetcharts.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The charts' data as the Edge thread makes it for this fleet.
FleetChartData chartsOf(FleetChartSeries &series, const FleetSnapshot &fleet)
{
    series.add(fleet);
    return series.data(AlertRules{});
}

FleetSnapshot fleetOf(const QStringList &devices, qint64 atMs)
{
    FleetSnapshot fleet;
    fleet.atMs = atMs;
    fleet.messages = atMs;
    for (const QString &id : devices) {
        DeviceSnapshot device;
        device.deviceId = id;
        device.online = true;
        device.windowDefectRate = 0.1;
        device.p50LatencyMs = 40;
        device.p95LatencyMs = 90;
        fleet.devices << device;
    }
    return fleet;
}

QStringList devices(int count, const QString &prefix = u"line-a-camera-"_s)
{
    QStringList ids;
    for (int i = 0; i < count; ++i)
        ids << prefix + u"%1"_s.arg(i, 2, 10, QLatin1Char('0'));
    return ids;
}

} // namespace

class TestFleetCharts : public QObject
{
    Q_OBJECT

private slots:
    void newDevicesArriveAFewPerRepaint();
    void aDifferentFleetStartsOver();
};

void TestFleetCharts::newDevicesArriveAFewPerRepaint()
{
    FleetCharts charts;
    FleetChartSeries series;
    const QStringList all = devices(25);
    charts.show(chartsOf(series, fleetOf(all, 1000)));
    // What each repaint leaves: the defect chart grows first, then the latency chart.
    const QList<QPair<int, int>> expected{{10, 0}, {20, 0}, {25, 0}, {25, 10}, {25, 20}, {25, 25}};
    for (const auto &[defects, latencies] : expected) {
        const int repaints = charts.repaintCount();
        QTRY_COMPARE_WITH_TIMEOUT(charts.repaintCount(), repaints + 1, 5000);
        QCOMPARE(charts.defectChartDevices(), all.mid(0, defects));
        QCOMPARE(charts.latencyChartDevices(), all.mid(0, latencies));
    }
    // Both show every device: nothing is left to repaint until the next snapshot.
    const int repaints = charts.repaintCount();
    QTest::qWait(3 * FleetCharts::repaintIntervalMs);
    QCOMPARE(charts.repaintCount(), repaints);

    // Five more devices join at the end: only those are added.
    const QStringList more = devices(30);
    charts.show(chartsOf(series, fleetOf(more, 2000)));
    QTRY_COMPARE_WITH_TIMEOUT(charts.latencyChartDevices(), more, 5000);
    QCOMPARE(charts.defectChartDevices(), more);
}

void TestFleetCharts::aDifferentFleetStartsOver()
{
    FleetCharts charts;
    FleetChartSeries series;
    charts.show(chartsOf(series, fleetOf(devices(12), 1000)));
    QTRY_COMPARE_WITH_TIMEOUT(charts.latencyChartDevices(), devices(12), 5000);
    // A device in the middle of the order is not an extension: the bars start again from the first.
    QStringList reordered = devices(12);
    reordered.insert(3, u"line-a-camera-02b"_s);
    charts.show(chartsOf(series, fleetOf(reordered, 2000)));
    const int repaints = charts.repaintCount();
    QTRY_COMPARE_WITH_TIMEOUT(charts.repaintCount(), repaints + 1, 5000);
    QCOMPARE(charts.defectChartDevices(), reordered.mid(0, FleetCharts::devicesAddedPerRepaint));
    QTRY_COMPARE_WITH_TIMEOUT(charts.latencyChartDevices(), reordered, 5000);
    QCOMPARE(charts.defectChartDevices(), reordered);
}

QTEST_MAIN(TestFleetCharts)
#include "tst_fleetcharts.moc"
