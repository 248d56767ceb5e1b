#pragma once

#include "core/edge/devicesnapshot.h"
#include "core/edge/edgealert.h"

#include <QList>
#include <QMap>
#include <QMetaType>

// The last malformed payload seen for one reason, so people can see what the device sent.
struct MalformedSample
{
    QString detail;
    QByteArray payload; // at most the first 2 KiB
    qint64 receivedAtMs = 0;
};

// The whole fleet at a moment: what the panel's table and charts draw from, copied across threads.
struct FleetSnapshot
{
    qint64 atMs = 0;
    qint64 messages = 0;
    qint64 valid = 0;
    qint64 malformed = 0;
    QMap<QString, qint64> malformedReasons;
    QMap<QString, MalformedSample> malformedSamples;
    QList<DeviceSnapshot> devices; // ordered by device id
    QList<EdgeAlert> activeAlerts;
};

Q_DECLARE_METATYPE(FleetSnapshot)
