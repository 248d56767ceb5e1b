#include "core/edge/mqttsettings.h"

#include "core/secrets/credentialprofile.h"

#include <QFileInfo>
#include <QUrl>

#include <mosquitto.h>

Result<MqttSettings> MqttSettings::fromUrl(const QString &url)
{
    const QUrl parsed(url.trimmed(), QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    if (!parsed.isValid() || parsed.host().isEmpty()
        || (scheme != QLatin1String("mqtt") && scheme != QLatin1String("mqtts")))
        return makeError(Error::Kind::Usage,
                         tr("the broker must be mqtt://HOST[:PORT] or mqtts://HOST[:PORT], not \"%1\"").arg(url),
                         QStringLiteral("--broker"));
    MqttSettings settings;
    settings.host = parsed.host();
    settings.tls = scheme == QLatin1String("mqtts");
    settings.port = parsed.port(settings.tls ? 8883 : 1883);
    if (!parsed.userName().isEmpty())
        settings.username = parsed.userName();
    return settings;
}

QString MqttSettings::url() const
{
    // QUrl brackets an IPv6 address ("mqtt://[::1]:1883") and escapes a zone id; a host it refuses
    // is still shown as it was given.
    QUrl written;
    written.setScheme(tls ? QStringLiteral("mqtts") : QStringLiteral("mqtt"));
    written.setHost(host);
    written.setPort(port);
    if (written.isValid() && !written.host().isEmpty())
        return written.toString();
    return QStringLiteral("%1://%2:%3").arg(written.scheme(), host).arg(port);
}

void MqttSettings::applyProfile(const QJsonObject &profileSettings, const QMap<QString, QString> &secrets)
{
    const auto fill = [&](QString &field, const char *name) {
        if (field.isEmpty())
            field = profileSettings.value(QLatin1String(name)).toString();
    };
    fill(caFile, "ca_file");
    fill(certificateFile, "cert_file");
    fill(keyFile, "key_file");
    fill(alpn, "alpn");
    fill(username, "username");
    if (!CredentialProfile::verifiesTls(profileSettings))
        verifyTls = false;
    if (password.isEmpty())
        password = secrets.value(QStringLiteral("password"));
    if (keyPassphrase.isEmpty())
        keyPassphrase = secrets.value(QStringLiteral("key_passphrase"));
}

Status MqttSettings::validate() const
{
    const auto readable = [](const QString &path, const QString &field) -> Status {
        if (path.isEmpty() || QFileInfo(path).isReadable())
            return Done{};
        return makeError(Error::Kind::Input, tr("cannot read \"%1\"").arg(path), field);
    };
    for (const auto &[path, field] : {std::pair{caFile, QStringLiteral("CA file")},
                                      std::pair{certificateFile, QStringLiteral("client certificate")},
                                      std::pair{keyFile, QStringLiteral("client key")}}) {
        if (Status status = readable(path, field); !status)
            return status;
    }
    if (certificateFile.isEmpty() != keyFile.isEmpty())
        return makeError(Error::Kind::Usage, tr("a client certificate needs its key, and a key its certificate"),
                         QStringLiteral("client certificate"));
    if (!tls && (!caFile.isEmpty() || !certificateFile.isEmpty() || !alpn.isEmpty()))
        return makeError(Error::Kind::Usage, tr("TLS options need an mqtts:// broker"), url());
    if (qos < 0 || qos > 1)
        return makeError(Error::Kind::Usage, tr("QoS must be 0 or 1"), QStringLiteral("qos"));
    if (protocolVersion != 4 && protocolVersion != 5)
        return makeError(Error::Kind::Usage, tr("the MQTT version must be 3.1.1 or 5"), QStringLiteral("protocol"));
    if (!cleanSession && clientId.isEmpty())
        return makeError(Error::Kind::Usage, tr("a persistent session needs a fixed client id"),
                         QStringLiteral("client id"));
    if (port <= 0 || port > 65535)
        return makeError(Error::Kind::Usage, tr("port %1 is out of range").arg(port), url());
    for (const QString &topic : topics) {
        if (mosquitto_sub_topic_check2(topic.toUtf8().constData(), size_t(topic.toUtf8().size())) != MOSQ_ERR_SUCCESS)
            return makeError(
                Error::Kind::Usage,
                tr("\"%1\" is not a valid topic filter (# only at the end, + and # alone between slashes)").arg(topic),
                QStringLiteral("topic"));
    }
    return Done{};
}

Result<MqttSettings> MqttSettings::withProfile(const QJsonObject &profileSettings,
                                               const QMap<QString, QString> &secrets, bool brokerGiven) const
{
    MqttSettings settings = *this;
    const QString profileBroker = profileSettings.value(QStringLiteral("broker_url")).toString();
    if (!brokerGiven && !profileBroker.isEmpty()) {
        Result<MqttSettings> fromProfile = fromUrl(profileBroker);
        if (!fromProfile)
            return fromProfile.error();
        fromProfile.value().topics = topics;
        fromProfile.value().qos = qos;
        settings = fromProfile.value();
    }
    settings.applyProfile(profileSettings, secrets);
    return settings;
}
