// Broker URLs, topic filters and an MQTT connection profile as a user types or imports them:
// a broker that was accepted can be written back as a URL that reads as the same broker.
// Input: the URL, a line break, a topic filter, a line break, the profile's JSON.
#include "core/edge/mqttsettings.h"

#include "fuzz/fuzzsupport.h"

#include <QJsonDocument>
#include <QJsonObject>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto [url, afterUrl] = Fuzz::split(Fuzz::bytes(data, size), '\n');
    const auto [topic, profile] = Fuzz::split(afterUrl, '\n');
    const Result<MqttSettings> parsed = MqttSettings::fromUrl(QString::fromUtf8(url));
    MqttSettings settings;
    if (parsed) {
        settings = parsed.value();
        const Result<MqttSettings> again = MqttSettings::fromUrl(settings.url());
        Fuzz::require(again && again.value().host == settings.host && again.value().port == settings.port
                          && again.value().tls == settings.tls,
                      "an accepted broker written as a URL reads as the same broker");
    }
    settings.topics = {QString::fromUtf8(topic)};
    const QJsonObject profileSettings = QJsonDocument::fromJson(profile.toByteArray()).object();
    const QMap<QString, QString> secrets{{QStringLiteral("password"), QStringLiteral("hunter2")}};
    for (bool brokerGiven : {false, true}) {
        const Result<MqttSettings> combined = settings.withProfile(profileSettings, secrets, brokerGiven);
        Fuzz::requireExplained(combined, "a profile that does not fit says why");
        if (!combined)
            continue;
        const Status valid = combined.value().validate();
        Fuzz::requireExplained(valid, "settings that do not hold say why");
        if (valid)
            Fuzz::require(combined.value().port > 0 && combined.value().port <= 65535, "a valid port is in range");
    }
    return 0;
}
