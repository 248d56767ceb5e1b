#pragma once

#include "core/common/result.h"
#include "core/edge/inspectiongenerator.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

// Publishes generated inspections at a steady rate on the thread it lives on, through `publish`
// (an MqttClient's, or a test's). A tick every 10 ms sends what is due since the start, so the rate
// holds even when a tick comes late.
class InspectionSimulator : public QObject
{
    Q_OBJECT

public:
    using Publish = std::function<Status(const QString &topic, const QByteArray &payload)>;

    InspectionSimulator(SimulationSettings settings, Publish publish, QObject *parent = nullptr);

    qint64 published() const { return m_published; }
    qint64 failed() const { return m_failed; }
    qint64 malformed() const { return m_generator.malformedCount(); }

public slots:
    void start();
    void stop();

signals:
    void finished();

private:
    void tick();

    SimulationSettings m_settings;
    Publish m_publish;
    InspectionGenerator m_generator;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_due = 0; // messages generated so far, published or silent
    qint64 m_published = 0;
    qint64 m_failed = 0;
};
