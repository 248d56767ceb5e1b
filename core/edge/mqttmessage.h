#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

// A message as it came off the wire, copied out of libmosquitto's buffer before its callback
// returned (libmosquitto frees the buffer afterwards).
struct MqttMessage
{
    QString topic;
    QByteArray payload;
    qint64 receivedAtMs = 0;
    int qos = 0;
    bool retained = false;
};

using MqttMessageBatch = QList<MqttMessage>;

Q_DECLARE_METATYPE(MqttMessage)
