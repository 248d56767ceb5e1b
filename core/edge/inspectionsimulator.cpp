#include "core/edge/inspectionsimulator.h"

#include <QDateTime>

#include <cmath>

InspectionSimulator::InspectionSimulator(SimulationSettings settings, Publish publish, QObject *parent)
    : QObject(parent), m_settings(settings), m_publish(std::move(publish)), m_generator(settings)
{
    // A child moves with this object to its thread; a timer left behind could not be started there.
    m_timer.setParent(this);
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(10);
    connect(&m_timer, &QTimer::timeout, this, &InspectionSimulator::tick);
}

void InspectionSimulator::start()
{
    m_clock.start();
    m_timer.start();
}

void InspectionSimulator::stop()
{
    if (!m_timer.isActive())
        return;
    m_timer.stop();
    emit finished();
}

void InspectionSimulator::tick()
{
    const double elapsed = double(m_clock.nsecsElapsed()) / 1e9;
    const bool ending = m_settings.durationSeconds > 0 && elapsed >= m_settings.durationSeconds;
    const double until = ending ? m_settings.durationSeconds : elapsed;
    const auto target = qint64(std::floor(until * m_settings.rate));
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    for (; m_due < target; ++m_due) {
        const QByteArray payload = m_generator.next(nowMs, elapsed);
        if (payload.isEmpty())
            continue; // a failed device in its silent phase
        if (m_publish(m_settings.topic, payload))
            ++m_published;
        else
            ++m_failed;
    }
    if (ending)
        stop();
}
