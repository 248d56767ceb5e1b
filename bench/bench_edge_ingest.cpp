// bench_edge_ingest: how fast inspection results go from a local mosquitto into the fleet
// statistics, against mosquitto_sub on the same broker in the same run.
//
//   build/<dir>/bench/bench_edge_ingest [--messages N] [--devices D] [--publishers P]
//
// N seed-format messages (one in 100 malformed) are written to files and published at QoS 0 by P
// `mosquitto_pub -l` processes at once, as fast as they go. Each subscriber runs alone, with the
// broker freshly started:
//   1. mosquitto_sub -F "%t %U" (topic and arrival time per message, to a file): the broker's own
//      C client, doing nothing with the payload but printing when it came.
//   2. the workbench: MqttClient → InspectionParser → FleetStatistics on the main thread, exactly
//      as `genaiops edge listen` and the Edge panel's monitor do.
// Each rate is messages ÷ (last arrival − first arrival); the ratio is workbench ÷ mosquitto_sub
// (target ≥ 0.8). The publishers' own rate is printed too: where both subscribers match it, the
// publishers were the limit. The last line is one JSON object. Exit 0, or 1 when a phase failed.

#include "core/edge/fleetstatistics.h"
#include "core/edge/inspectiongenerator.h"
#include "core/edge/inspectionparser.h"
#include "core/edge/localbroker.h"
#include "core/edge/mqttclient.h"
#include "processcpu.h"
#include "processmemory.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString topic = u"greengrass/vqi/inference_results"_s;

struct Phase
{
    qint64 received = 0;
    double seconds = 0;
    double publishSeconds = 0;
    double cpuMs = 0;
    QString problem;

    double rate() const { return seconds > 0 ? double(received) / seconds : 0; }
};

void print(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

// Splits N generated payloads over `count` files, one message per line.
QStringList writeMessages(const QTemporaryDir &directory, int messages, int devices, int count)
{
    SimulationSettings settings;
    settings.devices = devices;
    settings.malformedEvery = 100;
    settings.defectRate = 0.05;
    InspectionGenerator generator(settings);
    QList<std::shared_ptr<QFile>> files;
    QStringList paths;
    for (int index = 0; index < count; ++index) {
        paths << directory.filePath(u"messages-%1.txt"_s.arg(index));
        files << std::make_shared<QFile>(paths.last());
        files.last()->open(QIODevice::WriteOnly);
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int index = 0; index < messages; ++index) {
        QByteArray payload = generator.next(now + index, 1);
        payload.replace('\n', ' '); // -l publishes one line per message
        files[index % count]->write(payload + '\n');
    }
    return paths;
}

// Starts the publishers and returns them; they exit when their file is sent.
QList<std::shared_ptr<QProcess>> publish(const LocalBroker &broker, const QStringList &files)
{
    QList<std::shared_ptr<QProcess>> publishers;
    for (const QString &file : files) {
        auto process = std::make_shared<QProcess>();
        process->setStandardInputFile(file);
        process->start(u"mosquitto_pub"_s,
                       {u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(broker.port()), u"-t"_s, topic, u"-q"_s,
                        u"0"_s, u"-l"_s});
        publishers << process;
    }
    return publishers;
}

double waitForPublishers(const QList<std::shared_ptr<QProcess>> &publishers, const QElapsedTimer &clock)
{
    for (const auto &process : publishers)
        process->waitForFinished(120000);
    return double(clock.nsecsElapsed()) / 1e9;
}

Phase runMosquittoSub(const QStringList &files, int messages, const QString &outputPath)
{
    Phase phase;
    LocalBroker broker;
    if (Status started = broker.start(); !started) {
        phase.problem = started.error().describe();
        return phase;
    }
    // It also listens on a probe topic: once a probe shows in its output, it is subscribed and the
    // publishers may start. Each line is "topic timestamp".
    const QString probe = u"bench/probe"_s;
    QProcess subscriber;
    subscriber.setStandardOutputFile(outputPath);
    int probes = 0;
    subscriber.start(u"mosquitto_sub"_s,
                     {u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(broker.port()), u"-t"_s, topic, u"-t"_s, probe,
                      u"-q"_s, u"0"_s, u"-F"_s, u"%t %U"_s});
    QElapsedTimer waited;
    waited.start();
    while (QFileInfo(outputPath).size() == 0 && waited.elapsed() < 10000) {
        QProcess::execute(
            u"mosquitto_pub"_s,
            {u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(broker.port()), u"-t"_s, probe, u"-m"_s, u"ready?"_s});
        ++probes;
        QThread::msleep(50);
    }
    const qint64 expectedLines = messages + probes;
    QElapsedTimer clock;
    clock.start();
    const auto publishers = publish(broker, files);
    phase.publishSeconds = waitForPublishers(publishers, clock);
    // Done when every line is out (stdout is a file: mosquitto_sub writes each line as it comes).
    while (waited.elapsed() < 60000) {
        QFile output(outputPath);
        output.open(QIODevice::ReadOnly);
        if (output.readAll().count('\n') >= expectedLines)
            break;
        QThread::msleep(50);
    }
    const double cpuBefore = processCpuMs(subscriber.processId());
    subscriber.terminate();
    subscriber.waitForFinished();
    phase.cpuMs = cpuBefore;
    QFile output(outputPath);
    output.open(QIODevice::ReadOnly);
    double first = 0, last = 0;
    for (const QByteArray &line : output.readAll().trimmed().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() != 2 || fields.first() != topic.toUtf8())
            continue;
        ++phase.received;
        last = fields.last().toDouble();
        if (first == 0)
            first = last;
    }
    phase.seconds = last - first;
    if (phase.received != messages)
        phase.problem = u"mosquitto_sub received %1 of %2"_s.arg(phase.received).arg(messages);
    return phase;
}

Phase runWorkbench(const QStringList &files, int messages)
{
    Phase phase;
    LocalBroker broker;
    if (Status started = broker.start(); !started) {
        phase.problem = started.error().describe();
        return phase;
    }
    MqttSettings settings;
    settings.host = u"127.0.0.1"_s;
    settings.port = broker.port();
    MqttClient client(settings);
    const InspectionParser parser;
    FleetStatistics statistics;
    QEventLoop loop;
    QElapsedTimer sinceFirst;
    QObject::connect(&client, &MqttClient::subscribed, &loop, &QEventLoop::quit);
    QObject::connect(&client, &MqttClient::messagesReceived, &loop, [&](const MqttMessageBatch &batch) {
        if (!sinceFirst.isValid())
            sinceFirst.start();
        for (const MqttMessage &message : batch) {
            const InspectionParser::Outcome outcome
                = parser.parse(message.payload, message.receivedAtMs, message.topic);
            if (outcome.valid)
                statistics.add(outcome.result);
            else
                statistics.addMalformed(outcome.reason, outcome.detail, message.payload, message.receivedAtMs);
        }
        if (statistics.messages() >= messages) {
            phase.seconds = double(sinceFirst.nsecsElapsed()) / 1e9;
            loop.quit();
        }
    });
    if (!client.start()) {
        phase.problem = u"the client did not start"_s;
        return phase;
    }
    loop.exec(); // until subscribed
    const double cpuBefore = processCpuMs();
    QElapsedTimer clock;
    clock.start();
    const auto publishers = publish(broker, files);
    QTimer::singleShot(60000, &loop, [&]() {
        phase.problem = u"the workbench did not receive all messages within 60 s"_s;
        loop.quit();
    });
    loop.exec();
    phase.publishSeconds = waitForPublishers(publishers, clock);
    phase.cpuMs = processCpuMs() - cpuBefore;
    phase.received = statistics.messages();
    client.stop(0);
    if (statistics.malformed() != messages / 100 && phase.problem.isEmpty())
        phase.problem = u"counted %1 malformed, expected %2"_s.arg(statistics.malformed()).arg(messages / 100);
    return phase;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Ingest rate into the fleet statistics against mosquitto_sub on the same broker."_s);
    parser.addHelpOption();
    const QCommandLineOption messagesOption(u"messages"_s, u"messages per phase (default 200000)"_s, u"N"_s,
                                            u"200000"_s);
    const QCommandLineOption devicesOption(u"devices"_s, u"devices (default 50)"_s, u"D"_s, u"50"_s);
    const QCommandLineOption publishersOption(u"publishers"_s, u"mosquitto_pub processes at once (default 2)"_s, u"P"_s,
                                              u"2"_s);
    parser.addOptions({messagesOption, devicesOption, publishersOption});
    parser.process(app);
    const int messages = parser.value(messagesOption).toInt();
    const int devices = parser.value(devicesOption).toInt();
    const int publishers = parser.value(publishersOption).toInt();
    if (messages < 100 || devices < 1 || publishers < 1) {
        std::fprintf(stderr, "bench_edge_ingest: --messages ≥ 100, --devices and --publishers ≥ 1\n");
        return 64;
    }
    if (LocalBroker::executable().isEmpty() || QStandardPaths::findExecutable(u"mosquitto_sub"_s).isEmpty()) {
        std::fprintf(stderr, "bench_edge_ingest: needs mosquitto and mosquitto-clients\n");
        return 1;
    }
    QTemporaryDir directory;
    const QStringList files = writeMessages(directory, messages, devices, publishers);
    print(u"%1 messages from %2 devices, 1 in 100 malformed, published at QoS 0 by %3 mosquitto_pub -l"_s.arg(messages)
              .arg(devices)
              .arg(publishers));

    const Phase peer = runMosquittoSub(files, messages, directory.filePath(u"mosquitto_sub.out"_s));
    print(
        u"mosquitto_sub: %1 messages in %2 s = %3 msg/s (publishers done after %4 s; CPU %5 ms)%6"_s.arg(peer.received)
            .arg(peer.seconds, 0, 'f', 3)
            .arg(peer.rate(), 0, 'f', 0)
            .arg(peer.publishSeconds, 0, 'f', 3)
            .arg(peer.cpuMs, 0, 'f', 0)
            .arg(peer.problem.isEmpty() ? QString() : u" — "_s + peer.problem));
    const qint64 memoryBefore = residentSetKiB();
    const Phase workbench = runWorkbench(files, messages);
    print(
        u"workbench:     %1 messages in %2 s = %3 msg/s (publishers done after %4 s; CPU %5 ms, %6 µs per message)%7"_s
            .arg(workbench.received)
            .arg(workbench.seconds, 0, 'f', 3)
            .arg(workbench.rate(), 0, 'f', 0)
            .arg(workbench.publishSeconds, 0, 'f', 3)
            .arg(workbench.cpuMs, 0, 'f', 0)
            .arg(workbench.cpuMs * 1000.0 / std::max<qint64>(1, workbench.received), 0, 'f', 2)
            .arg(workbench.problem.isEmpty() ? QString() : u" — "_s + workbench.problem));
    const double ratio = peer.rate() > 0 ? workbench.rate() / peer.rate() : 0;
    print(
        u"ratio workbench ÷ mosquitto_sub: %1 (target ≥ 0.80) — %2; peak RSS %3 MiB (+%4 MiB in the workbench phase)"_s
            .arg(ratio, 0, 'f', 2)
            .arg(ratio >= 0.8 ? u"met"_s : u"NOT met"_s)
            .arg(double(peakResidentSetKiB()) / 1024.0, 0, 'f', 1)
            .arg(double(residentSetKiB() - memoryBefore) / 1024.0, 0, 'f', 1));
    print(QString::fromUtf8(
        QJsonDocument(QJsonObject{{u"messages"_s, messages},
                                  {u"mosquitto_sub_rate"_s, peer.rate()},
                                  {u"workbench_rate"_s, workbench.rate()},
                                  {u"ratio"_s, ratio},
                                  {u"workbench_cpu_us_per_message"_s,
                                   workbench.cpuMs * 1000.0 / std::max<qint64>(1, workbench.received)},
                                  {u"publish_seconds"_s, workbench.publishSeconds}})
            .toJson(QJsonDocument::Compact)));
    return peer.problem.isEmpty() && workbench.problem.isEmpty() ? 0 : 1;
}
