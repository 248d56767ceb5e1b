#pragma once

#include "core/common/result.h"
#include "core/edge/mqttsettings.h"

#include <QCommandLineOption>
#include <QCoreApplication>

class CommandContext;
class QCommandLineParser;

// The broker flags `edge listen`, `simulate` and `replay` share, and the MqttSettings they make:
// --broker, --topic, --qos, --mqtt-version, --client-id, --persistent, TLS files, --alpn, and a
// --profile whose secrets (password, key passphrase) come from the OS keyring.
class EdgeBrokerOptions
{
    Q_DECLARE_TR_FUNCTIONS(EdgeBrokerOptions)

public:
    explicit EdgeBrokerOptions(QCommandLineParser &parser);

    Result<MqttSettings> settings(const QCommandLineParser &parser, CommandContext &context) const;

private:
    QCommandLineOption m_broker, m_topic, m_qos, m_version, m_clientId, m_persistent, m_caFile, m_certificate, m_key,
        m_alpn, m_username, m_profile;
};
