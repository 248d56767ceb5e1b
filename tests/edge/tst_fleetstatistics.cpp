// Fleet statistics: streaming quantiles against exact ones, per-device figures over a sliding
// window driven by explicit receive times, alert rules that raise and clear exactly once, malformed
// counts, and the `edge listen` JSON contract.

#include "core/edge/fleetstatistics.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// A whole second, so bucket boundaries fall where the tests expect them.
constexpr qint64 startMs = 1'700'000'000'000;

InspectionResult inspection(const QString &device, qint64 receivedAtMs, bool defective = false,
                            double confidence = 0.95, double latencyMs = 40)
{
    InspectionResult result;
    result.deviceId = device;
    result.timestampMs = receivedAtMs;
    result.receivedAtMs = receivedAtMs;
    result.prediction = defective ? u"defective"_s : u"good"_s;
    result.defective = defective;
    result.confidence = confidence;
    result.latencyMs = latencyMs;
    return result;
}

// The nearest-rank quantile on the (n - 1) grid, as the window quantiles define it.
double exactQuantile(std::vector<double> values, double probability)
{
    std::sort(values.begin(), values.end());
    return values[std::size_t(std::lround(probability * double(values.size() - 1)))];
}

DeviceSnapshot device(const FleetStatistics &fleet, const QString &id, qint64 nowMs)
{
    for (const DeviceSnapshot &snapshot : fleet.snapshot(nowMs).devices) {
        if (snapshot.deviceId == id)
            return snapshot;
    }
    return {};
}

// Rules that judge only what a test sets up: everything else is far from its threshold.
AlertRules quietRules()
{
    AlertRules rules;
    rules.defectRateAbove = 0.99;
    rules.meanConfidenceBelow = 0.01;
    rules.p95LatencyAbove = 1e9;
    rules.silentSeconds = 3600;
    rules.minimumWindowMessages = 20;
    rules.windowSeconds = 10;
    return rules;
}

} // namespace

class TestFleetStatistics : public QObject
{
    Q_OBJECT

private slots:
    void windowQuantilesAreExactWhileEveryLatencyIsKept_data()
    {
        QTest::addColumn<double>("probability");
        QTest::newRow("p50") << 0.5;
        QTest::newRow("p95") << 0.95;
    }

    void windowQuantilesAreExactWhileEveryLatencyIsKept()
    {
        QFETCH(double, probability);
        const std::vector<double> values{42.0, 7.5, 130.0, 12.25, 88.0};
        FleetStatistics fleet(quietRules());
        QCOMPARE(device(fleet, u"cam"_s, startMs).p95LatencyMs, 0.0);
        std::vector<double> seen;
        for (std::size_t index = 0; index < values.size(); ++index) {
            fleet.add(inspection(u"cam"_s, startMs + qint64(index), false, 0.95, values[index]));
            seen.push_back(values[index]);
            const DeviceSnapshot snapshot = device(fleet, u"cam"_s, startMs + 500);
            QCOMPARE(probability == 0.5 ? snapshot.p50LatencyMs : snapshot.p95LatencyMs,
                     exactQuantile(seen, probability));
        }
    }

    void windowQuantilesTrackKnownDistributionsPastTheReservoir_data()
    {
        QTest::addColumn<bool>("lognormal");
        QTest::addColumn<double>("probability");
        QTest::addColumn<double>("relativeTolerance");
        // 1,000 latencies a second for ten seconds, of which each second keeps 128 (1,280 in the
        // window). Sampling alone puts the quantile's standard error at 1.7 % (uniform p50), 0.5 %
        // (uniform p95), 1.75 % (lognormal p50) and 3 % (lognormal p95, a long tail): each row allows
        // two and a half of them.
        QTest::newRow("uniform p50") << false << 0.5 << 0.043;
        QTest::newRow("uniform p95") << false << 0.95 << 0.013;
        QTest::newRow("lognormal p50") << true << 0.5 << 0.044;
        QTest::newRow("lognormal p95") << true << 0.95 << 0.075;
    }

    void windowQuantilesTrackKnownDistributionsPastTheReservoir()
    {
        QFETCH(bool, lognormal);
        QFETCH(double, probability);
        QFETCH(double, relativeTolerance);
        QRandomGenerator random(7);
        FleetStatistics fleet(quietRules());
        std::vector<double> values;
        for (int index = 0; index < 10000; ++index) {
            double value = 0;
            if (lognormal) {
                // Box–Muller: latencies around 40 ms with a long right tail.
                const double u1 = 1.0 - random.generateDouble(), u2 = random.generateDouble();
                const double normal = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
                value = 40.0 * std::exp(0.5 * normal);
            } else {
                value = 20.0 + 80.0 * random.generateDouble();
            }
            // Later seconds slower than earlier ones: the weights, not the order, must carry it.
            value *= 1.0 + 0.02 * (index / 1000);
            fleet.add(inspection(u"cam"_s, startMs + index, false, 0.95, value));
            values.push_back(double(float(value)));
        }
        const DeviceSnapshot snapshot = device(fleet, u"cam"_s, startMs + 9999);
        QCOMPARE(snapshot.windowMessages, 10000);
        const double estimate = probability == 0.5 ? snapshot.p50LatencyMs : snapshot.p95LatencyMs;
        const double exact = exactQuantile(values, probability);
        const double error = std::abs(estimate - exact) / exact;
        QVERIFY2(error <= relativeTolerance,
                 qPrintable(u"estimate %1, exact %2, relative error %3"_s.arg(estimate).arg(exact).arg(error)));
    }

    // The p95 is the window's, not the whole stream's: a device whose inference recovered loses its
    // alert once the slow seconds leave the window.
    void aRecoveredDeviceLosesItsLatencyAlert()
    {
        AlertRules rules = quietRules();
        rules.p95LatencyAbove = 250;
        FleetStatistics fleet(rules);
        for (int index = 0; index < 40; ++index)
            fleet.add(inspection(u"cam"_s, startMs + index, false, 0.95, 400));
        QCOMPARE(fleet.evaluate(startMs + 500).size(), 1);
        for (int index = 0; index < 20; ++index)
            fleet.add(inspection(u"cam"_s, startMs + 20000 + index, false, 0.95, 12));
        const QList<EdgeAlert> changes = fleet.evaluate(startMs + 20500);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].kind, EdgeAlert::Kind::Latency);
        QVERIFY(!changes[0].isActive());
        QCOMPARE(device(fleet, u"cam"_s, startMs + 20500).p95LatencyMs, 12.0);
        QCOMPARE(device(fleet, u"cam"_s, startMs + 20500).health, DeviceSnapshot::Health::Healthy);
    }

    // update() is evaluate() then snapshot() at one moment, computed in one pass.
    void updateIsEvaluateThenSnapshot()
    {
        AlertRules rules = quietRules();
        rules.defectRateAbove = 0.3;
        rules.silentSeconds = 5;
        FleetStatistics separate(rules), together(rules);
        for (int index = 0; index < 32; ++index) {
            for (FleetStatistics *fleet : {&separate, &together}) {
                fleet->add(inspection(u"cam-a"_s, startMs + index * 10, index < 14, 0.9, 30 + index));
                fleet->add(inspection(u"cam-b"_s, startMs + index * 10, false, 0.95, 20));
            }
        }
        for (const qint64 at : {startMs + 1000, startMs + 30000}) {
            const QList<EdgeAlert> expectedChanges = separate.evaluate(at);
            const FleetSnapshot expected = separate.snapshot(at);
            QList<EdgeAlert> changes;
            const FleetSnapshot actual = together.update(at, changes);
            QVERIFY(!changes.isEmpty()); // a defect-rate alert at first, silence later
            QCOMPARE(changes.size(), expectedChanges.size());
            for (int index = 0; index < changes.size(); ++index) {
                QCOMPARE(changes[index].deviceId, expectedChanges[index].deviceId);
                QCOMPARE(changes[index].kind, expectedChanges[index].kind);
            }
            QCOMPARE(actual.activeAlerts.size(), expected.activeAlerts.size());
            QCOMPARE(actual.devices.size(), expected.devices.size());
            for (int index = 0; index < actual.devices.size(); ++index) {
                QCOMPARE(actual.devices[index].deviceId, expected.devices[index].deviceId);
                QCOMPARE(actual.devices[index].health, expected.devices[index].health);
                QCOMPARE(actual.devices[index].activeAlerts, expected.devices[index].activeAlerts);
                QCOMPARE(actual.devices[index].windowDefectRate, expected.devices[index].windowDefectRate);
                QCOMPARE(actual.devices[index].p95LatencyMs, expected.devices[index].p95LatencyMs);
            }
        }
    }

    // A device that goes quiet keeps the figures of its last window, and the alerts they raised
    // stay raised: silence is not recovery.
    void aSilentDeviceKeepsItsLastFiguresAndAlerts()
    {
        AlertRules rules = quietRules();
        rules.defectRateAbove = 0.3;
        rules.silentSeconds = 5;
        FleetStatistics fleet(rules);
        for (int index = 0; index < 32; ++index)
            fleet.add(inspection(u"cam"_s, startMs + index * 10, index < 14, 0.913, 30));
        QList<EdgeAlert> changes = fleet.evaluate(startMs + 1000);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].kind, EdgeAlert::Kind::DefectRate);

        changes = fleet.evaluate(startMs + 30000); // long past the window and the silence timeout
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].kind, EdgeAlert::Kind::Silent);
        QCOMPARE(fleet.snapshot(startMs + 30000).activeAlerts.size(), 2); // the defect rate has not cleared
        const DeviceSnapshot quiet = device(fleet, u"cam"_s, startMs + 30000);
        QCOMPARE(quiet.health, DeviceSnapshot::Health::Silent);
        QCOMPARE(quiet.silentForMs, 30000 - 310);
        QCOMPARE(quiet.windowMessages, 32);
        QCOMPARE(quiet.windowDefectRate, 14.0 / 32.0);
        QCOMPARE(quiet.windowMeanConfidence, 0.913);
        QCOMPARE(quiet.p95LatencyMs, 30.0);
        QCOMPARE(quiet.messagesPerSecond, 0.0);
    }

    // Confidence that sank under the device's own baseline is drift, before any alert fires.
    void aDriftingDeviceIsNotHealthy()
    {
        AlertRules rules = quietRules();
        rules.baselineMessages = 20;
        FleetStatistics fleet(rules);
        for (int index = 0; index < 20; ++index)
            fleet.add(inspection(u"cam"_s, startMs + index, false, 0.913));
        QCOMPARE(device(fleet, u"cam"_s, startMs + 500).health, DeviceSnapshot::Health::Healthy);
        for (int index = 0; index < 20; ++index)
            fleet.add(inspection(u"cam"_s, startMs + 20000 + index, false, 0.827));
        QVERIFY(fleet.evaluate(startMs + 20500).isEmpty()); // 0.827 is above every alert threshold
        const DeviceSnapshot drifting = device(fleet, u"cam"_s, startMs + 20500);
        QCOMPARE(drifting.health, DeviceSnapshot::Health::Drifting);
        QVERIFY(std::abs(drifting.confidenceDrift - (0.827 - 0.913)) < 1e-12);
    }

    void devicesCountDefectsConfidenceAndLatency()
    {
        AlertRules rules = quietRules();
        rules.lowConfidenceBelow = 0.8;
        FleetStatistics fleet(rules);
        // Ten inspections, every third defective; five below the threshold of 0.8, and 0.8 itself is not.
        const double confidences[] = {0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0};
        double confidenceSum = 0;
        for (int index = 0; index < 10; ++index) {
            confidenceSum += confidences[index];
            fleet.add(
                inspection(u"cam-b"_s, startMs + index * 100, index % 3 == 0, confidences[index], 10.0 * (index + 1)));
        }
        fleet.add(inspection(u"cam-a"_s, startMs, false, 0.8, 5)); // exactly at the threshold: not low

        QCOMPARE(fleet.valid(), 11);
        QCOMPARE(fleet.messages(), 11);
        const DeviceSnapshot camB = device(fleet, u"cam-b"_s, startMs + 1000);
        QCOMPARE(camB.messages, 10);
        QCOMPARE(camB.defective, 4); // 0, 3, 6, 9
        QCOMPARE(camB.defectRate, 0.4);
        QCOMPARE(camB.meanConfidence, confidenceSum / 10);
        QCOMPARE(camB.lowConfidence, 5);
        QCOMPARE(camB.lowConfidenceRate(), 0.5);
        QVERIFY2(camB.p50LatencyMs >= 50 && camB.p50LatencyMs <= 60, qPrintable(QString::number(camB.p50LatencyMs)));
        QCOMPARE(camB.p95LatencyMs, 100.0); // ten kept latencies: the nearest rank, exactly
        QCOMPARE(camB.lastSeenMs, startMs + 900);
        const DeviceSnapshot camA = device(fleet, u"cam-a"_s, startMs + 1000);
        QCOMPARE(camA.lowConfidence, 0);
        QCOMPARE(camA.p50LatencyMs, 5.0);
        QCOMPARE(camA.p95LatencyMs, 5.0);

        const FleetSnapshot snapshot = fleet.snapshot(startMs + 1000);
        QCOMPARE(snapshot.devices.size(), 2);
        QCOMPARE(snapshot.devices[0].deviceId, u"cam-a"_s); // ordered by id, not by arrival
        QCOMPARE(snapshot.devices[1].deviceId, u"cam-b"_s);
    }

    void olderMessagesLeaveTheSlidingWindow()
    {
        AlertRules rules = quietRules();
        rules.windowSeconds = 10;
        FleetStatistics fleet(rules);
        for (int index = 0; index < 10; ++index)
            fleet.add(inspection(u"cam"_s, startMs + index * 10, true, 0.6));
        for (int index = 0; index < 10; ++index)
            fleet.add(inspection(u"cam"_s, startMs + 8000 + index * 10, false, 1.0));

        // Nine seconds on, both bursts are inside the ten-second window.
        DeviceSnapshot snapshot = device(fleet, u"cam"_s, startMs + 9999);
        QCOMPARE(snapshot.windowMessages, 20);
        QCOMPARE(snapshot.windowDefectRate, 0.5);
        QCOMPARE(snapshot.windowMeanConfidence, 0.8);
        // At ten seconds the first burst has left it; the overall figures keep it.
        snapshot = device(fleet, u"cam"_s, startMs + 10000);
        QCOMPARE(snapshot.windowMessages, 10);
        QCOMPARE(snapshot.windowDefectRate, 0.0);
        QCOMPARE(snapshot.windowMeanConfidence, 1.0);
        QCOMPARE(snapshot.defectRate, 0.5);
        QCOMPARE(snapshot.messages, 20);
        // Long after, the window is empty.
        snapshot = device(fleet, u"cam"_s, startMs + 60000);
        QCOMPARE(snapshot.windowMessages, 0);
        QCOMPARE(snapshot.windowDefectRate, 0.0);
    }

    void messagesPerSecondOverTheLastWholeSeconds()
    {
        FleetStatistics fleet(quietRules());
        // Five a second for ten seconds.
        for (int second = 0; second < 10; ++second) {
            for (int index = 0; index < 5; ++index)
                fleet.add(inspection(u"cam"_s, startMs + second * 1000 + index * 150));
        }
        QCOMPARE(device(fleet, u"cam"_s, startMs + 10500).messagesPerSecond, 5.0);
        // Once it stops, the rate falls as empty seconds enter the span.
        QCOMPARE(device(fleet, u"cam"_s, startMs + 12000).messagesPerSecond, 5.0 / 3.0);
        QCOMPARE(device(fleet, u"cam"_s, startMs + 14000).messagesPerSecond, 0.0);
    }

    void devicesGoSilentAfterTheSilenceTimeout()
    {
        AlertRules rules = quietRules();
        rules.silentSeconds = 5;
        FleetStatistics fleet(rules);
        fleet.add(inspection(u"cam"_s, startMs));
        QVERIFY(device(fleet, u"cam"_s, startMs + 5000).online);
        QCOMPARE(device(fleet, u"cam"_s, startMs + 5000).health, DeviceSnapshot::Health::Healthy);
        QVERIFY(!device(fleet, u"cam"_s, startMs + 5001).online);
        QCOMPARE(device(fleet, u"cam"_s, startMs + 5001).health, DeviceSnapshot::Health::Silent);
        fleet.add(inspection(u"cam"_s, startMs + 7000));
        QVERIFY(device(fleet, u"cam"_s, startMs + 7000).online);
    }

    void confidenceDriftAgainstTheDevicesOwnBaseline()
    {
        AlertRules rules = quietRules();
        rules.baselineMessages = 10;
        rules.windowSeconds = 10;
        FleetStatistics fleet(rules);
        for (int index = 0; index < 5; ++index)
            fleet.add(inspection(u"cam"_s, startMs + index, false, 0.9));
        // No drift until the baseline is complete.
        QCOMPARE(device(fleet, u"cam"_s, startMs + 100).confidenceDrift, 0.0);
        for (int index = 0; index < 5; ++index)
            fleet.add(inspection(u"cam"_s, startMs + 10 + index, false, 0.9));
        for (int index = 0; index < 10; ++index)
            fleet.add(inspection(u"cam"_s, startMs + 20000 + index, false, 0.7));
        const DeviceSnapshot snapshot = device(fleet, u"cam"_s, startMs + 21000);
        QCOMPARE(snapshot.baselineConfidence, 0.9);
        QCOMPARE(snapshot.windowMeanConfidence, 0.7);
        QCOMPARE(snapshot.confidenceDrift, 0.7 - 0.9);
    }

    void defectRateAlertNeedsTheMinimumCountThenRaisesAndClearsOnce()
    {
        AlertRules rules = quietRules();
        rules.defectRateAbove = 0.3;
        rules.minimumWindowMessages = 20;
        FleetStatistics fleet(rules);
        for (int index = 0; index < 19; ++index)
            fleet.add(inspection(u"cam"_s, startMs + index, true));
        QVERIFY(fleet.evaluate(startMs + 500).isEmpty()); // 19 in the window judge nothing

        fleet.add(inspection(u"cam"_s, startMs + 19, true));
        QList<EdgeAlert> changes = fleet.evaluate(startMs + 500);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].kind, EdgeAlert::Kind::DefectRate);
        QCOMPARE(changes[0].deviceId, u"cam"_s);
        QCOMPARE(changes[0].value, 1.0);
        QCOMPARE(changes[0].threshold, 0.3);
        QCOMPARE(changes[0].raisedAtMs, startMs + 500);
        QVERIFY(changes[0].isActive());
        QVERIFY(fleet.evaluate(startMs + 600).isEmpty()); // still above: not raised again
        QCOMPARE(fleet.snapshot(startMs + 600).activeAlerts.size(), 1);
        QCOMPARE(device(fleet, u"cam"_s, startMs + 600).health, DeviceSnapshot::Health::Warning);

        // 20 defective of 80 is 0.25, below 0.3.
        for (int index = 0; index < 60; ++index)
            fleet.add(inspection(u"cam"_s, startMs + 1000 + index, false));
        changes = fleet.evaluate(startMs + 1500);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].kind, EdgeAlert::Kind::DefectRate);
        QVERIFY(!changes[0].isActive());
        QCOMPARE(changes[0].clearedAtMs, startMs + 1500);
        QVERIFY(fleet.evaluate(startMs + 1600).isEmpty());
        QCOMPARE(fleet.alerts().size(), 1);
        QVERIFY(!fleet.alerts()[0].isActive());
        QVERIFY(fleet.snapshot(startMs + 1600).activeAlerts.isEmpty());
    }

    void lowMeanConfidenceAlertClearsWhenTheWindowMovesOn()
    {
        AlertRules rules = quietRules();
        rules.meanConfidenceBelow = 0.75;
        rules.windowSeconds = 10;
        FleetStatistics fleet(rules);
        for (int index = 0; index < 20; ++index)
            fleet.add(inspection(u"cam"_s, startMs + index, false, 0.6));
        QList<EdgeAlert> changes = fleet.evaluate(startMs + 1000);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].kind, EdgeAlert::Kind::LowConfidence);
        QCOMPARE(changes[0].value, 0.6);
        QVERIFY(fleet.evaluate(startMs + 9000).isEmpty());

        changes = fleet.evaluate(startMs + 10000); // the window no longer holds them
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].kind, EdgeAlert::Kind::LowConfidence);
        QCOMPARE(changes[0].clearedAtMs, startMs + 10000);
        QVERIFY(fleet.evaluate(startMs + 11000).isEmpty());
    }

    void latencyAlertRaisesOnP95AndClearsWhenItFalls()
    {
        AlertRules rules = quietRules();
        rules.p95LatencyAbove = 250;
        FleetStatistics fleet(rules);
        for (int index = 0; index < 19; ++index)
            fleet.add(inspection(u"cam"_s, startMs + index, false, 0.95, 400));
        QVERIFY(fleet.evaluate(startMs + 100).isEmpty()); // too few to judge
        fleet.add(inspection(u"cam"_s, startMs + 19, false, 0.95, 400));
        QList<EdgeAlert> changes = fleet.evaluate(startMs + 100);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].kind, EdgeAlert::Kind::Latency);
        QCOMPARE(changes[0].value, 400.0);
        QCOMPARE(changes[0].threshold, 250.0);

        // 2,000 fast inspections push the slow twenty below the 95th percentile. P² follows such a
        // shift slowly (the exact p95 is 14 ms), so only the threshold is certain.
        for (int index = 0; index < 2000; ++index)
            fleet.add(inspection(u"cam"_s, startMs + 1000 + index, false, 0.95, 10 + index % 5));
        changes = fleet.evaluate(startMs + 4000);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].kind, EdgeAlert::Kind::Latency);
        QVERIFY(!changes[0].isActive());
        const double p95 = device(fleet, u"cam"_s, startMs + 4000).p95LatencyMs;
        QVERIFY2(p95 < 250, qPrintable(QString::number(p95)));
        QVERIFY(fleet.evaluate(startMs + 4100).isEmpty());
    }

    void silentAlertRaisesAfterTheTimeoutAndClearsOnTheNextMessage()
    {
        AlertRules rules = quietRules();
        rules.silentSeconds = 5;
        FleetStatistics fleet(rules);
        fleet.add(inspection(u"cam"_s, startMs));
        fleet.add(inspection(u"other"_s, startMs + 5500));
        QVERIFY(fleet.evaluate(startMs + 5000).isEmpty()); // exactly at the timeout: not yet

        QList<EdgeAlert> changes = fleet.evaluate(startMs + 6000);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].kind, EdgeAlert::Kind::Silent);
        QCOMPARE(changes[0].deviceId, u"cam"_s);
        QCOMPARE(changes[0].value, 6.0);
        QVERIFY(fleet.evaluate(startMs + 7000).isEmpty());

        fleet.add(inspection(u"cam"_s, startMs + 8000));
        changes = fleet.evaluate(startMs + 8000);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].kind, EdgeAlert::Kind::Silent);
        QCOMPARE(changes[0].clearedAtMs, startMs + 8000);
        QVERIFY(fleet.evaluate(startMs + 8000).isEmpty());
    }

    void malformedMessagesAreCountedPerReasonWithTheLastSample()
    {
        FleetStatistics fleet;
        fleet.add(inspection(u"cam"_s, startMs));
        fleet.addMalformed(u"not_json"_s, u"first"_s, "garbage one"_ba, startMs + 1);
        fleet.addMalformed(u"missing:device_id"_s, u"no device"_s, R"({"prediction":"good"})"_ba, startMs + 2);
        const QByteArray big(5000, 'x');
        fleet.addMalformed(u"not_json"_s, u"second"_s, big, startMs + 3);

        QCOMPARE(fleet.malformed(), 3);
        QCOMPARE(fleet.valid(), 1);
        QCOMPARE(fleet.messages(), 4);
        const FleetSnapshot snapshot = fleet.snapshot(startMs + 10);
        const QMap<QString, qint64> expected{{u"not_json"_s, 2}, {u"missing:device_id"_s, 1}};
        QCOMPARE(snapshot.malformedReasons, expected);
        QCOMPARE(snapshot.malformedSamples.value(u"not_json"_s).detail, u"second"_s);
        QCOMPARE(snapshot.malformedSamples.value(u"not_json"_s).receivedAtMs, startMs + 3);
        QCOMPARE(snapshot.malformedSamples.value(u"not_json"_s).payload, big.left(2048)); // kept small
        QCOMPARE(snapshot.malformedSamples.value(u"missing:device_id"_s).payload, R"({"prediction":"good"})"_ba);
        QCOMPARE(snapshot.devices.size(), 1); // malformed messages make no device
    }

    void jsonHasTheKeysOfTheCliContract()
    {
        AlertRules rules = quietRules();
        rules.silentSeconds = 5;
        rules.lowConfidenceBelow = 0.7;
        FleetStatistics fleet(rules);
        fleet.add(inspection(u"cam-1"_s, startMs, true, 0.65, 30));
        fleet.add(inspection(u"cam-1"_s, startMs + 1, false, 0.95, 50));
        fleet.add(inspection(u"cam-2"_s, startMs + 9000, false, 0.9, 20));
        fleet.addMalformed(u"unknown_class"_s, u"unsure"_s, "{}"_ba, startMs + 2);
        QCOMPARE(fleet.evaluate(startMs + 10000).size(), 1); // cam-1 is silent

        const QJsonObject json = fleet.toJson(startMs + 10000);
        const QStringList topKeys{u"alerts"_s,   u"devices"_s, u"malformed"_s, u"malformed_reasons"_s,
                                  u"messages"_s, u"valid"_s};
        QCOMPARE(json.keys(), topKeys);
        QCOMPARE(json.value(u"messages"_s).toInteger(), 4);
        QCOMPARE(json.value(u"valid"_s).toInteger(), 3);
        QCOMPARE(json.value(u"malformed"_s).toInteger(), 1);
        QCOMPARE(json.value(u"malformed_reasons"_s).toObject(), (QJsonObject{{u"unknown_class"_s, 1}}));

        const QJsonObject devices = json.value(u"devices"_s).toObject();
        QCOMPARE(devices.keys(), (QStringList{u"cam-1"_s, u"cam-2"_s}));
        const QJsonObject cam1 = devices.value(u"cam-1"_s).toObject();
        const QStringList deviceKeys{u"confidence_drift"_s, u"count"_s,          u"defect_rate"_s,
                                     u"defective"_s,        u"low_confidence"_s, u"mean_confidence"_s,
                                     u"online"_s,           u"p50_latency_ms"_s, u"p95_latency_ms"_s};
        QCOMPARE(cam1.keys(), deviceKeys);
        QCOMPARE(cam1.value(u"count"_s).toInteger(), 2);
        QCOMPARE(cam1.value(u"defective"_s).toInteger(), 1);
        QCOMPARE(cam1.value(u"defect_rate"_s).toDouble(), 0.5);
        QCOMPARE(cam1.value(u"mean_confidence"_s).toDouble(), 0.8);
        QCOMPARE(cam1.value(u"low_confidence"_s).toInteger(), 1);
        QCOMPARE(cam1.value(u"p50_latency_ms"_s).toDouble(), 50.0); // the upper of two, as nearest rank rounds
        QCOMPARE(cam1.value(u"p95_latency_ms"_s).toDouble(), 50.0);
        QCOMPARE(cam1.value(u"online"_s).toBool(), false);
        QCOMPARE(devices.value(u"cam-2"_s).toObject().value(u"online"_s).toBool(), true);

        const QJsonArray alerts = json.value(u"alerts"_s).toArray();
        QCOMPARE(alerts.size(), 1);
        const QJsonObject alert = alerts[0].toObject();
        QCOMPARE(alert.value(u"device"_s).toString(), u"cam-1"_s);
        QCOMPARE(alert.value(u"kind"_s).toString(), u"silent"_s);
        QCOMPARE(alert.value(u"active"_s).toBool(), true);
        QVERIFY(!alert.value(u"message"_s).toString().isEmpty());
        QCOMPARE(alert.value(u"raised_at"_s).toString(), u"2023-11-14T22:13:30.000Z"_s);
    }
};

QTEST_GUILESS_MAIN(TestFleetStatistics)
#include "tst_fleetstatistics.moc"
