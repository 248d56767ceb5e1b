// What the Edge thread prepares for the panel: the charts' series (rates over the last second,
// the minute's window, the axes' nice ceilings, a restart of the statistics) and the event log's
// compact records with their table of names, through EdgeMonitor as the panel receives them.

#include "core/edge/edgemonitor.h"
#include "core/edge/eventcompactor.h"
#include "core/edge/fleetchartseries.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

FleetSnapshot fleetAt(qint64 atMs, qint64 messages, qint64 malformed = 0)
{
    FleetSnapshot fleet;
    fleet.atMs = atMs;
    fleet.messages = messages;
    fleet.malformed = malformed;
    return fleet;
}

QByteArray payload(const QString &device, const QString &prediction, double confidence)
{
    return u"{\"device_id\":\"%1\",\"timestamp\":\"2026-01-05T10:00:00Z\",\"prediction\":\"%2\","
           "\"confidence\":%3,\"inference_latency_ms\":42,\"image_uri\":\"s3://bucket/%1.jpg\"}"_s
               .arg(device, prediction)
               .arg(confidence)
               .toUtf8();
}

} // namespace

class TestEdgeUpdateData : public QObject
{
    Q_OBJECT

private slots:
    void ratesAreReadOverTheLastSecond();
    void theWindowKeepsAMinuteAndTheAxisGrowsWithIt();
    void barsFollowTheDevicesAndTheRules();
    void fewerMessagesStartTheSeriesAgain();
    void niceCeilings();
    void recordsShareOneTableOfNames();
    void aClearedCompactorStartsANewEpoch();
    void theMonitorSendsRecordsAndSeries();
};

void TestEdgeUpdateData::ratesAreReadOverTheLastSecond()
{
    FleetChartSeries series;
    // 100 messages every 100 ms (1,000/s), one in ten malformed.
    for (int tick = 0; tick <= 20; ++tick)
        series.add(fleetAt(1'000'000 + tick * 100, tick * 100, tick * 10));
    const FleetChartData data = series.data(AlertRules{});
    QCOMPARE(data.rate.size(), 21);
    QCOMPARE(data.rate.last().x(), 0.0);
    QCOMPARE(data.rate.first().x(), -2.0);
    QCOMPARE(data.rate.last().y(), 1000.0);
    QCOMPARE(data.malformedRate.last().y(), 100.0);
    // The first point has nothing before it to read a rate from.
    QCOMPARE(data.rate.first().y(), 0.0);
    QCOMPARE(data.rateCeiling, 2000.0); // 1,000 × 1.1 rounded up to a nice number
}

void TestEdgeUpdateData::theWindowKeepsAMinuteAndTheAxisGrowsWithIt()
{
    FleetChartSeries series;
    series.add(fleetAt(0, 0));
    series.add(fleetAt(14'000, 140));
    QCOMPARE(series.data(AlertRules{}).rateSpanSeconds, 20.0); // 14 s rounded up to tens
    for (qint64 second = 15; second <= 90; ++second)
        series.add(fleetAt(second * 1000, second * 10));
    const FleetChartData data = series.data(AlertRules{});
    QCOMPARE(data.rateSpanSeconds, 60.0);
    QCOMPARE(data.rate.size(), 61); // seconds 30…90
    QCOMPARE(data.rate.first().x(), -60.0);
    QCOMPARE(data.rate.last().y(), 10.0);
}

void TestEdgeUpdateData::barsFollowTheDevicesAndTheRules()
{
    FleetSnapshot fleet = fleetAt(1000, 10);
    for (const auto &[id, defects, p95, online] :
         {std::tuple{u"cam-1"_s, 0.1, 80.0, true}, std::tuple{u"cam-2"_s, 0.7, 400.0, false}}) {
        DeviceSnapshot device;
        device.deviceId = id;
        device.windowDefectRate = defects;
        device.p50LatencyMs = p95 / 2;
        device.p95LatencyMs = p95;
        device.online = online;
        fleet.devices << device;
    }
    FleetChartSeries series;
    series.add(fleet);
    AlertRules rules;
    rules.defectRateAbove = 0.25;
    rules.p95LatencyAbove = 300;
    const FleetChartData data = series.data(rules);
    QCOMPARE(data.devices, (QStringList{u"cam-1"_s, u"cam-2"_s}));
    QCOMPARE(data.defectRates, (QList<double>{0.1, 0.7}));
    QCOMPARE(data.p50LatencyMs, (QList<double>{40, 200}));
    QCOMPARE(data.p95LatencyMs, (QList<double>{80, 400}));
    QCOMPARE(data.silent, (QList<bool>{false, true}));
    QCOMPARE(data.defectThreshold, 0.25);
    QCOMPARE(data.latencyThreshold, 300.0);
    QCOMPARE(data.defectCeiling, 1.0); // 0.77 → 1, never above 1
    QCOMPARE(data.latencyCeiling, 500.0); // 440 → 500
}

void TestEdgeUpdateData::fewerMessagesStartTheSeriesAgain()
{
    FleetChartSeries series;
    for (int tick = 0; tick < 5; ++tick)
        series.add(fleetAt(tick * 100, tick * 50));
    series.add(fleetAt(600, 3)); // the statistics were reset: a rate across would be negative
    const FleetChartData data = series.data(AlertRules{});
    QCOMPARE(data.rate.size(), 1);
    QCOMPARE(data.rate.first().y(), 0.0);
}

void TestEdgeUpdateData::niceCeilings()
{
    QCOMPARE(FleetChartSeries::niceCeiling(0), 1.0);
    QCOMPARE(FleetChartSeries::niceCeiling(0.07), 0.1);
    QCOMPARE(FleetChartSeries::niceCeiling(1.5), 2.0);
    QCOMPARE(FleetChartSeries::niceCeiling(3), 5.0);
    QCOMPARE(FleetChartSeries::niceCeiling(5), 5.0);
    QCOMPARE(FleetChartSeries::niceCeiling(22'000), 50'000.0);
}

void TestEdgeUpdateData::recordsShareOneTableOfNames()
{
    EventCompactor compactor;
    InspectionResult first;
    first.deviceId = u"cam-1"_s;
    first.prediction = u"scratch"_s;
    first.defectType = u"scratch"_s;
    first.defective = true;
    first.confidence = 0.625;
    first.latencyMs = 41.5;
    first.timestampMs = 1234;
    first.imageUri = u"s3://bucket/ü.jpg"_s;
    InspectionResult second = first;
    second.deviceId = u"cam-2"_s;
    second.defectType.clear();
    second.imageUri.clear();
    second.imageBase64 = "aGVsbG8=";
    const EventRecord a = compactor.compact(first);
    const EventRecord b = compactor.compact(second);
    const QStringList &names = compactor.names().names;
    QCOMPARE(names, (QStringList{QString(), u"cam-1"_s, u"scratch"_s, u"cam-2"_s}));
    QCOMPARE(names[a.device], u"cam-1"_s);
    QCOMPARE(names[b.device], u"cam-2"_s);
    QCOMPARE(a.prediction, b.prediction);
    QCOMPARE(a.defectType, a.prediction); // one entry for the same name
    QCOMPARE(b.defectType, 0u); // none
    QCOMPARE(a.confidence, 0.625f);
    QCOMPARE(a.latencyMs, 41.5f);
    QCOMPARE(a.timestampMs, 1234);
    QVERIFY(a.defective);
    QCOMPARE(QString::fromUtf8(a.imageUri), u"s3://bucket/ü.jpg"_s);
    QVERIFY(!a.inlineImage);
    QVERIFY(b.inlineImage);
    QVERIFY(b.imageUri.isEmpty()); // the inline bytes are not kept
}

void TestEdgeUpdateData::aClearedCompactorStartsANewEpoch()
{
    EventCompactor compactor;
    InspectionResult event;
    event.deviceId = u"cam-9"_s;
    compactor.compact(event);
    const EventNames before = compactor.names();
    compactor.clear();
    QCOMPARE(compactor.names().epoch, before.epoch + 1);
    QCOMPARE(compactor.names().names, QStringList{QString()});
    // The table handed out before is a copy: it still names what its records point to.
    QCOMPARE(before.names.value(1), u"cam-9"_s);
}

void TestEdgeUpdateData::theMonitorSendsRecordsAndSeries()
{
    EdgeMonitor monitor;
    QSignalSpy updates(&monitor, &EdgeMonitor::updated);
    MqttMessageBatch batch;
    for (int index = 0; index < 30; ++index) {
        MqttMessage message;
        message.topic = u"factory/line-a/cam-%1/inspection"_s.arg(index % 3);
        message.payload = payload(u"cam-%1"_s.arg(index % 3), index % 5 ? u"good"_s : u"defective"_s, 0.9);
        message.receivedAtMs = 1'700'000'000'000 + index;
        batch << message;
    }
    monitor.ingest(batch);
    QTRY_VERIFY_WITH_TIMEOUT(!updates.isEmpty(), 5000);
    const auto update = updates.first().first().value<EdgeUpdate>();
    QCOMPARE(update.events.size(), 30);
    QCOMPARE(update.eventsLeftOut, 0);
    const QStringList &names = update.eventNames.names;
    QCOMPARE(names.value(update.events[0].device), u"cam-0"_s);
    QCOMPARE(names.value(update.events[4].device), u"cam-1"_s);
    QCOMPARE(names.value(update.events[5].prediction), u"defective"_s);
    QVERIFY(update.events[5].defective);
    QCOMPARE(QString::fromUtf8(update.events[2].imageUri), u"s3://bucket/cam-2.jpg"_s);
    QCOMPARE(update.charts.devices, (QStringList{u"cam-0"_s, u"cam-1"_s, u"cam-2"_s}));
    QCOMPARE(update.charts.rate.size(), 1);

    // A reset starts the names over: the panel drops rows whose names are gone.
    updates.clear();
    monitor.reset();
    QVERIFY(!updates.isEmpty());
    const auto afterReset = updates.last().first().value<EdgeUpdate>();
    QCOMPARE(afterReset.eventNames.epoch, update.eventNames.epoch + 1);
    QVERIFY(afterReset.events.isEmpty());
    QVERIFY(afterReset.charts.devices.isEmpty());
}

QTEST_MAIN(TestEdgeUpdateData)
#include "tst_edgeupdatedata.moc"
