// InspectionParser: both firmware styles and every timestamp form parse to exact values; each kind
// of malformed payload gets its stable reason; random and mutated bytes never crash it.

#include "core/edge/inspectionparser.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 receivedAt = 1'750'000'000'000;

// The seed's firmware writes confidence and latency as strings; the other writes numbers.
const QByteArray seedPayload
    = R"({"device_id":"vqi-cell-01","timestamp":1700000000.123,"prediction":"good","confidence":"0.9876","inference_latency_ms":"41.20"})"_ba;
const QByteArray numericPayload
    = R"({"device_id":"vqi-cell-02","timestamp":1700000000123,"prediction":"defective","confidence":0.6512,"inference_latency_ms":38.5,"defect_type":"scratch","bbox":[10,12,30,18]})"_ba;

} // namespace

class TestInspectionParser : public QObject
{
    Q_OBJECT

private slots:
    void parsesValidPayloads_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QStringList>("goodClasses"); // empty: the default classes
        QTest::addColumn<QStringList>("defectiveClasses");
        QTest::addColumn<QString>("deviceId");
        QTest::addColumn<qint64>("timestampMs");
        QTest::addColumn<QString>("prediction");
        QTest::addColumn<bool>("defective");
        QTest::addColumn<double>("confidence");
        QTest::addColumn<double>("latencyMs");
        QTest::addColumn<QString>("imageUri");
        QTest::addColumn<QByteArray>("imageBase64");
        QTest::addColumn<QString>("defectType");
        QTest::addColumn<QJsonArray>("boundingBox");

        const QStringList defaults;
        QTest::newRow("seed firmware: strings, epoch seconds with fraction")
            << seedPayload << defaults << defaults << u"vqi-cell-01"_s << qint64(1700000000123) << u"good"_s << false
            << 0.9876 << 41.2 << QString() << QByteArray() << QString() << QJsonArray();
        QTest::newRow("numeric firmware: numbers, epoch milliseconds, defect type and bbox")
            << numericPayload << defaults << defaults << u"vqi-cell-02"_s << qint64(1700000000123) << u"defective"_s
            << true << 0.6512 << 38.5 << QString() << QByteArray() << u"scratch"_s << QJsonArray{10, 12, 30, 18};
        QTest::newRow("ISO 8601 in UTC with milliseconds")
            << R"({"device_id":"a","timestamp":"2024-05-01T12:00:00.250Z","prediction":"good","confidence":1,"inference_latency_ms":0})"_ba
            << defaults << defaults << u"a"_s << qint64(1714564800250) << u"good"_s << false << 1.0 << 0.0 << QString()
            << QByteArray() << QString() << QJsonArray();
        QTest::newRow("ISO 8601 with an offset")
            << R"({"device_id":"a","timestamp":"2024-05-01T14:00:00+02:00","prediction":"good","confidence":0,"inference_latency_ms":"7"})"_ba
            << defaults << defaults << u"a"_s << qint64(1714564800000) << u"good"_s << false << 0.0 << 7.0 << QString()
            << QByteArray() << QString() << QJsonArray();
        QTest::newRow("epoch seconds as a string, padded numbers")
            << R"({"device_id":"a","timestamp":"1700000000.25","prediction":"good","confidence":" 0.5 ","inference_latency_ms":" 12.5"})"_ba
            << defaults << defaults << u"a"_s << qint64(1700000000250) << u"good"_s << false << 0.5 << 12.5 << QString()
            << QByteArray() << QString() << QJsonArray();
        QTest::newRow("whole epoch seconds")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"good","confidence":"0.9","inference_latency_ms":3})"_ba
            << defaults << defaults << u"a"_s << qint64(1700000000000) << u"good"_s << false << 0.9 << 3.0 << QString()
            << QByteArray() << QString() << QJsonArray();
        QTest::newRow("image_uri on s3, unknown extra fields ignored")
            << R"({"device_id":"cam","timestamp":1700000000,"prediction":"defective","confidence":"0.6","inference_latency_ms":"40","image_uri":"s3://bucket/cam/1.jpg","firmware":"2.1"})"_ba
            << defaults << defaults << u"cam"_s << qint64(1700000000000) << u"defective"_s << true << 0.6 << 40.0
            << u"s3://bucket/cam/1.jpg"_s << QByteArray() << QString() << QJsonArray();
        QTest::newRow("image_base64 kept encoded")
            << R"({"device_id":"cam","timestamp":1700000000,"prediction":"good","confidence":0.99,"inference_latency_ms":40,"image_base64":"iVBORw0KGgo="})"_ba
            << defaults << defaults << u"cam"_s << qint64(1700000000000) << u"good"_s << false << 0.99 << 40.0
            << QString() << "iVBORw0KGgo="_ba << QString() << QJsonArray();
        QTest::newRow("optional fields null count as absent")
            << R"({"device_id":"cam","timestamp":1700000000,"prediction":"good","confidence":0.99,"inference_latency_ms":40,"image_uri":null,"image_base64":null,"defect_type":null,"bbox":null})"_ba
            << defaults << defaults << u"cam"_s << qint64(1700000000000) << u"good"_s << false << 0.99 << 40.0
            << QString() << QByteArray() << QString() << QJsonArray();
        QTest::newRow("custom classes: a good one")
            << R"({"device_id":"cam","timestamp":1700000000,"prediction":"pass","confidence":0.8,"inference_latency_ms":1})"_ba
            << QStringList{u"ok"_s, u"pass"_s} << QStringList{u"ng"_s, u"scrap"_s} << u"cam"_s << qint64(1700000000000)
            << u"pass"_s << false << 0.8 << 1.0 << QString() << QByteArray() << QString() << QJsonArray();
        QTest::newRow("custom classes: a defective one")
            << R"({"device_id":"cam","timestamp":1700000000,"prediction":"scrap","confidence":0.8,"inference_latency_ms":1})"_ba
            << QStringList{u"ok"_s, u"pass"_s} << QStringList{u"ng"_s, u"scrap"_s} << u"cam"_s << qint64(1700000000000)
            << u"scrap"_s << true << 0.8 << 1.0 << QString() << QByteArray() << QString() << QJsonArray();
    }

    void parsesValidPayloads()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QStringList, goodClasses);
        QFETCH(QStringList, defectiveClasses);
        InspectionParser::Classes classes;
        if (!goodClasses.isEmpty())
            classes.good = goodClasses;
        if (!defectiveClasses.isEmpty())
            classes.defective = defectiveClasses;

        const InspectionParser::Outcome outcome = InspectionParser(classes).parse(payload, receivedAt, u"line/1"_s);
        QVERIFY2(outcome.valid, qPrintable(outcome.reason + u": "_s + outcome.detail));
        QVERIFY(outcome.reason.isEmpty());
        const InspectionResult &result = outcome.result;
        QTEST(result.deviceId, "deviceId");
        QTEST(result.timestampMs, "timestampMs");
        QTEST(result.prediction, "prediction");
        QTEST(result.defective, "defective");
        QTEST(result.confidence, "confidence");
        QTEST(result.latencyMs, "latencyMs");
        QTEST(result.imageUri, "imageUri");
        QTEST(result.imageBase64, "imageBase64");
        QTEST(result.defectType, "defectType");
        QTEST(result.boundingBox, "boundingBox");
        QCOMPARE(result.receivedAtMs, receivedAt);
        QCOMPARE(result.topic, u"line/1"_s);
    }

    void namesTheReasonForMalformedPayloads_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("reason");

        // Each row breaks one thing in an otherwise valid message, so the reason is that thing's.
        const QByteArray rest
            = R"("timestamp":1700000000,"prediction":"good","confidence":0.9,"inference_latency_ms":40)"_ba;
        const auto withDevice = [&](const QByteArray &deviceField) -> QByteArray {
            return "{"_ba + deviceField + ","_ba + rest + "}"_ba;
        };

        QTest::newRow("empty payload") << QByteArray() << u"not_json"_s;
        QTest::newRow("plain text") << "defective 0.9"_ba << u"not_json"_s;
        QTest::newRow("truncated JSON") << seedPayload.left(seedPayload.size() / 2) << u"not_json"_s;
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe{", 4) << u"not_json"_s;
        QTest::newRow("array") << R"([{"device_id":"a"}])"_ba << u"not_object"_s;
        QTest::newRow("missing device_id") << QByteArray("{"_ba + rest + "}"_ba) << u"missing:device_id"_s;
        QTest::newRow("null device_id") << withDevice(R"("device_id":null)"_ba) << u"missing:device_id"_s;
        QTest::newRow("numeric device_id") << withDevice(R"("device_id":42)"_ba) << u"wrong_type:device_id"_s;
        QTest::newRow("empty device_id") << withDevice(R"("device_id":"")"_ba) << u"empty:device_id"_s;
        QTest::newRow("blank device_id") << withDevice(R"("device_id":"   ")"_ba) << u"empty:device_id"_s;
        QTest::newRow("missing timestamp")
            << R"({"device_id":"a","prediction":"good","confidence":0.9,"inference_latency_ms":40})"_ba
            << u"missing:timestamp"_s;
        QTest::newRow("timestamp in words")
            << R"({"device_id":"a","timestamp":"yesterday","prediction":"good","confidence":0.9,"inference_latency_ms":40})"_ba
            << u"bad_timestamp"_s;
        QTest::newRow("timestamp as bool")
            << R"({"device_id":"a","timestamp":true,"prediction":"good","confidence":0.9,"inference_latency_ms":40})"_ba
            << u"wrong_type:timestamp"_s;
        QTest::newRow("negative timestamp")
            << R"({"device_id":"a","timestamp":-5,"prediction":"good","confidence":0.9,"inference_latency_ms":40})"_ba
            << u"out_of_range:timestamp"_s;
        QTest::newRow("timestamp beyond any clock")
            << R"({"device_id":"a","timestamp":1e30,"prediction":"good","confidence":0.9,"inference_latency_ms":40})"_ba
            << u"out_of_range:timestamp"_s;
        QTest::newRow("missing prediction")
            << R"({"device_id":"a","timestamp":1700000000,"confidence":0.9,"inference_latency_ms":40})"_ba
            << u"missing:prediction"_s;
        QTest::newRow("numeric prediction")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":1,"confidence":0.9,"inference_latency_ms":40})"_ba
            << u"wrong_type:prediction"_s;
        QTest::newRow("unknown class")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"unsure","confidence":0.9,"inference_latency_ms":40})"_ba
            << u"unknown_class"_s;
        QTest::newRow("missing confidence")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"good","inference_latency_ms":40})"_ba
            << u"missing:confidence"_s;
        QTest::newRow("confidence in words")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"good","confidence":"high","inference_latency_ms":40})"_ba
            << u"not_a_number:confidence"_s;
        QTest::newRow("empty confidence string")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"good","confidence":"","inference_latency_ms":40})"_ba
            << u"not_a_number:confidence"_s;
        QTest::newRow("confidence NaN string")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"good","confidence":"nan","inference_latency_ms":40})"_ba
            << u"not_a_number:confidence"_s;
        QTest::newRow("confidence inf string")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"good","confidence":"inf","inference_latency_ms":40})"_ba
            << u"not_a_number:confidence"_s;
        QTest::newRow("confidence -inf string")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"good","confidence":"-inf","inference_latency_ms":40})"_ba
            << u"not_a_number:confidence"_s;
        QTest::newRow("confidence overflowing string")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"good","confidence":"1e999","inference_latency_ms":40})"_ba
            << u"not_a_number:confidence"_s;
        QTest::newRow("confidence as array")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"good","confidence":[0.9],"inference_latency_ms":40})"_ba
            << u"wrong_type:confidence"_s;
        QTest::newRow("confidence as bool")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"good","confidence":true,"inference_latency_ms":40})"_ba
            << u"wrong_type:confidence"_s;
        QTest::newRow("confidence above 1")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"good","confidence":"1.7","inference_latency_ms":40})"_ba
            << u"out_of_range:confidence"_s;
        QTest::newRow("confidence below 0")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"good","confidence":-0.01,"inference_latency_ms":40})"_ba
            << u"out_of_range:confidence"_s;
        QTest::newRow("confidence a percentage")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"good","confidence":98.76,"inference_latency_ms":40})"_ba
            << u"out_of_range:confidence"_s;
        QTest::newRow("missing latency")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"good","confidence":0.9})"_ba
            << u"missing:inference_latency_ms"_s;
        QTest::newRow("latency in words")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"good","confidence":0.9,"inference_latency_ms":"fast"})"_ba
            << u"not_a_number:inference_latency_ms"_s;
        QTest::newRow("latency NaN string")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"good","confidence":0.9,"inference_latency_ms":"NaN"})"_ba
            << u"not_a_number:inference_latency_ms"_s;
        QTest::newRow("latency as object")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"good","confidence":0.9,"inference_latency_ms":{}})"_ba
            << u"wrong_type:inference_latency_ms"_s;
        QTest::newRow("negative latency")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"good","confidence":0.9,"inference_latency_ms":"-3"})"_ba
            << u"out_of_range:inference_latency_ms"_s;
        QTest::newRow("image_uri not a string")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"good","confidence":0.9,"inference_latency_ms":4,"image_uri":7})"_ba
            << u"wrong_type:image_uri"_s;
        QTest::newRow("image_base64 not base64")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"good","confidence":0.9,"inference_latency_ms":4,"image_base64":"not base64!"})"_ba
            << u"bad_base64:image_base64"_s;
        QTest::newRow("image_base64 not a string")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"good","confidence":0.9,"inference_latency_ms":4,"image_base64":[1]})"_ba
            << u"wrong_type:image_base64"_s;
        QTest::newRow("defect_type not a string")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"defective","confidence":0.9,"inference_latency_ms":4,"defect_type":3})"_ba
            << u"wrong_type:defect_type"_s;
        QTest::newRow("bbox as a string")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"defective","confidence":0.9,"inference_latency_ms":4,"bbox":"1,2,3,4"})"_ba
            << u"wrong_type:bbox"_s;
        QTest::newRow("bbox as an object")
            << R"({"device_id":"a","timestamp":1700000000,"prediction":"defective","confidence":0.9,"inference_latency_ms":4,"bbox":{"x":1}})"_ba
            << u"wrong_type:bbox"_s;
    }

    void namesTheReasonForMalformedPayloads()
    {
        QFETCH(QByteArray, payload);
        const InspectionParser::Outcome outcome = InspectionParser().parse(payload, receivedAt);
        QVERIFY2(!outcome.valid, payload.constData());
        QTEST(outcome.reason, "reason");
        QVERIFY(!outcome.detail.trimmed().isEmpty());
    }

    void aPayloadOverTheLimitIsTooLargeAndNotParsed()
    {
        // Valid JSON padded with whitespace: at the limit it is read, one byte over it is refused unread.
        QByteArray atLimit = seedPayload;
        atLimit.insert(1, QByteArray(InspectionParser::DefaultPayloadLimit - seedPayload.size(), ' '));
        QCOMPARE(atLimit.size(), InspectionParser::DefaultPayloadLimit);
        InspectionParser parser;
        QVERIFY(parser.parse(atLimit, receivedAt).valid);

        const QByteArray over = atLimit + ' ';
        const InspectionParser::Outcome refused = parser.parse(over, receivedAt);
        QVERIFY(!refused.valid);
        QCOMPARE(refused.reason, u"too_large"_s);
        QVERIFY2(refused.detail.contains(QString::number(over.size())) && refused.detail.contains(u"131072"_s),
                 qPrintable(refused.detail));

        parser.setPayloadLimit(0);
        QVERIFY(parser.parse(over, receivedAt).valid);
    }

    void defaultClassesAreNotAcceptedUnderCustomOnes()
    {
        // A site that renamed its classes must not count a stray "good" as one of its own.
        InspectionParser::Classes classes;
        classes.good = QStringList{u"ok"_s};
        classes.defective = QStringList{u"ng"_s};
        const InspectionParser::Outcome outcome = InspectionParser(classes).parse(seedPayload, receivedAt);
        QVERIFY(!outcome.valid);
        QCOMPARE(outcome.reason, u"unknown_class"_s);
        QVERIFY(outcome.detail.contains(u"ok"_s) && outcome.detail.contains(u"ng"_s));
    }

    void randomAndMutatedBytesNeverCrashTheParser()
    {
        QRandomGenerator random(20240501);
        const InspectionParser parser;
        const QList<QByteArray> valid{
            seedPayload, numericPayload,
            R"({"device_id":"c","timestamp":"2024-05-01T12:00:00Z","prediction":"good","confidence":"1","inference_latency_ms":"0","image_base64":"iVBORw0KGgo=","bbox":[1,2,3,4]})"_ba};
        // Bytes that steer mutations into the interesting parts of the grammar, not only noise.
        const QList<QByteArray> fragments{"\""_ba, "{"_ba,   "}"_ba,       ","_ba,    ":"_ba,  "null"_ba,  "-"_ba,
                                          "e9"_ba, "nan"_ba, "\\u0000"_ba, "\xff"_ba, "[]"_ba, "1e308"_ba, " "_ba};
        const QRegularExpression stableReason(
            u"^(not_json|not_object|unknown_class|bad_timestamp|(missing|wrong_type|empty|not_a_number|out_of_range|bad_base64):[a-z_0-9]+)$"_s);
        int validCount = 0, malformedCount = 0;
        for (int round = 0; round < 20000; ++round) {
            QByteArray payload;
            if (round % 4 == 0) {
                payload.resize(random.bounded(200));
                for (char &byte : payload)
                    byte = char(random.bounded(256));
            } else {
                payload = valid[random.bounded(int(valid.size()))];
                const int mutations = 1 + random.bounded(3);
                for (int step = 0; step < mutations && !payload.isEmpty(); ++step) {
                    const int at = random.bounded(int(payload.size()));
                    switch (random.bounded(4)) {
                    case 0:
                        payload[at] = char(payload[at] ^ char(1 << random.bounded(8)));
                        break;
                    case 1:
                        payload.truncate(at);
                        break;
                    case 2:
                        payload.insert(at, fragments[random.bounded(int(fragments.size()))]);
                        break;
                    default:
                        payload.remove(at, 1 + random.bounded(4));
                        break;
                    }
                }
            }
            const InspectionParser::Outcome outcome = parser.parse(payload, receivedAt);
            if (outcome.valid) {
                ++validCount;
                QVERIFY2(!outcome.result.deviceId.trimmed().isEmpty(), payload.toPercentEncoding().constData());
                QVERIFY2(outcome.result.confidence >= 0 && outcome.result.confidence <= 1,
                         payload.toPercentEncoding().constData());
                QVERIFY2(std::isfinite(outcome.result.latencyMs) && outcome.result.latencyMs >= 0,
                         payload.toPercentEncoding().constData());
                QVERIFY2(outcome.result.timestampMs >= 0, payload.toPercentEncoding().constData());
                QVERIFY(outcome.reason.isEmpty());
            } else {
                ++malformedCount;
                QVERIFY2(stableReason.match(outcome.reason).hasMatch(),
                         qPrintable(outcome.reason + u" for "_s + QString::fromLatin1(payload.toPercentEncoding())));
                QVERIFY2(!outcome.detail.isEmpty(), qPrintable(outcome.reason));
            }
        }
        // Both paths must have been exercised, or the properties above proved nothing.
        QCOMPARE(validCount + malformedCount, 20000);
        QVERIFY2(validCount > 500, qPrintable(QString::number(validCount)));
        QVERIFY2(malformedCount > 10000, qPrintable(QString::number(malformedCount)));
    }
};

QTEST_GUILESS_MAIN(TestInspectionParser)
#include "tst_inspectionparser.moc"
