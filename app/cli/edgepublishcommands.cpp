#include "edgepublishcommands.h"

#include "commandcontext.h"
#include "core/edge/inspectionsimulator.h"
#include "core/edge/mqttclient.h"
#include "core/edge/recordingreplay.h"
#include "edgebrokeroptions.h"
#include "exitcode.h"
#include "stopsignal.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>

#include <optional>

namespace {

// Connects a publishing client (no subscriptions) and runs `work` once it is connected; a failure
// before that ends the loop with the reason.
std::optional<Error> connectThen(MqttClient &client, QEventLoop &loop, const std::function<void()> &work)
{
    std::optional<Error> failure;
    bool connected = false;
    const QMetaObject::Connection onState
        = QObject::connect(&client, &MqttClient::stateChanged, &loop, [&, work](MqttClient::State state) {
              if (state == MqttClient::State::Connected && !connected) {
                  connected = true;
                  work();
              }
          });
    const QMetaObject::Connection onFailure
        = QObject::connect(&client, &MqttClient::connectionFailed, &loop, [&](const QString &reason) {
              if (!connected) {
                  failure = makeError(Error::Kind::Network, reason, client.settings().url());
                  loop.quit();
              }
          });
    if (Status started = client.start(); !started) {
        QObject::disconnect(onState);
        QObject::disconnect(onFailure);
        return started.error();
    }
    StopSignal::quitOnInterrupt(loop);
    loop.exec();
    // The handlers refer to this function's locals; nothing may call them once it returns.
    QObject::disconnect(onState);
    QObject::disconnect(onFailure);
    return failure;
}

} // namespace

int EdgePublishCommands::simulate(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Publish the inspection results of a simulated fleet."));
    EdgeBrokerOptions brokerOptions(parser);
    const QList<QCommandLineOption> options{
        {QStringLiteral("devices"), tr("Number of devices (default 4)."), QStringLiteral("n"), QStringLiteral("4")},
        {QStringLiteral("rate"), tr("Messages per second, whole fleet (default 20)."), QStringLiteral("msgs"),
         QStringLiteral("20")},
        {QStringLiteral("duration"), tr("Seconds to run (default 10; 0 until Ctrl+C)."), QStringLiteral("seconds"),
         QStringLiteral("10")},
        {QStringLiteral("defect-rate"), tr("Share of defective parts (default 0.05)."), QStringLiteral("p"),
         QStringLiteral("0.05")},
        {QStringLiteral("image-every"), tr("Every Kth message of a device carries an image (default 0: none)."),
         QStringLiteral("k"), QStringLiteral("0")},
        {QStringLiteral("malformed-every"), tr("Every Kth message is malformed on purpose (default 0: none)."),
         QStringLiteral("k"), QStringLiteral("0")},
        {QStringLiteral("seed"), tr("Random seed (default 1)."), QStringLiteral("n"), QStringLiteral("1")},
        {QStringLiteral("drift"), tr("The first device's confidence sinks over time.")},
        {QStringLiteral("failing-device"), tr("The last device fails: defects, slow inference, then silence.")},
        {QStringLiteral("json"), tr("Print one JSON object.")}};
    parser.addOptions(options);
    if (const std::optional<int> ended = context.parse(parser))
        return *ended;
    Result<MqttSettings> settings = brokerOptions.settings(parser, context);
    if (!settings)
        return CommandContext::fail(settings.error());
    SimulationSettings simulation;
    simulation.topic = settings.value().topics.value(0, MqttSettings::defaultTopic());
    simulation.qos = settings.value().qos;
    const std::pair<QString, std::pair<double *, double>> numbers[]
        = {{QStringLiteral("rate"), {&simulation.rate, 0.001}},
           {QStringLiteral("duration"), {&simulation.durationSeconds, 0}},
           {QStringLiteral("defect-rate"), {&simulation.defectRate, 0}}};
    for (const auto &[option, target] : numbers) {
        Result<double> value = CommandContext::numberOption(parser, option, target.second);
        if (!value)
            return CommandContext::fail(value.error());
        *target.first = value.value();
    }
    for (const auto &[option, target] : {std::pair{QStringLiteral("devices"), &simulation.devices},
                                         std::pair{QStringLiteral("image-every"), &simulation.imageEvery},
                                         std::pair{QStringLiteral("malformed-every"), &simulation.malformedEvery}}) {
        Result<double> value = CommandContext::numberOption(parser, option, option == QLatin1String("devices") ? 1 : 0);
        if (!value)
            return CommandContext::fail(value.error());
        *target = int(value.value());
    }
    if (simulation.defectRate > 1)
        return CommandContext::usage(tr("--defect-rate is a share between 0 and 1"));
    simulation.seed = parser.value(QStringLiteral("seed")).toUInt();
    simulation.drift = parser.isSet(QStringLiteral("drift"));
    simulation.failingDevice = parser.isSet(QStringLiteral("failing-device"));

    MqttSettings publisherSettings = settings.value();
    publisherSettings.topics.clear();
    MqttClient client(publisherSettings);
    InspectionSimulator simulator(simulation, [&client, &simulation](const QString &topic, const QByteArray &payload) {
        return client.publish(topic, payload, simulation.qos);
    });
    QEventLoop loop;
    QObject::connect(&simulator, &InspectionSimulator::finished, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    const std::optional<Error> failure = connectThen(client, loop, [&]() {
        clock.start();
        simulator.start();
    });
    simulator.stop();
    client.stop(5000);
    if (failure)
        return CommandContext::fail(*failure);
    const double seconds = clock.isValid() ? double(clock.elapsed()) / 1000.0 : 0;
    if (parser.isSet(QStringLiteral("json")))
        CommandContext::printJson({{QStringLiteral("published"), simulator.published()},
                                   {QStringLiteral("failed"), simulator.failed()},
                                   {QStringLiteral("malformed"), simulator.malformed()},
                                   {QStringLiteral("devices"), simulation.devices},
                                   {QStringLiteral("topic"), simulation.topic},
                                   {QStringLiteral("seconds"), seconds}});
    else
        CommandContext::print(
            tr("Published %1 messages (%2 malformed on purpose, %3 failed) from %4 devices to %5 in %6 s.")
                .arg(simulator.published())
                .arg(simulator.malformed())
                .arg(simulator.failed())
                .arg(simulation.devices)
                .arg(simulation.topic)
                .arg(seconds, 0, 'f', 1));
    return simulator.failed() > 0 ? ExitService : ExitOk;
}

int EdgePublishCommands::replay(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Publish a recorded session again, at its own pace or faster."));
    EdgeBrokerOptions brokerOptions(parser);
    const QCommandLineOption speed(QStringLiteral("speed"),
                                   tr("1, 10 … times the recorded pace; 0 as fast as possible (default 1)."),
                                   QStringLiteral("x"), QStringLiteral("1"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON object."));
    parser.addOptions({speed, json});
    parser.addPositionalArgument(QStringLiteral("name"), tr("The recording (see `genaiops edge recordings`)."));
    if (const std::optional<int> ended = context.parse(parser))
        return *ended;
    if (parser.positionalArguments().size() != 1)
        return CommandContext::usage(tr("edge replay: expected one recording NAME"));
    Result<double> pace = CommandContext::numberOption(parser, speed.names().first(), 0);
    if (!pace)
        return CommandContext::fail(pace.error());
    Result<MqttSettings> settings = brokerOptions.settings(parser, context);
    if (!settings)
        return CommandContext::fail(settings.error());
    Result<Workspace *> workspace = context.workspace(Workspace::OpenMode::ExistingOnly);
    if (!workspace)
        return CommandContext::fail(workspace.error());

    // Recorded topics are kept unless --topic names one to publish everything on.
    const QString topicOverride = parser.isSet(QStringLiteral("topic")) ? settings.value().topics.value(0) : QString();
    MqttSettings publisherSettings = settings.value();
    publisherSettings.topics.clear();
    MqttClient client(publisherSettings);
    RecordingReplay replay(workspace.value()->location(), parser.positionalArguments().first(), pace.value());
    QEventLoop loop;
    std::optional<Error> failure;
    qint64 published = 0;
    QObject::connect(&replay, &RecordingReplay::batchReady, &loop, [&](const MqttMessageBatch &batch) {
        for (const MqttMessage &message : batch) {
            if (client.publish(topicOverride.isEmpty() ? message.topic : topicOverride, message.payload,
                               settings.value().qos))
                ++published;
        }
    });
    QObject::connect(&replay, &RecordingReplay::finished, &loop, [&](const QString &error) {
        if (!error.isEmpty())
            failure = makeError(Error::Kind::Usage, error);
        loop.quit();
    });
    const std::optional<Error> connectFailure = connectThen(client, loop, [&]() { replay.start(); });
    replay.stop();
    client.stop(10000);
    if (connectFailure)
        return CommandContext::fail(*connectFailure);
    if (failure)
        return CommandContext::fail(*failure);
    if (parser.isSet(json))
        CommandContext::printJson({{QStringLiteral("recording"), replay.recording().name},
                                   {QStringLiteral("recorded"), replay.recording().messages},
                                   {QStringLiteral("published"), published}});
    else
        CommandContext::print(tr("Replayed %1 of %2 messages from \"%3\" to %4.")
                                  .arg(published)
                                  .arg(replay.recording().messages)
                                  .arg(replay.recording().name, settings.value().url()));
    return published == replay.recording().messages ? ExitOk : ExitService;
}
