#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// A named connection: which kind of service it is for, and its settings that are not secret. The
// secret fields are never held here; they live only in the OS keyring (CredentialStore).
struct CredentialProfile
{
    Q_DECLARE_TR_FUNCTIONS(CredentialProfile)

public:
    enum class Kind { Aws, OpenAi, Mqtt };

    QString name;
    Kind kind = Kind::OpenAi;
    QJsonObject settings; // region, base_url …
    QString updatedAt;

    static QString kindName(Kind kind);
    static QString kindLabel(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
    static QList<Kind> allKinds() { return {Kind::Aws, Kind::OpenAi, Kind::Mqtt}; }
    // The kinds that reach a model (the Playground's and a run's choices; MQTT reaches devices).
    static QList<Kind> modelKinds() { return {Kind::Aws, Kind::OpenAi}; }

    // Field names as used by `credentials set` (key=value lines) and the Connections dialog.
    static QStringList secretFields(Kind kind);
    static QStringList requiredSecretFields(Kind kind);
    static QStringList settingFields(Kind kind);
    static QString fieldLabel(const QString &field);
    // "verify_tls": "no" turns TLS certificate checks off for this profile's connections (HTTP and
    // MQTT), for a test server with a self-signed certificate. Every panel using such a profile marks
    // it in red and the CLI warns on every run; anything but "no" keeps verification on.
    static constexpr QLatin1StringView VerifyTlsField{"verify_tls"};
    static bool verifiesTls(const QJsonObject &settings);
    bool verifiesTls() const { return verifiesTls(settings); }

    // A profile name is a short identifier: letters, digits, '.', '_', '-'; at most 64 characters.
    static bool isValidName(const QString &name);
};

using SecretMap = QMap<QString, QString>;
