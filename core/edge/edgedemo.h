#pragma once

#include "core/edge/localbroker.h"
#include "core/edge/simulationsettings.h"

#include <QObject>

#include <memory>

class InspectionSimulator;
class MqttClient;

// The live fleet `--demo` shows: a mosquitto on a free loopback port and a simulator publishing to
// it (one drifting device, one that fails), both on the thread this object lives on.
class EdgeDemo : public QObject
{
    Q_OBJECT

public:
    explicit EdgeDemo(QObject *parent = nullptr);
    ~EdgeDemo() override;

    static SimulationSettings simulation();

public slots:
    void start();
    void stop();

signals:
    // The broker is up and the simulator publishing: connect to `url`.
    void started(const QString &url);
    void failed(const QString &message);

private:
    LocalBroker m_broker;
    std::unique_ptr<MqttClient> m_publisher;
    std::unique_ptr<InspectionSimulator> m_simulator;
};
