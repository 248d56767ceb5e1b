#include "core/providers/conversestreamevent.h"
#include "core/providers/eventstreamdecoder.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QUuid>
#include <QtEndian>

#include <zlib.h>

using namespace Qt::StringLiterals;

namespace {

// What a whole stream came to: the messages decoded, then the first error if there was one.
struct Outcome
{
    QList<EventStreamMessage> messages;
    QString error;
    bool heldOnlyWhatItWasGiven = true;
};

// What the vectors' README says a correct decoder does with each file.
struct VectorExpectation
{
    QString file;
    int messageCount;
    QString errorStart; // empty when the stream must decode cleanly
};

QList<VectorExpectation> vectorExpectations()
{
    return {
        {u"converse-stream-ok.bin"_s, 7, {}},
        {u"converse-stream-throttled.bin"_s, 3, {}},
        {u"bad-prelude-crc.bin"_s, 0, u"event stream: prelude checksum mismatch at byte offset 0"_s},
        {u"bad-message-crc.bin"_s, 0, u"event stream: message checksum mismatch at byte offset 0"_s},
        {u"truncated.bin"_s, 0, u"event stream: incomplete frame at byte offset 0: 171 of 176 bytes"_s},
        {u"absurd-length.bin"_s, 0, u"event stream: declared frame length 2147483647 at byte offset 0 exceeds"_s},
    };
}

Outcome decodeChunks(const QList<QByteArrayView> &chunks)
{
    EventStreamDecoder decoder;
    Outcome outcome;
    qsizetype fed = 0;
    for (const QByteArrayView chunk : chunks) {
        fed += chunk.size();
        const auto result = decoder.feed(chunk);
        // The decoder keeps only bytes it was given and has not yet turned into messages.
        if (decoder.bufferedBytes() > fed - decoder.consumedBytes())
            outcome.heldOnlyWhatItWasGiven = false;
        if (!result) {
            outcome.error = result.error().message;
            return outcome;
        }
        outcome.messages += result.value();
    }
    const Status end = decoder.finish();
    if (!end)
        outcome.error = end.error().message;
    return outcome;
}

Outcome decodeWhole(const QByteArray &data)
{
    return decodeChunks({QByteArrayView(data)});
}

Outcome decodeSplitAt(const QByteArray &data, qsizetype split)
{
    return decodeChunks({QByteArrayView(data).first(split), QByteArrayView(data).sliced(split)});
}

Outcome decodeByteByByte(const QByteArray &data)
{
    QList<QByteArrayView> chunks;
    for (qsizetype i = 0; i < data.size(); ++i)
        chunks.append(QByteArrayView(data).sliced(i, 1));
    return decodeChunks(chunks);
}

QByteArray readVector(const QString &name)
{
    QFile file(QStringLiteral(EVENTSTREAM_VECTOR_DIR) + u'/' + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test vector %s", qPrintable(file.fileName()));
    return file.readAll();
}

void appendUInt32(QByteArray &bytes, quint32 value)
{
    char buffer[4];
    qToBigEndian(value, buffer);
    bytes.append(buffer, 4);
}

quint32 crcOf(QByteArrayView bytes)
{
    return quint32(crc32(0, reinterpret_cast<const Bytef *>(bytes.data()), uInt(bytes.size())));
}

// A frame with correct checksums around whatever header bytes the test wants to try.
QByteArray encodeFrame(const QByteArray &headers, const QByteArray &payload)
{
    QByteArray frame;
    appendUInt32(frame, quint32(16 + headers.size() + payload.size()));
    appendUInt32(frame, quint32(headers.size()));
    appendUInt32(frame, crcOf(frame));
    frame += headers;
    frame += payload;
    appendUInt32(frame, crcOf(frame));
    return frame;
}

QByteArray headerStart(const QByteArray &name, quint8 type)
{
    return char(name.size()) + name + char(type);
}

QByteArray stringHeader(const QByteArray &name, const QByteArray &value)
{
    QByteArray header = headerStart(name, 7);
    header += char(value.size() >> 8);
    header += char(value.size() & 0xff);
    return header + value;
}

template<typename T> QByteArray bigEndian(T value)
{
    QByteArray bytes(sizeof(T), Qt::Uninitialized);
    qToBigEndian(value, bytes.data());
    return bytes;
}

// Recomputes the message checksum of the frame at the start of `data`, so a mutation inside it gets
// past the checksum and reaches the header parser and the JSON interpreter.
void resignFirstFrame(QByteArray &data)
{
    const qsizetype length = qFromBigEndian<quint32>(data.constData());
    qToBigEndian(crcOf(QByteArrayView(data).first(length - 4)), data.data() + length - 4);
}

} // namespace

class TestEventStreamDecoder : public QObject
{
    Q_OBJECT

private slots:
    void everyVectorIsCovered();
    void vectorOutcome_data();
    void vectorOutcome();
    void okVectorMatchesExpectedEvents();
    void throttledVectorEndsInException();
    void truncatedVectorReportsIncompleteFrame();
    void absurdLengthIsRejectedFromItsFirstFourBytes();
    void splitsGiveTheSameOutcome_data();
    void splitsGiveTheSameOutcome();
    void goodFramesBeforeABadOneAreDelivered();
    void staysFailedAfterAnError();
    void decodesEveryHeaderType();
    void rejectsMalformedFrames_data();
    void rejectsMalformedFrames();
    void malformedJsonIsAnError();
    void randomBytesFailCleanly();
    void mutatedStreamsDecodeOrFailCleanly();
};

void TestEventStreamDecoder::everyVectorIsCovered()
{
    // A vector added to the directory without an expectation here must not go untested.
    QStringList files = QDir(QStringLiteral(EVENTSTREAM_VECTOR_DIR)).entryList({u"*.bin"_s}, QDir::Files);
    QStringList expected;
    for (const VectorExpectation &vector : vectorExpectations())
        expected.append(vector.file);
    files.sort();
    expected.sort();
    QCOMPARE(files, expected);
}

void TestEventStreamDecoder::vectorOutcome_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("messageCount");
    QTest::addColumn<QString>("error");
    for (const VectorExpectation &vector : vectorExpectations())
        QTest::newRow(qPrintable(vector.file)) << vector.file << vector.messageCount << vector.errorStart;
}

void TestEventStreamDecoder::vectorOutcome()
{
    QFETCH(QString, file);
    QFETCH(int, messageCount);
    QFETCH(QString, error);

    const Outcome outcome = decodeWhole(readVector(file));
    QVERIFY(outcome.heldOnlyWhatItWasGiven);
    QCOMPARE(outcome.messages.size(), messageCount);
    if (error.isEmpty())
        QCOMPARE(outcome.error, QString());
    else
        QVERIFY2(outcome.error.startsWith(error), qPrintable(outcome.error));
}

void TestEventStreamDecoder::okVectorMatchesExpectedEvents()
{
    const QJsonObject expected = QJsonDocument::fromJson(readVector(u"converse-stream-ok.expected.json"_s)).object();
    const Outcome outcome = decodeWhole(readVector(u"converse-stream-ok.bin"_s));
    QCOMPARE(outcome.error, QString());

    QStringList names;
    QString text;
    for (const EventStreamMessage &message : outcome.messages) {
        QCOMPARE(message.messageType(), u"event"_s);
        QCOMPARE(message.headers.value(u":content-type"_s).toString(), u"application/json"_s);
        const auto event = ConverseStreamEvent::fromMessage(message);
        QVERIFY2(event.ok(), qPrintable(event.ok() ? QString() : event.error().message));
        names.append(event.value().name);
        switch (event.value().type) {
        case ConverseStreamEvent::Type::MessageStart:
            QCOMPARE(event.value().role, u"assistant"_s);
            break;
        case ConverseStreamEvent::Type::ContentBlockDelta:
            QCOMPARE(event.value().contentBlockIndex, 0);
            text += event.value().text;
            break;
        case ConverseStreamEvent::Type::ContentBlockStop:
            break;
        case ConverseStreamEvent::Type::MessageStop:
            QCOMPARE(event.value().stopReason, expected.value("stopReason"_L1).toString());
            break;
        case ConverseStreamEvent::Type::Metadata: {
            const QJsonObject usage = expected.value("usage"_L1).toObject();
            QCOMPARE(event.value().inputTokens, usage.value("inputTokens"_L1).toInteger());
            QCOMPARE(event.value().outputTokens, usage.value("outputTokens"_L1).toInteger());
            QCOMPARE(event.value().totalTokens, usage.value("totalTokens"_L1).toInteger());
            QCOMPARE(event.value().latencyMs, expected.value("latencyMs"_L1).toInteger());
            break;
        }
        case ConverseStreamEvent::Type::Exception:
        case ConverseStreamEvent::Type::Other:
            QFAIL(qPrintable(u"unexpected event "_s + event.value().name));
        }
    }
    QStringList expectedNames;
    for (const QJsonValue &name : expected.value("events"_L1).toArray())
        expectedNames.append(name.toString());
    QCOMPARE(names, expectedNames);
    QCOMPARE(text, expected.value("text"_L1).toString());
}

void TestEventStreamDecoder::throttledVectorEndsInException()
{
    const Outcome outcome = decodeWhole(readVector(u"converse-stream-throttled.bin"_s));
    QCOMPARE(outcome.error, QString());
    QCOMPARE(outcome.messages.size(), 3);

    QList<ConverseStreamEvent> events;
    for (const EventStreamMessage &message : outcome.messages) {
        const auto event = ConverseStreamEvent::fromMessage(message);
        QVERIFY(event.ok());
        events.append(event.value());
    }
    QCOMPARE(events[0].type, ConverseStreamEvent::Type::MessageStart);
    QCOMPARE(events[1].type, ConverseStreamEvent::Type::ContentBlockDelta);
    QCOMPARE(events[1].text, u"Returns are "_s);
    QCOMPARE(outcome.messages[2].messageType(), u"exception"_s);
    QCOMPARE(outcome.messages[2].exceptionType(), u"throttlingException"_s);
    QCOMPARE(events[2].type, ConverseStreamEvent::Type::Exception);
    QCOMPARE(events[2].name, u"throttlingException"_s);
    QCOMPARE(events[2].errorMessage, u"Too many requests, please wait before trying again."_s);
    QCOMPARE(events[2].toError().kind, Error::Kind::Throttled);
}

void TestEventStreamDecoder::truncatedVectorReportsIncompleteFrame()
{
    const QByteArray data = readVector(u"truncated.bin"_s);
    EventStreamDecoder decoder;
    const auto result = decoder.feed(data);
    QVERIFY(result.ok());
    QVERIFY(result.value().isEmpty());
    QVERIFY(decoder.hasPartialFrame());
    QCOMPARE(decoder.bufferedBytes(), data.size());
    QVERIFY(!decoder.hasFailed());
    const Status end = decoder.finish();
    QVERIFY(!end.ok());
    QCOMPARE(end.error().message, u"event stream: incomplete frame at byte offset 0: 171 of 176 bytes"_s);

    EventStreamDecoder fewBytes;
    QVERIFY(fewBytes.feed(data.first(3)).ok());
    QCOMPARE(fewBytes.finish().error().message,
             u"event stream: incomplete frame at byte offset 0: 3 bytes, too few to hold its length"_s);
}

void TestEventStreamDecoder::absurdLengthIsRejectedFromItsFirstFourBytes()
{
    const QByteArray data = readVector(u"absurd-length.bin"_s);
    EventStreamDecoder decoder;
    const auto result = decoder.feed(data.first(4));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Service);
    QVERIFY(decoder.hasFailed());
    // Nothing is held for a frame that will never be read.
    QCOMPARE(decoder.bufferedBytes(), qsizetype(0));
    QVERIFY(!decoder.hasPartialFrame());

    // The limit is the caller's to set: 100 bytes refuses the ok stream's 163-byte first frame.
    EventStreamDecoder strict(100);
    const auto refused = strict.feed(readVector(u"converse-stream-ok.bin"_s));
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.contains("163"_L1));
}

void TestEventStreamDecoder::splitsGiveTheSameOutcome_data()
{
    vectorOutcome_data();
}

void TestEventStreamDecoder::splitsGiveTheSameOutcome()
{
    QFETCH(QString, file);
    const QByteArray data = readVector(file);
    const Outcome whole = decodeWhole(data);

    for (qsizetype split = 0; split <= data.size(); ++split) {
        const Outcome parts = decodeSplitAt(data, split);
        const QString where = u"split at %1"_s.arg(split);
        QVERIFY2(parts.heldOnlyWhatItWasGiven, qPrintable(where));
        QVERIFY2(parts.error == whole.error, qPrintable(where + u": "_s + parts.error));
        QVERIFY2(parts.messages == whole.messages, qPrintable(where));
    }
    const Outcome bytes = decodeByteByByte(data);
    QVERIFY(bytes.heldOnlyWhatItWasGiven);
    QCOMPARE(bytes.error, whole.error);
    QVERIFY(bytes.messages == whole.messages);
}

void TestEventStreamDecoder::goodFramesBeforeABadOneAreDelivered()
{
    const QByteArray ok = readVector(u"converse-stream-ok.bin"_s);
    const QByteArray data = ok + readVector(u"bad-prelude-crc.bin"_s);
    EventStreamDecoder decoder;
    const auto first = decoder.feed(data);
    QVERIFY(first.ok());
    QCOMPARE(first.value().size(), 7);
    QVERIFY(decoder.hasFailed());
    const Status end = decoder.finish();
    QVERIFY(!end.ok());
    const QString expected = u"event stream: prelude checksum mismatch at byte offset %1"_s.arg(ok.size());
    QVERIFY2(end.error().message.startsWith(expected), qPrintable(end.error().message));
    QCOMPARE(decoder.consumedBytes(), qint64(ok.size()));
}

void TestEventStreamDecoder::staysFailedAfterAnError()
{
    EventStreamDecoder decoder;
    QVERIFY(!decoder.feed(readVector(u"bad-message-crc.bin"_s)).ok());
    const auto after = decoder.feed(readVector(u"converse-stream-ok.bin"_s));
    QVERIFY(!after.ok());
    QVERIFY(after.error().message.contains("message checksum mismatch"_L1));
    QVERIFY(!decoder.finish().ok());
    QCOMPARE(decoder.bufferedBytes(), qsizetype(0));
}

void TestEventStreamDecoder::decodesEveryHeaderType()
{
    const QByteArray uuidBytes = QByteArray::fromHex("00112233445566778899aabbccddeeff");
    QByteArray headers;
    headers += headerStart("yes", 0);
    headers += headerStart("no", 1);
    headers += headerStart("byte", 2) + char(-2);
    headers += headerStart("short", 3) + bigEndian<qint16>(-300);
    headers += headerStart("int", 4) + bigEndian<qint32>(-100000);
    headers += headerStart("long", 5) + bigEndian<qint64>(0x0102030405060708);
    headers += headerStart("bytes", 6) + bigEndian<quint16>(3) + QByteArray("\x00\x01\xff", 3);
    headers += stringHeader("string", "h\xc3\xa9llo");
    headers += headerStart("timestamp", 8) + bigEndian<qint64>(1700000000123);
    headers += headerStart("uuid", 9) + uuidBytes;

    const Outcome outcome = decodeWhole(encodeFrame(headers, "{}"));
    QCOMPARE(outcome.error, QString());
    QCOMPARE(outcome.messages.size(), 1);
    const QHash<QString, QVariant> &decoded = outcome.messages.first().headers;
    QCOMPARE(decoded.size(), 10);
    QCOMPARE(decoded.value(u"yes"_s), QVariant(true));
    QCOMPARE(decoded.value(u"no"_s), QVariant(false));
    QCOMPARE(decoded.value(u"byte"_s).typeId(), int(QMetaType::SChar));
    QCOMPARE(decoded.value(u"byte"_s).value<qint8>(), qint8(-2));
    QCOMPARE(decoded.value(u"short"_s).typeId(), int(QMetaType::Short));
    QCOMPARE(decoded.value(u"short"_s).value<qint16>(), qint16(-300));
    QCOMPARE(decoded.value(u"int"_s).typeId(), int(QMetaType::Int));
    QCOMPARE(decoded.value(u"int"_s).toInt(), -100000);
    QCOMPARE(decoded.value(u"long"_s).typeId(), int(QMetaType::LongLong));
    QCOMPARE(decoded.value(u"long"_s).toLongLong(), qint64(0x0102030405060708));
    QCOMPARE(decoded.value(u"bytes"_s).toByteArray(), QByteArray("\x00\x01\xff", 3));
    QCOMPARE(decoded.value(u"string"_s).toString(), u"h\u00e9llo"_s);
    QCOMPARE(decoded.value(u"timestamp"_s).toDateTime(), QDateTime::fromMSecsSinceEpoch(1700000000123, Qt::UTC));
    QCOMPARE(decoded.value(u"uuid"_s).toUuid(), QUuid::fromRfc4122(uuidBytes));
    QCOMPARE(outcome.messages.first().payload, QByteArray("{}"));

    // The smallest legal frame: no headers, no payload.
    const Outcome empty = decodeWhole(encodeFrame({}, {}));
    QCOMPARE(empty.error, QString());
    QCOMPARE(empty.messages.size(), 1);
    QVERIFY(empty.messages.first().headers.isEmpty());
}

void TestEventStreamDecoder::rejectsMalformedFrames_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("error");

    QByteArray tooShort;
    appendUInt32(tooShort, 15);
    QTest::newRow("below minimum length") << tooShort << u"frame length 15 at byte offset 0 is below"_s;

    QByteArray oversizedHeaders;
    appendUInt32(oversizedHeaders, 20);
    appendUInt32(oversizedHeaders, 5);
    appendUInt32(oversizedHeaders, crcOf(oversizedHeaders));
    QTest::newRow("headers longer than frame")
        << oversizedHeaders << u"headers length 5 does not fit in the 20-byte frame"_s;

    QTest::newRow("unknown header type") << encodeFrame(headerStart("odd", 10), {})
                                         << u"malformed header at byte offset 12: header \"odd\" has unknown"_s;
    QTest::newRow("empty header name") << encodeFrame(headerStart("", 0), {}) << u"empty header name"_s;
    QTest::newRow("name past section") << encodeFrame(QByteArray("\x09"
                                                                 "abc",
                                                                 4),
                                                      "{}")
                                       << u"header name runs past"_s;
    QTest::newRow("string past section") << encodeFrame(headerStart("s", 7) + bigEndian<quint16>(50) + "abc", {})
                                         << u"value of header \"s\" runs past"_s;
    QTest::newRow("string length cut") << encodeFrame(headerStart("s", 7) + char(0), {})
                                       << u"value of header \"s\" runs past"_s;
    QTest::newRow("uuid cut") << encodeFrame(headerStart("u", 9) + QByteArray(15, 'x'), {})
                              << u"value of header \"u\" runs past"_s;
}

void TestEventStreamDecoder::rejectsMalformedFrames()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    const Outcome outcome = decodeWhole(data);
    QVERIFY(outcome.messages.isEmpty());
    QVERIFY2(outcome.error.contains(error), qPrintable(outcome.error));
}

void TestEventStreamDecoder::malformedJsonIsAnError()
{
    const QByteArray headers = stringHeader(":message-type", "event") + stringHeader(":event-type", "messageStop");
    const Outcome outcome = decodeWhole(encodeFrame(headers, "{\"stopReason\":"));
    QCOMPARE(outcome.messages.size(), 1);
    const auto event = ConverseStreamEvent::fromMessage(outcome.messages.first());
    QVERIFY(!event.ok());
    QVERIFY2(event.error().message.startsWith("event stream: messageStop payload is not valid JSON"_L1),
             qPrintable(event.error().message));

    const Outcome array = decodeWhole(encodeFrame(headers, "[1]"));
    QVERIFY(!ConverseStreamEvent::fromMessage(array.messages.first()).ok());

    const QByteArray unknown = stringHeader(":message-type", "surprise");
    QVERIFY(!ConverseStreamEvent::fromMessage(decodeWhole(encodeFrame(unknown, "{}")).messages.first()).ok());
}

void TestEventStreamDecoder::randomBytesFailCleanly()
{
    QRandomGenerator random(20240611);
    for (int round = 0; round < 3000; ++round) {
        QByteArray data(random.bounded(0, 64), Qt::Uninitialized);
        for (char &byte : data)
            byte = char(random.bounded(256));
        // Small lengths make it likely that the prelude at least parses now and then.
        if (data.size() >= 4 && random.bounded(2) == 0)
            qToBigEndian(quint32(random.bounded(0, 80)), data.data());
        const Outcome outcome = decodeSplitAt(data, random.bounded(data.size() + 1));
        QVERIFY(!outcome.error.isEmpty() || data.isEmpty() || !outcome.messages.isEmpty());
    }
}

void TestEventStreamDecoder::mutatedStreamsDecodeOrFailCleanly()
{
    const QByteArray ok = readVector(u"converse-stream-ok.bin"_s);
    const qsizetype firstFrameLength = qFromBigEndian<quint32>(ok.constData());
    QRandomGenerator random(7);
    int decodedCleanly = 0;
    for (int round = 0; round < 3000; ++round) {
        QByteArray data = ok;
        const int mutations = random.bounded(1, 5);
        const bool resign = random.bounded(2) == 0;
        for (int i = 0; i < mutations && !data.isEmpty(); ++i) {
            // Re-signed rounds mutate only headers and payload of the first frame, to get past the checksums.
            const qsizetype position
                = resign ? random.bounded(12, int(firstFrameLength) - 4) : random.bounded(int(data.size()));
            switch (random.bounded(3)) {
            case 0:
                data[position] = char(random.bounded(256));
                break;
            case 1:
                data[position] = char(data[position] ^ (1 << random.bounded(8)));
                break;
            default:
                if (!resign)
                    data.truncate(position);
                break;
            }
        }
        if (resign)
            resignFirstFrame(data);

        QList<QByteArrayView> chunks;
        for (qsizetype at = 0; at < data.size();) {
            const qsizetype size = qMin<qsizetype>(random.bounded(1, 300), data.size() - at);
            chunks.append(QByteArrayView(data).sliced(at, size));
            at += size;
        }
        const Outcome outcome = decodeChunks(chunks);
        QVERIFY(outcome.messages.size() <= 7);
        if (outcome.error.isEmpty())
            ++decodedCleanly;
        QVERIFY(outcome.error.isEmpty() || outcome.error.startsWith("event stream: "_L1));
        for (const EventStreamMessage &message : outcome.messages)
            (void)ConverseStreamEvent::fromMessage(message);
    }
    // Re-signed payload mutations often still frame correctly; none decoding would mean a broken test.
    QVERIFY(decodedCleanly > 0);
}

QTEST_GUILESS_MAIN(TestEventStreamDecoder)
#include "tst_eventstreamdecoder.moc"
