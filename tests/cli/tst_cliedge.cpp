// `genaiops edge` end to end: the real binary against a real mosquitto, fed by mosquitto_pub, the
// simulator and a replayed recording; exact counts, and the exit codes of the CLI contract.

#include "core/edge/localbroker.h"
#include "core/edge/recordingrepository.h"
#include "core/storage/workspace.h"
#include "core/workspaceschema.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString topic = u"greengrass/vqi/inference_results"_s;

struct Outcome
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

struct DeviceCounts
{
    int count = 0;
    int defective = 0;
    int lowConfidence = 0;
};

// What a published stream holds, counted while it is written rather than by any parser.
struct Expected
{
    int messages = 0;
    int valid = 0;
    int malformed = 0;
    QMap<QString, int> reasons;
    QMap<QString, DeviceCounts> devices;
};

// A running `edge listen` and everything it has written to stderr so far.
struct Listener
{
    QProcess process;
    QByteArray err;
};

// Writes `lines` inspection results, one per line: both firmware styles, three timestamp forms and
// eight kinds of malformed message. No empty lines: mosquitto_pub -l sends those as empty messages.
Expected writeStream(const QString &path, int lines)
{
    struct Malformed
    {
        const char *payload;
        const char *reason;
    };
    const Malformed malformedKinds[] = {
        {"inspection failed: camera timeout", "not_json"},
        {R"(["cam-01", 0.9])", "not_object"},
        {R"({"timestamp":1700000000.5,"prediction":"good","confidence":"0.9","inference_latency_ms":"40"})",
         "missing:device_id"},
        {R"({"device_id":"cam-01","timestamp":1700000000.5,"prediction":"unsure","confidence":"0.5","inference_latency_ms":"40"})",
         "unknown_class"},
        {R"({"device_id":"cam-02","timestamp":1700000000500,"prediction":"good","confidence":1.7,"inference_latency_ms":40})",
         "out_of_range:confidence"},
        {R"({"device_id":"cam-01","timestamp":1700000000.5,"prediction":"good","confidence":"high","inference_latency_ms":"40"})",
         "not_a_number:confidence"},
        {R"({"device_id":"","timestamp":1700000000.5,"prediction":"good","confidence":"0.9","inference_latency_ms":"40"})",
         "empty:device_id"},
        {R"({"device_id":"cam-03","timestamp":"2024-05-01T12:00:00Z","prediction":"good","confidence":"0.9"})",
         "missing:inference_latency_ms"},
    };
    const QStringList devices{u"cam-01"_s, u"cam-02"_s, u"cam-03"_s};
    Expected expected;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return expected;
    for (int index = 0; index < lines; ++index) {
        ++expected.messages;
        if (index % 8 == 7) {
            const Malformed &kind = malformedKinds[(index / 8) % 8];
            file.write(QByteArray(kind.payload) + '\n');
            ++expected.malformed;
            ++expected.reasons[QString::fromLatin1(kind.reason)];
            continue;
        }
        const QString device = devices[index % 3];
        const bool defective = index % 5 == 0;
        const double confidence = index % 6 == 0 ? 0.55 : 0.91;
        const double latency = 30 + index % 20;
        QJsonObject payload{{u"device_id"_s, device}, {u"prediction"_s, defective ? u"defective"_s : u"good"_s}};
        if (device == u"cam-02"_s) { // numeric firmware, epoch milliseconds
            payload.insert(u"timestamp"_s, 1700000000000.0 + index);
            payload.insert(u"confidence"_s, confidence);
            payload.insert(u"inference_latency_ms"_s, latency);
        } else { // the seed's firmware: strings; epoch seconds or ISO 8601
            payload.insert(u"timestamp"_s,
                           device == u"cam-01"_s ? QJsonValue(1700000000.25 + index)
                                                 : QJsonValue(u"2024-05-01T12:00:00.250Z"_s));
            payload.insert(u"confidence"_s, QString::number(confidence, 'f', 4));
            payload.insert(u"inference_latency_ms"_s, QString::number(latency, 'f', 2));
        }
        if (defective) {
            payload.insert(u"defect_type"_s, u"scratch"_s);
            payload.insert(u"bbox"_s, QJsonArray{1, 2, 3, 4});
            payload.insert(u"image_uri"_s, u"s3://review/%1/%2.jpg"_s.arg(device).arg(index));
        }
        file.write(QJsonDocument(payload).toJson(QJsonDocument::Compact) + '\n');
        ++expected.valid;
        DeviceCounts &counts = expected.devices[device];
        ++counts.count;
        counts.defective += defective ? 1 : 0;
        counts.lowConfidence += confidence < 0.7 ? 1 : 0;
    }
    return expected;
}

int unusedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort(); // closed again when the server goes: nothing listens there
}

} // namespace

class TestCliEdge : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_directory;
    LocalBroker m_broker;

    QString workspace() const { return m_directory.filePath(u"ws.genaiops"_s); }

    Outcome genaiops(const QStringList &arguments, int timeoutMs = 20000)
    {
        QProcess process;
        process.start(QStringLiteral(GENAIOPS_CLI_PATH), QStringList{u"--workspace"_s, workspace()} + arguments);
        process.closeWriteChannel();
        if (!process.waitForFinished(timeoutMs))
            process.kill();
        process.waitForFinished(2000);
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
                process.readAllStandardError()};
    }

    // Starts `edge listen --json --qos 1` and waits until it has subscribed, so nothing published
    // afterwards can be missed. --duration only bounds a run that would otherwise hang on a loss.
    std::unique_ptr<Listener> listen(const QStringList &arguments)
    {
        auto listener = std::make_unique<Listener>();
        Listener *raw = listener.get();
        QObject::connect(&raw->process, &QProcess::readyReadStandardError, &raw->process,
                         [raw]() { raw->err += raw->process.readAllStandardError(); });
        raw->process.start(QStringLiteral(GENAIOPS_CLI_PATH),
                           QStringList{u"--verbose"_s, u"--workspace"_s, workspace(), u"edge"_s, u"listen"_s,
                                       u"--broker"_s, m_broker.url(), u"--json"_s, u"--qos"_s, u"1"_s, u"--duration"_s,
                                       u"15"_s}
                               + arguments);
        raw->process.closeWriteChannel();
        // The caller checks what it waited for, with the stderr in its message.
        [[maybe_unused]] const bool ready = QTest::qWaitFor(
            [raw]() { return raw->err.contains("subscribed to") || raw->process.state() == QProcess::NotRunning; },
            10000);
        return listener;
    }

    static Outcome finish(Listener &listener)
    {
        if (!listener.process.waitForFinished(20000))
            listener.process.kill();
        listener.process.waitForFinished(2000);
        listener.err += listener.process.readAllStandardError();
        return {listener.process.exitStatus() == QProcess::NormalExit ? listener.process.exitCode() : -1,
                listener.process.readAllStandardOutput(), listener.err};
    }

    // mosquitto_pub at QoS 1; `arguments` say what: -l with a file on stdin, or -n for one empty message.
    bool publish(const QStringList &arguments, const QString &stdinFile = {})
    {
        QProcess process;
        if (!stdinFile.isEmpty())
            process.setStandardInputFile(stdinFile);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(u"mosquitto_pub"_s,
                      QStringList{u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(m_broker.port()), u"-q"_s, u"1"_s,
                                  u"-t"_s, topic}
                          + arguments);
        const bool done
            = process.waitForFinished(20000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
        if (!done)
            qWarning().noquote() << "mosquitto_pub:" << process.readAll();
        return done;
    }

    static void compareWithExpected(const QJsonObject &summary, const Expected &expected)
    {
        QCOMPARE(summary.value(u"messages"_s).toInt(), expected.messages);
        QCOMPARE(summary.value(u"valid"_s).toInt(), expected.valid);
        QCOMPARE(summary.value(u"malformed"_s).toInt(), expected.malformed);
        QJsonObject reasons;
        for (auto it = expected.reasons.cbegin(); it != expected.reasons.cend(); ++it)
            reasons.insert(it.key(), it.value());
        QCOMPARE(summary.value(u"malformed_reasons"_s).toObject(), reasons);
        const QJsonObject devices = summary.value(u"devices"_s).toObject();
        QCOMPARE(devices.keys(), QStringList(expected.devices.keys()));
        for (auto it = expected.devices.cbegin(); it != expected.devices.cend(); ++it) {
            const QJsonObject device = devices.value(it.key()).toObject();
            QCOMPARE(device.value(u"count"_s).toInt(), it.value().count);
            QCOMPARE(device.value(u"defective"_s).toInt(), it.value().defective);
            QCOMPARE(device.value(u"low_confidence"_s).toInt(), it.value().lowConfidence);
        }
    }

private slots:
    void initTestCase()
    {
        if (LocalBroker::executable().isEmpty())
            QSKIP("mosquitto is not installed");
        QVERIFY2(!QStandardPaths::findExecutable(u"mosquitto_pub"_s).isEmpty(),
                 "mosquitto_pub (mosquitto-clients) is needed");
        QVERIFY(m_directory.isValid());
        QVERIFY2(m_broker.start(), qPrintable(m_broker.log()));
        // Replay opens an existing workspace only.
        QVERIFY(Workspace::openSqlite(workspace(), Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules()));
    }

    void listenCountsAKnownStreamWithMalformedMessagesExactly()
    {
        const QString stream = m_directory.filePath(u"known.jsonl"_s);
        const Expected expected = writeStream(stream, 400);
        QCOMPARE(expected.malformed, 50);
        QCOMPARE(expected.reasons.size(), 8);

        auto listener = listen({u"--count"_s, QString::number(expected.messages)});
        QVERIFY2(listener->err.contains("subscribed to"), listener->err.constData());
        QVERIFY(publish({u"-l"_s}, stream));
        const Outcome outcome = finish(*listener);
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        const QJsonObject summary = outcome.json();
        compareWithExpected(summary, expected);
        QCOMPARE(summary.value(u"reconnects"_s).toInt(), 0);
        // Every third valid line is cam-01's: 0.55 or 0.91, so its mean is known too.
        const DeviceCounts cam1 = expected.devices.value(u"cam-01"_s);
        const double mean = (0.55 * cam1.lowConfidence + 0.91 * (cam1.count - cam1.lowConfidence)) / cam1.count;
        QCOMPARE(
            summary.value(u"devices"_s).toObject().value(u"cam-01"_s).toObject().value(u"mean_confidence"_s).toDouble(),
            mean);
    }

    void aPayloadOverMaxPayloadIsCountedMalformedAsTooLarge()
    {
        // The same valid message twice, once padded past the limit with JSON whitespace: only the
        // size tells them apart.
        const QByteArray valid
            = R"({"device_id":"cam-01","timestamp":1700000000,"prediction":"good","confidence":0.9,"inference_latency_ms":4})"_ba;
        QByteArray padded = valid;
        padded.insert(1, QByteArray(1200, ' '));
        const QString stream = m_directory.filePath(u"oversized.jsonl"_s);
        QFile file(stream);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(valid + '\n' + padded + '\n');
        file.close();

        auto listener = listen({u"--count"_s, u"2"_s, u"--max-payload"_s, u"1000"_s});
        QVERIFY2(listener->err.contains("subscribed to"), listener->err.constData());
        QVERIFY(publish({u"-l"_s}, stream));
        const Outcome outcome = finish(*listener);
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        const QJsonObject summary = outcome.json();
        QCOMPARE(summary.value(u"valid"_s).toInt(), 1);
        QCOMPARE(summary.value(u"malformed"_s).toInt(), 1);
        QCOMPARE(summary.value(u"malformed_reasons"_s).toObject().value(u"too_large"_s).toInt(), 1);

        const Outcome refused = genaiops({u"edge"_s, u"listen"_s, u"--broker"_s, m_broker.url(), u"--max-payload"_s,
                                          u"inf"_s, u"--count"_s, u"1"_s});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("--max-payload"), refused.err.constData());
    }

    // The broker killed and started again mid-session: the listener reconnects by itself, counts the
    // gap and its length, and the statistics go on from where they were.
    void aBrokerRestartedDuringListenIsAGapCountedAndTheStatisticsGoOn()
    {
        const auto writeLines = [&](const QString &name, const QString &device) {
            const QString path = m_directory.filePath(name);
            QFile file(path);
            if (file.open(QIODevice::WriteOnly))
                for (int line = 0; line < 20; ++line)
                    file.write(QJsonDocument(QJsonObject{{u"device_id"_s, device},
                                                         {u"timestamp"_s, 1700000000 + line},
                                                         {u"prediction"_s, u"good"_s},
                                                         {u"confidence"_s, 0.9},
                                                         {u"inference_latency_ms"_s, 5}})
                                   .toJson(QJsonDocument::Compact)
                               + '\n');
            return path;
        };
        const QString before = writeLines(u"before-restart.jsonl"_s, u"cam-before"_s);
        const QString after = writeLines(u"after-restart.jsonl"_s, u"cam-after"_s);

        auto listener = listen({u"--count"_s, u"40"_s});
        QVERIFY2(listener->err.contains("subscribed to"), listener->err.constData());
        QVERIFY(publish({u"-l"_s}, before));
        QTest::qWait(300); // let the first 20 arrive before the broker goes
        QVERIFY(m_broker.restart());
        QVERIFY2(QTest::qWaitFor([&] { return listener->err.count("subscribed to") >= 2; }, 20000),
                 listener->err.constData());
        QVERIFY(publish({u"-l"_s}, after));
        const Outcome outcome = finish(*listener);
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        const QJsonObject summary = outcome.json();
        QCOMPARE(summary.value(u"messages"_s).toInt(), 40);
        QCOMPARE(summary.value(u"valid"_s).toInt(), 40);
        const QJsonObject devices = summary.value(u"devices"_s).toObject();
        QCOMPARE(devices.value(u"cam-before"_s).toObject().value(u"count"_s).toInt(), 20);
        QCOMPARE(devices.value(u"cam-after"_s).toObject().value(u"count"_s).toInt(), 20);
        QVERIFY(summary.value(u"reconnects"_s).toInt() >= 1);
        QCOMPARE(summary.value(u"gaps"_s).toInt(), 1);
        QVERIFY2(summary.value(u"offline_ms"_s).toInteger() > 0, outcome.out.constData());
    }

    void listenerCountsWhatTheSimulatorPublished()
    {
        // 300 messages a second for one second, every 7th malformed: 300 published, 42 malformed.
        auto listener = listen({u"--count"_s, u"300"_s});
        QVERIFY2(listener->err.contains("subscribed to"), listener->err.constData());
        const Outcome simulated = genaiops({u"edge"_s, u"simulate"_s, u"--broker"_s, m_broker.url(), u"--qos"_s, u"1"_s,
                                            u"--devices"_s, u"3"_s, u"--rate"_s, u"300"_s, u"--duration"_s, u"1"_s,
                                            u"--malformed-every"_s, u"7"_s, u"--json"_s});
        QVERIFY2(simulated.exitCode == 0, simulated.err.constData());
        const QJsonObject published = simulated.json();
        QCOMPARE(published.value(u"published"_s).toInt(), 300);
        QCOMPARE(published.value(u"failed"_s).toInt(), 0);
        QCOMPARE(published.value(u"malformed"_s).toInt(), 42);

        const Outcome outcome = finish(*listener);
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        const QJsonObject summary = outcome.json();
        QCOMPARE(summary.value(u"messages"_s).toInt(), published.value(u"published"_s).toInt());
        QCOMPARE(summary.value(u"malformed"_s).toInt(), published.value(u"malformed"_s).toInt());
        QCOMPARE(summary.value(u"valid"_s).toInt(), 300 - 42);
        const QJsonObject devices = summary.value(u"devices"_s).toObject();
        QCOMPARE(devices.keys(), (QStringList{u"vqi-cell-01"_s, u"vqi-cell-02"_s, u"vqi-cell-03"_s}));
        int perDevice = 0;
        for (const QJsonValue device : devices)
            perDevice += device.toObject().value(u"count"_s).toInt();
        QCOMPARE(perDevice, 300 - 42);
        int perReason = 0;
        const QJsonObject reasons = summary.value(u"malformed_reasons"_s).toObject();
        for (const QJsonValue count : reasons)
            perReason += count.toInt();
        QCOMPARE(perReason, 42);
    }

    void recordedSessionReplaysToTheSameCounts()
    {
        const QString stream = m_directory.filePath(u"recorded.jsonl"_s);
        Expected expected = writeStream(stream, 160);
        // One empty message as well: libmosquitto delivers it with a NULL payload.
        ++expected.messages;
        ++expected.malformed;
        ++expected.reasons[u"not_json"_s];

        auto recorder = listen({u"--count"_s, QString::number(expected.messages), u"--record"_s, u"line-a"_s});
        QVERIFY2(recorder->err.contains("subscribed to"), recorder->err.constData());
        QVERIFY(publish({u"-l"_s}, stream));
        QVERIFY(publish({u"-n"_s}));
        const Outcome recorded = finish(*recorder);
        QVERIFY2(recorded.exitCode == 0, recorded.err.constData());
        compareWithExpected(recorded.json(), expected);
        QCOMPARE(recorded.json().value(u"recorded"_s).toObject(),
                 (QJsonObject{{u"name"_s, u"line-a"_s}, {u"messages"_s, expected.messages}}));

        const Outcome listed = genaiops({u"edge"_s, u"recordings"_s, u"--json"_s});
        QVERIFY2(listed.exitCode == 0, listed.err.constData());
        QJsonObject recording;
        for (const QJsonValue entry : listed.json().value(u"recordings"_s).toArray()) {
            if (entry.toObject().value(u"name"_s).toString() == u"line-a"_s)
                recording = entry.toObject();
        }
        QCOMPARE(recording.value(u"messages"_s).toInt(), expected.messages);
        QCOMPARE(recording.value(u"broker"_s).toString(), m_broker.url());
        QCOMPARE(recording.value(u"topics"_s).toString(), topic);
        QVERIFY(!recording.value(u"ended_at"_s).toString().isEmpty());

        auto listener = listen({u"--count"_s, QString::number(expected.messages)});
        QVERIFY2(listener->err.contains("subscribed to"), listener->err.constData());
        const Outcome replayed = genaiops({u"edge"_s, u"replay"_s, u"line-a"_s, u"--broker"_s, m_broker.url(),
                                           u"--qos"_s, u"1"_s, u"--speed"_s, u"0"_s, u"--json"_s});
        QVERIFY2(replayed.exitCode == 0, replayed.err.constData());
        QCOMPARE(replayed.json().value(u"published"_s).toInt(), expected.messages);
        const Outcome outcome = finish(*listener);
        QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
        compareWithExpected(outcome.json(), expected);
        // Same messages in the same order: even the streaming quantiles agree.
        const QJsonObject before = recorded.json().value(u"devices"_s).toObject();
        const QJsonObject after = outcome.json().value(u"devices"_s).toObject();
        for (const QString &device : before.keys()) {
            for (const QString &key : {u"mean_confidence"_s, u"p50_latency_ms"_s, u"p95_latency_ms"_s})
                QCOMPARE(after.value(device).toObject().value(key), before.value(device).toObject().value(key));
        }
    }

    void badBrokerUrlIsAUsageError()
    {
        const Outcome outcome
            = genaiops({u"edge"_s, u"listen"_s, u"--broker"_s, u"http://127.0.0.1:1883"_s, u"--count"_s, u"1"_s});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains("http://127.0.0.1:1883"), outcome.err.constData());
        QVERIFY(outcome.out.isEmpty());
    }

    void invalidTopicFilterIsAUsageError()
    {
        const Outcome outcome = genaiops({u"edge"_s, u"listen"_s, u"--broker"_s, m_broker.url(), u"--topic"_s,
                                          u"line/#/cell"_s, u"--count"_s, u"1"_s});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains("line/#/cell"), outcome.err.constData());
    }

    void nothingListeningIsANetworkError()
    {
        const QString url = u"mqtt://127.0.0.1:%1"_s.arg(unusedPort());
        const Outcome outcome = genaiops({u"edge"_s, u"listen"_s, u"--broker"_s, url, u"--count"_s, u"1"_s});
        QCOMPARE(outcome.exitCode, 3);
        QVERIFY2(outcome.err.contains(url.toUtf8()), outcome.err.constData());
    }

    void duplicateRecordNameIsRefusedAndTheFirstKept()
    {
        Recording kept;
        {
            auto opened
                = Workspace::openSqlite(workspace(), Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules());
            QVERIFY(opened);
            RecordingRepository repository(*opened.value());
            const Result<Recording> created = repository.create(u"kept"_s, u"mqtt://cell-7:1883"_s, u"line/7/#"_s);
            QVERIFY(created);
            QVERIFY(repository.append(created.value().id, 1,
                                      {MqttMessage{u"line/7/a"_s, "first"_ba, 1000, 1, false},
                                       MqttMessage{u"line/7/b"_s, "second"_ba, 2000, 1, false}}));
            kept = repository.find(u"kept"_s).value();
        }
        const Outcome outcome = genaiops(
            {u"edge"_s, u"listen"_s, u"--broker"_s, m_broker.url(), u"--record"_s, u"kept"_s, u"--count"_s, u"1"_s});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains("kept"), outcome.err.constData());

        auto opened = Workspace::openSqlite(workspace(), Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules());
        QVERIFY(opened);
        RecordingRepository repository(*opened.value());
        const Recording after = repository.find(u"kept"_s).value();
        QCOMPARE(after.id, kept.id);
        QCOMPARE(after.broker, kept.broker);
        QCOMPARE(after.topics, kept.topics);
        QCOMPARE(after.startedAt, kept.startedAt);
        QCOMPARE(after.messages, 2);
        const MqttMessageBatch messages = repository.page(kept.id, 0, 10).value();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages[0].payload, "first"_ba);
        QCOMPARE(messages[1].payload, "second"_ba);
    }

    void replayOfAnUnknownRecordingIsAUsageError()
    {
        const Outcome outcome = genaiops({u"edge"_s, u"replay"_s, u"no-such-session"_s, u"--broker"_s, m_broker.url()});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains("no-such-session"), outcome.err.constData());
    }

    void cleanupTestCase() { m_broker.stop(); }
};

QTEST_GUILESS_MAIN(TestCliEdge)
#include "tst_cliedge.moc"
