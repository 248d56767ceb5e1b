#include "edgelistencommand.h"

#include "commandcontext.h"
#include "core/common/logcategories.h"
#include "core/edge/edgemonitor.h"
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
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON object."));
    const QCommandLineOption lowConfidence(QStringLiteral("low-confidence-below"),
                                           tr("Confidence counted as low (default 0.7)."), QStringLiteral("x"));
    const QCommandLineOption defectRate(QStringLiteral("alert-defect-rate"),
                                        tr("Alert when the window's defect rate exceeds X (default 0.3)."),
                                        QStringLiteral("x"));
    const QCommandLineOption window(QStringLiteral("alert-window"), tr("Sliding window in seconds (default 60)."),
                                    QStringLiteral("seconds"));
    const QCommandLineOption meanConfidence(QStringLiteral("alert-mean-confidence"),
                                            tr("Alert when the window's mean confidence falls below Y (default 0.75)."),
                                            QStringLiteral("y"));
    const QCommandLineOption latency(QStringLiteral("alert-p95-latency"),
                                     tr("Alert when p95 latency exceeds Z ms (default 250)."), QStringLiteral("ms"));
    const QCommandLineOption silent(QStringLiteral("alert-silent"),
                                    tr("Alert when a device is silent for S seconds (default 15)."),
                                    QStringLiteral("seconds"));
    const QCommandLineOption goodClass(QStringLiteral("good-class"),
                                       tr("A class name meaning good (repeatable; default good)."),
                                       QStringLiteral("name"));
    const QCommandLineOption defectiveClass(QStringLiteral("defective-class"),
                                            tr("A class name meaning defective (repeatable; default defective)."),
                                            QStringLiteral("name"));
    parser.addOptions({duration, count, record, json, lowConfidence, defectRate, window, meanConfidence, latency,
                       silent, goodClass, defectiveClass});
    if (const std::optional<int> ended = context.parse(parser))
        return *ended;
    if (!parser.positionalArguments().isEmpty())
        return CommandContext::usage(tr("edge listen takes no positional arguments"));

    Result<MqttSettings> settings = brokerOptions.settings(parser, context);
    if (!settings)
        return CommandContext::fail(settings.error());
    AlertRules rules;
    Limits limits;
    for (const auto &[option, target] : {std::pair{duration.names().first(), &limits.durationSeconds},
                                         std::pair{lowConfidence.names().first(), &rules.lowConfidenceBelow},
                                         std::pair{defectRate.names().first(), &rules.defectRateAbove},
                                         std::pair{meanConfidence.names().first(), &rules.meanConfidenceBelow},
                                         std::pair{latency.names().first(), &rules.p95LatencyAbove}}) {
        Result<double> value = CommandContext::numberOption(parser, option, 0, *target);
        if (!value)
            return CommandContext::fail(value.error());
        *target = value.value();
    }
    Result<double> countValue = CommandContext::numberOption(parser, count.names().first(), 0);
    if (!countValue)
        return CommandContext::fail(countValue.error());
    limits.count = qint64(countValue.value());
    for (const auto &[option, target] : {std::pair{window.names().first(), &rules.windowSeconds},
                                         std::pair{silent.names().first(), &rules.silentSeconds}}) {
        Result<double> value = CommandContext::numberOption(parser, option, 0, *target);
        if (!value)
            return CommandContext::fail(value.error());
        *target = std::max(1, int(value.value()));
    }
    InspectionParser::Classes classes;
    if (parser.isSet(goodClass))
        classes.good = parser.values(goodClass);
    if (parser.isSet(defectiveClass))
        classes.defective = parser.values(defectiveClass);

    // Recordings go to the workspace, made here when it does not exist yet; the monitor opens its
    // own connection to it.
    if (parser.isSet(record))
        if (Result<Workspace *> workspace = context.workspace(); !workspace)
            return CommandContext::fail(workspace.error());

    EdgeMonitor monitor(context.workspacePath());
    monitor.setClasses(classes);
    monitor.setRules(rules);
    monitor.setMessageLimit(limits.count);
    std::optional<Error> failure;
    bool subscribed = false;
    qint64 recorded = 0;
    QEventLoop loop;
    QObject::connect(&monitor, &EdgeMonitor::limitReached, &loop, &QEventLoop::quit);
    QObject::connect(&monitor, &EdgeMonitor::subscribed, &loop, [&]() { subscribed = true; });
    QObject::connect(&monitor, &EdgeMonitor::connectionFailed, &loop, [&](const Error &error) {
        // Before the first subscription a failure is a wrong URL, certificate or password: say so
        // and stop. Afterwards the client reconnects by itself and the session goes on.
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
    QObject::connect(&monitor, &EdgeMonitor::recordingStopped, &loop,
                     [&](const QString &, qint64 messages) { recorded = std::max<qint64>(messages, 0); });
    if (limits.durationSeconds > 0)
        QTimer::singleShot(int(limits.durationSeconds * 1000), &loop, &QEventLoop::quit);
    StopSignal::quitOnInterrupt(loop);
    monitor.connectTo(settings.value());
    if (!failure && parser.isSet(record))
        monitor.startRecording(parser.value(record));
    if (!failure)
        loop.exec();
    const int reconnects = monitor.reconnects();
    monitor.disconnectFromBroker();
    monitor.stopRecording();
    if (failure)
        return CommandContext::fail(*failure);

    const FleetStatistics &statistics = monitor.statistics();
    const bool recording = parser.isSet(record);
    if (parser.isSet(json)) {
        QJsonObject summary = statistics.toJson(QDateTime::currentMSecsSinceEpoch());
        if (recording)
            summary.insert(
                QStringLiteral("recorded"),
                QJsonObject{{QStringLiteral("name"), parser.value(record)}, {QStringLiteral("messages"), recorded}});
        summary.insert(QStringLiteral("reconnects"), reconnects);
        CommandContext::printJson(summary);
    } else {
        printHuman(statistics);
        if (recording)
            CommandContext::print(tr("Recorded %1 messages as \"%2\".").arg(recorded).arg(parser.value(record)));
    }
    return ExitOk;
}
