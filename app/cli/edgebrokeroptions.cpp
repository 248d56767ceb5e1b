#include "edgebrokeroptions.h"

#include "commandcontext.h"
#include "core/secrets/credentialprofilerepository.h"
#include "core/secrets/credentialstore.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QProcessEnvironment>

#include <cstdio>

EdgeBrokerOptions::EdgeBrokerOptions(QCommandLineParser &parser)
    : m_broker(QStringLiteral("broker"), tr("mqtt://HOST:PORT or mqtts://HOST:PORT."), QStringLiteral("url")),
      m_topic(QStringLiteral("topic"),
              tr("Topic filter; + and # allowed (default %1).").arg(MqttSettings::defaultTopic()),
              QStringLiteral("filter")),
      m_qos(QStringLiteral("qos"), tr("0 or 1 (default 0)."), QStringLiteral("qos"), QStringLiteral("0")),
      m_version(QStringLiteral("mqtt-version"), tr("3.1.1 or 5 (default 3.1.1)."), QStringLiteral("version"),
                QStringLiteral("3.1.1")),
      m_clientId(QStringLiteral("client-id"), tr("Client identifier (default: random)."), QStringLiteral("id")),
      m_persistent(QStringLiteral("persistent"),
                   tr("Keep the session (and QoS 1 messages) across disconnects; needs --client-id.")),
      m_caFile(QStringLiteral("cafile"), tr("CA certificate (PEM) that signed the broker's certificate."),
               QStringLiteral("file")),
      m_certificate(QStringLiteral("cert"), tr("Client certificate (PEM)."), QStringLiteral("file")),
      m_key(QStringLiteral("key"), tr("Client private key (PEM); its passphrase comes from --profile."),
            QStringLiteral("file")),
      m_alpn(QStringLiteral("alpn"), tr("TLS ALPN protocol, e.g. x-amzn-mqtt-ca for AWS IoT Core on port 443."),
             QStringLiteral("protocol")),
      m_username(QStringLiteral("username"), tr("User name (password from --profile or MQTT_PASSWORD)."),
                 QStringLiteral("name")),
      m_profile(QStringLiteral("profile"),
                tr("An mqtt connection profile: its settings, and secrets from the OS keyring."),
                QStringLiteral("name"))
{
    parser.addOptions({m_broker, m_topic, m_qos, m_version, m_clientId, m_persistent, m_caFile, m_certificate, m_key,
                       m_alpn, m_username, m_profile});
}

Result<MqttSettings> EdgeBrokerOptions::settings(const QCommandLineParser &parser, CommandContext &context) const
{
    QJsonObject profileSettings;
    SecretMap secrets;
    if (parser.isSet(m_profile)) {
        Result<Workspace *> workspace = context.workspace();
        if (!workspace)
            return workspace.error();
        auto found = CredentialProfileRepository(*workspace.value()).find(parser.value(m_profile));
        if (!found)
            return found.error();
        if (!found.value() || found.value()->kind != CredentialProfile::Kind::Mqtt)
            return makeError(Error::Kind::Usage,
                             tr("there is no mqtt profile named \"%1\"").arg(parser.value(m_profile)),
                             QStringLiteral("--profile"));
        profileSettings = found.value()->settings;
        auto stored = CredentialStore().readBlocking(parser.value(m_profile));
        if (!stored)
            return stored.error();
        secrets = stored.value();
    }
    const QString brokerUrl = parser.isSet(m_broker) ? parser.value(m_broker)
                                                     : profileSettings.value(QStringLiteral("broker_url")).toString();
    if (brokerUrl.isEmpty())
        return makeError(Error::Kind::Usage, tr("--broker mqtt://HOST:PORT is required"));
    Result<MqttSettings> parsed = MqttSettings::fromUrl(brokerUrl);
    if (!parsed)
        return parsed;
    MqttSettings settings = parsed.value();
    if (parser.isSet(m_topic))
        settings.topics = parser.values(m_topic);
    bool ok = false;
    settings.qos = parser.value(m_qos).toInt(&ok);
    if (!ok || settings.qos < 0 || settings.qos > 1)
        return makeError(Error::Kind::Usage, tr("--qos must be 0 or 1"));
    const QString version = parser.value(m_version);
    if (version != QLatin1String("3.1.1") && version != QLatin1String("5"))
        return makeError(Error::Kind::Usage, tr("--mqtt-version must be 3.1.1 or 5"));
    settings.protocolVersion = version == QLatin1String("5") ? 5 : 4;
    settings.clientId = parser.value(m_clientId);
    settings.cleanSession = !parser.isSet(m_persistent);
    settings.caFile = parser.value(m_caFile);
    settings.certificateFile = parser.value(m_certificate);
    settings.keyFile = parser.value(m_key);
    settings.alpn = parser.value(m_alpn);
    settings.username = parser.value(m_username);
    settings.password = QProcessEnvironment::systemEnvironment().value(QStringLiteral("MQTT_PASSWORD"));
    settings.applyProfile(profileSettings, secrets);
    if (Status valid = settings.validate(); !valid)
        return valid.error();
    if (settings.tls && !settings.verifyTls)
        std::fprintf(stderr, "%s\n",
                     qPrintable(tr("genaiops: warning: profile \"%1\" does not verify the broker's TLS certificate "
                                   "(verify_tls is no): whoever sits between here and %2 can read and change "
                                   "these messages")
                                    .arg(parser.value(m_profile), settings.url())));
    return settings;
}
