#include "core/secrets/credentialprofile.h"

#include <QRegularExpression>

QString CredentialProfile::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Aws:
        return QStringLiteral("aws");
    case Kind::OpenAi:
        return QStringLiteral("openai");
    case Kind::Mqtt:
        return QStringLiteral("mqtt");
    }
    return {};
}

QString CredentialProfile::kindLabel(Kind kind)
{
    switch (kind) {
    case Kind::Aws:
        return tr("Amazon Web Services");
    case Kind::OpenAi:
        return tr("OpenAI-compatible endpoint");
    case Kind::Mqtt:
        return tr("MQTT client key");
    }
    return {};
}

std::optional<CredentialProfile::Kind> CredentialProfile::kindFromName(const QString &name)
{
    for (Kind kind : allKinds()) {
        if (kindName(kind) == name.toLower())
            return kind;
    }
    return std::nullopt;
}

QStringList CredentialProfile::secretFields(Kind kind)
{
    switch (kind) {
    case Kind::Aws:
        return {QStringLiteral("access_key_id"), QStringLiteral("secret_access_key"), QStringLiteral("session_token")};
    case Kind::OpenAi:
        return {QStringLiteral("api_key")};
    case Kind::Mqtt:
        return {QStringLiteral("password"), QStringLiteral("key_passphrase")};
    }
    return {};
}

QStringList CredentialProfile::requiredSecretFields(Kind kind)
{
    switch (kind) {
    case Kind::Aws:
        return {QStringLiteral("access_key_id"), QStringLiteral("secret_access_key")};
    case Kind::OpenAi:
        return {}; // local servers (Ollama, vLLM, llama.cpp) take no key
    case Kind::Mqtt:
        return {}; // anonymous brokers and unencrypted keys need none
    }
    return {};
}

QStringList CredentialProfile::settingFields(Kind kind)
{
    switch (kind) {
    case Kind::Aws:
        return {QStringLiteral("region"), QStringLiteral("endpoint_url"), VerifyTlsField};
    case Kind::OpenAi:
        return {QStringLiteral("base_url"), VerifyTlsField};
    case Kind::Mqtt:
        return {QStringLiteral("broker_url"),
                QStringLiteral("username"),
                QStringLiteral("ca_file"),
                QStringLiteral("cert_file"),
                QStringLiteral("key_file"),
                QStringLiteral("alpn"),
                VerifyTlsField};
    }
    return {};
}

QString CredentialProfile::fieldLabel(const QString &field)
{
    if (field == QLatin1String("access_key_id"))
        return tr("Access key ID");
    if (field == QLatin1String("secret_access_key"))
        return tr("Secret access key");
    if (field == QLatin1String("session_token"))
        return tr("Session token (optional)");
    if (field == QLatin1String("region"))
        return tr("Region");
    if (field == QLatin1String("endpoint_url"))
        return tr("Endpoint URL (optional)");
    if (field == QLatin1String("base_url"))
        return tr("Base URL");
    if (field == QLatin1String("api_key"))
        return tr("API key");
    if (field == QLatin1String("key_passphrase"))
        return tr("Client key passphrase (optional)");
    if (field == QLatin1String("password"))
        return tr("Password (optional)");
    if (field == QLatin1String("broker_url"))
        return tr("Broker (mqtt://HOST:PORT or mqtts://HOST:PORT)");
    if (field == QLatin1String("username"))
        return tr("User name (optional)");
    if (field == QLatin1String("ca_file"))
        return tr("CA certificate file (optional; system CAs otherwise)");
    if (field == QLatin1String("cert_file"))
        return tr("Client certificate file (optional)");
    if (field == QLatin1String("key_file"))
        return tr("Client key file (optional)");
    if (field == VerifyTlsField)
        return tr("Verify TLS certificates (yes, or no for a test server with a self-signed one)");
    if (field == QLatin1String("alpn"))
        return tr("ALPN protocol (optional, x-amzn-mqtt-ca for AWS IoT on port 443)");
    return field;
}

bool CredentialProfile::isValidName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    return pattern.match(name).hasMatch();
}

bool CredentialProfile::verifiesTls(const QJsonObject &settings)
{
    // Only an explicit "no" turns verification off: a typo keeps it on.
    return settings.value(VerifyTlsField).toString().trimmed().compare(QLatin1String("no"), Qt::CaseInsensitive) != 0;
}
