#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QMetaType>
#include <QStringList>

// Where and how to connect to an MQTT broker. Secrets (password, key passphrase) are filled from the
// keyring just before use and never stored with the rest.
struct MqttSettings
{
    Q_DECLARE_TR_FUNCTIONS(MqttSettings)

public:
    static QString defaultTopic() { return QStringLiteral("greengrass/vqi/inference_results"); }

    QString host = QStringLiteral("localhost");
    int port = 1883;
    bool tls = false;
    bool verifyTls = true; // false: the broker's certificate and name are not checked (a profile's verify_tls "no")
    QString caFile;
    QString certificateFile;
    QString keyFile;
    QString keyPassphrase; // secret
    // "x-amzn-mqtt-ca" lets AWS IoT Core take MQTT with a client certificate on port 443.
    QString alpn;
    QString username;
    QString password; // secret
    QString clientId; // empty: a random one (a persistent session needs a fixed one)
    int protocolVersion = 4; // 4 is MQTT 3.1.1, 5 is MQTT 5
    int qos = 0;
    bool cleanSession = true;
    int keepAliveSeconds = 30;
    QStringList topics{defaultTopic()};

    // mqtt://HOST[:PORT] (1883) or mqtts://HOST[:PORT] (8883).
    static Result<MqttSettings> fromUrl(const QString &url);
    QString url() const;
    // What an mqtt connection profile holds: its settings (broker_url, username, ca_file,
    // cert_file, key_file, alpn) and its secrets from the keyring (password, key_passphrase).
    // Fields already set here win over the profile's.
    void applyProfile(const QJsonObject &profileSettings, const QMap<QString, QString> &secrets);
    // These settings with a connection profile applied; when `brokerGiven` is false (the user left
    // the broker empty) the profile's broker_url replaces this broker, topics and QoS kept.
    Result<MqttSettings> withProfile(const QJsonObject &profileSettings, const QMap<QString, QString> &secrets,
                                     bool brokerGiven) const;
    // Files readable, topic filters well formed, QoS and version known. Names the field at fault.
    Status validate() const;
};

Q_DECLARE_METATYPE(MqttSettings)
