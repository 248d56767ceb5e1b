#pragma once

#include "core/edge/simulationsettings.h"

#include <QByteArray>
#include <QList>
#include <QRandomGenerator>
#include <QRect>

// Makes realistic inspection payloads, device by device in turn. Half the devices write confidence
// and latency as strings, as the seed's firmware does, the other half as numbers.
class InspectionGenerator
{
public:
    explicit InspectionGenerator(SimulationSettings settings);

    // The next payload; `elapsedSeconds` since the simulation began drives drift and failure.
    // Returns an empty array when the next device in turn is silent (a failed device).
    QByteArray next(qint64 nowMs, double elapsedSeconds);

    static QString deviceName(int index);
    qint64 malformedCount() const { return m_malformed; }

private:
    QByteArray malformed(qint64 nowMs);
    struct Image
    {
        QByteArray base64;
        QRect scratch; // where the defect is, for the bbox
    };
    const Image &image(bool defective);

    SimulationSettings m_settings;
    QRandomGenerator m_random;
    qint64 m_sequence = 0;
    qint64 m_malformed = 0;
    QList<qint64> m_perDevice;
    QList<Image> m_images[2]; // good, defective
};
