#include "edgelistencommand.h"

#include "commandcontext.h"
#include "core/common/logcategories.h"
#include "core/edge/edgemonitor.h"
#include "edgealertoptions.h"
#include "edgebrokeroptions.h"
#include "exitcode.h"
#include "stopsignal.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonObject>
#include <QTimer>

#include <optional>

namespace {

struct Limits
{
    double durationSeconds = 0; // 0: no limit
    qint64 count = 0; // 0: no limit
};

struct Session
{
    MqttSettings settings;
    AlertRules rules;
    Limits limits;
    InspectionParser::Classes classes;
    qsizetype payloadLimit = InspectionParser::DefaultPayloadLimit;
    QString recording; // empty: nothing is recorded
};

// Listens until the limits, Ctrl+C or a failure before the first subscription (a wrong URL,
// certificate or password); afterwards the client reconnects by itself and the session goes on.
Status listen(const Session &session, EdgeMonitor &monitor)
{
    monitor.setClasses(session.classes);
    monitor.setPayloadLimit(session.payloadLimit);
    monitor.setRules(session.rules);
    monitor.setMessageLimit(session.limits.count);
    std::optional<Error> failure;
    bool subscribed = false;
    QEventLoop loop;
    QObject::connect(&monitor, &EdgeMonitor::limitReached, &loop, &QEventLoop::quit);
    QObject::connect(&monitor, &EdgeMonitor::subscribed, &loop, [&]() { subscribed = true; });
    QObject::connect(&monitor, &EdgeMonitor::connectionFailed, &loop, [&](const Error &error) {
        if (!subscribed) {
            failure = error;
            loop.quit();
        } else {
            qCWarning(lcEdge).noquote() << error.describe();
        }
    });
    QObject::connect(&monitor, &EdgeMonitor::recordingFailed, &loop, [&](const Error &error) {
        failure = error;
        loop.quit();
    });
    if (session.limits.durationSeconds > 0)
        QTimer::singleShot(int(session.limits.durationSeconds * 1000), &loop, &QEventLoop::quit);
    StopSignal::quitOnInterrupt(loop);
    monitor.connectTo(session.settings);
    if (!failure && !session.recording.isEmpty())
        monitor.startRecording(session.recording);
    if (!failure)
        loop.exec();
    if (failure)
        return *failure;
    return Done{};
}

void printHuman(const FleetStatistics &statistics)
{
    const FleetSnapshot fleet = statistics.snapshot(QDateTime::currentMSecsSinceEpoch());
    CommandContext::print(EdgeListenCommand::tr("%1 messages: %2 valid, %3 malformed")
                              .arg(fleet.messages)
                              .arg(fleet.valid)
                              .arg(fleet.malformed));
    for (auto it = fleet.malformedReasons.cbegin(); it != fleet.malformedReasons.cend(); ++it)
        CommandContext::print(QStringLiteral("  malformed %1: %2").arg(it.key()).arg(it.value()));
    for (const DeviceSnapshot &device : fleet.devices)
        CommandContext::print(
            EdgeListenCommand::tr(
                "  %1  %2 messages  defects %3 %  confidence %4 (low %5)  latency p50 %6 ms p95 %7 ms")
                .arg(device.deviceId, -16)
                .arg(device.messages)
                .arg(device.defectRate * 100, 0, 'f', 1)
                .arg(device.meanConfidence, 0, 'f', 3)
                .arg(device.lowConfidence)
                .arg(device.p50LatencyMs, 0, 'f', 1)
                .arg(device.p95LatencyMs, 0, 'f', 1));
    for (const EdgeAlert &alert : statistics.alerts())
        CommandContext::print(QStringLiteral("  %1 %2").arg(
            alert.isActive() ? EdgeListenCommand::tr("ALERT") : EdgeListenCommand::tr("cleared"), alert.describe()));
}

} // namespace

int EdgeListenCommand::run(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Subscribe to inspection results and print the fleet's figures."));
    EdgeBrokerOptions brokerOptions(parser);
    const QCommandLineOption duration(QStringLiteral("duration"), tr("Stop after S seconds."),
                                      QStringLiteral("seconds"));
    const QCommandLineOption count(QStringLiteral("count"), tr("Stop after N messages, valid or not."),
                                   QStringLiteral("n"));
    const QCommandLineOption record(QStringLiteral("record"), tr("Record the session to the workspace under NAME."),
                                    QStringLiteral("name"));
    const QCommandLineOption maximumPayload(
        QStringLiteral("max-payload"),
        tr("Count a payload over BYTES as malformed, unparsed (default %1, AWS IoT Core's limit; 0: none).")
            .arg(InspectionParser::DefaultPayloadLimit),
        QStringLiteral("bytes"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON object."));
    const EdgeAlertOptions alertOptions(parser);
    parser.addOptions({duration, count, record, maximumPayload, json});
    if (const std::optional<int> ended = context.parse(parser))
        return *ended;
    if (!parser.positionalArguments().isEmpty())
        return CommandContext::usage(tr("edge listen takes no positional arguments"));

    Result<MqttSettings> settings = brokerOptions.settings(parser, context);
    if (!settings)
        return CommandContext::fail(settings.error());
    Session session;
    session.settings = settings.value();
    if (Status alerts = alertOptions.read(parser, session.rules, session.classes); !alerts)
        return CommandContext::fail(alerts.error());
    const Result<double> seconds = CommandContext::numberOption(parser, duration.names().first(), 0);
    const Result<double> messages = CommandContext::numberOption(parser, count.names().first(), 0);
    const Result<double> payloadBytes = CommandContext::numberOption(parser, maximumPayload.names().first(), 0,
                                                                     double(InspectionParser::DefaultPayloadLimit));
    for (const Result<double> *value : {&seconds, &messages, &payloadBytes})
        if (!*value)
            return CommandContext::fail(value->error());
    session.limits.durationSeconds = seconds.value();
    session.limits.count = qint64(messages.value());
    session.payloadLimit = qsizetype(payloadBytes.value());

    // Recordings go to the workspace, made here when it does not exist yet; the monitor opens its
    // own connection to it.
    if (parser.isSet(record))
        if (Result<Workspace *> workspace = context.workspace(); !workspace)
            return CommandContext::fail(workspace.error());
    session.recording = parser.value(record);
    EdgeMonitor monitor(context.workspacePath());
    qint64 recorded = 0;
    QObject::connect(&monitor, &EdgeMonitor::recordingStopped, &monitor,
                     [&](const QString &, qint64 stored) { recorded = std::max<qint64>(stored, 0); });
    const Status listened = listen(session, monitor);
    const int reconnects = monitor.reconnects();
    const int gaps = monitor.gaps();
    const qint64 offlineMs = monitor.offlineMs();
    monitor.disconnectFromBroker();
    monitor.stopRecording();
    if (!listened)
        return CommandContext::fail(listened.error());

    const FleetStatistics &statistics = monitor.statistics();
    const bool recording = parser.isSet(record);
    if (parser.isSet(json)) {
        QJsonObject summary = statistics.toJson(QDateTime::currentMSecsSinceEpoch());
        if (recording)
            summary.insert(
                QStringLiteral("recorded"),
                QJsonObject{{QStringLiteral("name"), parser.value(record)}, {QStringLiteral("messages"), recorded}});
        summary.insert(QStringLiteral("reconnects"), reconnects);
        summary.insert(QStringLiteral("gaps"), gaps);
        summary.insert(QStringLiteral("offline_ms"), offlineMs);
        CommandContext::printJson(summary);
    } else {
        printHuman(statistics);
        if (gaps > 0)
            CommandContext::print(tr("The broker was out of reach %n time(s), %1 s in all: messages published "
                                     "meanwhile were not received unless the session kept them.",
                                     nullptr, gaps)
                                      .arg(double(offlineMs) / 1000.0, 0, 'f', 1));
        if (recording)
            CommandContext::print(tr("Recorded %1 messages as \"%2\".").arg(recorded).arg(parser.value(record)));
    }
    return ExitOk;
}
