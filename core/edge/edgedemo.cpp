#include "core/edge/edgedemo.h"

#include "core/edge/inspectionsimulator.h"
#include "core/edge/mqttclient.h"

EdgeDemo::EdgeDemo(QObject *parent) : QObject(parent)
{ }

EdgeDemo::~EdgeDemo()
{
    stop();
}

SimulationSettings EdgeDemo::simulation()
{
    SimulationSettings settings;
    settings.devices = 8;
    settings.rate = 160; // 20 inspections a second per device
    settings.durationSeconds = 0;
    settings.defectRate = 0.04;
    settings.imageEvery = 6;
    settings.malformedEvery = 250;
    settings.drift = true;
    settings.failingDevice = true;
    settings.failAfterSeconds = 2; // soon enough that a first look shows an alert
    return settings;
}

void EdgeDemo::start()
{
    if (m_simulator)
        return;
    if (Status started = m_broker.start(); !started) {
        emit failed(started.error().describe());
        return;
    }
    MqttSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = m_broker.port();
    settings.topics.clear();
    m_publisher = std::make_unique<MqttClient>(settings);
    connect(m_publisher.get(), &MqttClient::stateChanged, this, [this](MqttClient::State state) {
        if (state != MqttClient::State::Connected || m_simulator)
            return;
        MqttClient *publisher = m_publisher.get();
        m_simulator = std::make_unique<InspectionSimulator>(
            simulation(), [publisher](const QString &topic, const QByteArray &payload) {
                return publisher->publish(topic, payload, 0);
            });
        m_simulator->start();
        emit started(m_broker.url());
    });
    if (Status started = m_publisher->start(); !started)
        emit failed(started.error().describe());
}

void EdgeDemo::stop()
{
    m_simulator.reset();
    if (m_publisher)
        m_publisher->stop(0);
    m_publisher.reset();
    m_broker.stop();
}
