#include "core/providers/providerselection.h"

#include "core/common/secretredactor.h"

namespace {

Error usage(const QString &message)
{
    return makeError(Error::Kind::Usage, message);
}

} // namespace

Result<ProviderConfig> ProviderSelection::resolve(const QProcessEnvironment &environment, const QString &homeDirectory,
                                                  const std::optional<CredentialProfile> &storedProfile,
                                                  const SecretMap &secrets) const
{
    if (!profile.isEmpty() && !storedProfile)
        return makeError(Error::Kind::Input,
                         tr("no connection profile named \"%1\" (see `genaiops credentials list`)").arg(profile));
    QString providerName = provider;
    if (providerName.isEmpty() && storedProfile)
        providerName = storedProfile->kind == CredentialProfile::Kind::Aws ? QStringLiteral("bedrock")
                                                                           : QStringLiteral("openai");
    if (providerName.isEmpty())
        return usage(tr("choose a provider: --provider openai or --provider bedrock"));
    if (model.isEmpty())
        return usage(tr("--model is required"));

    ProviderConfig config;
    config.model = model;
    config.verifyTls = !storedProfile || storedProfile->verifiesTls();
    const auto setting
        = [&](const QString &key) { return storedProfile ? storedProfile->settings.value(key).toString() : QString(); };

    if (providerName == QLatin1String("openai")) {
        if (storedProfile && storedProfile->kind != CredentialProfile::Kind::OpenAi)
            return usage(tr("profile \"%1\" is not an OpenAI-compatible profile").arg(profile));
        config.kind = ProviderConfig::Kind::OpenAi;
        const QString base = !baseUrl.isEmpty() ? baseUrl : setting(QStringLiteral("base_url"));
        if (base.isEmpty())
            return usage(
                tr("--base-url is required for an OpenAI-compatible endpoint (e.g. http://localhost:11434/v1)"));
        config.baseUrl = QUrl(base, QUrl::StrictMode);
        if (!config.baseUrl.isValid() || !config.baseUrl.scheme().startsWith(QLatin1String("http")))
            return usage(tr("--base-url \"%1\" is not an http(s) URL").arg(base));
        config.apiKey = storedProfile ? secrets.value(QStringLiteral("api_key"))
                                      : environment.value(QStringLiteral("OPENAI_API_KEY"));
        SecretRedactor::instance().registerSecret(config.apiKey);
        return config;
    }

    if (providerName != QLatin1String("bedrock"))
        return usage(tr("unknown provider \"%1\" (expected openai or bedrock)").arg(providerName));
    if (storedProfile && storedProfile->kind != CredentialProfile::Kind::Aws)
        return usage(tr("profile \"%1\" is not an AWS profile").arg(profile));
    config.kind = ProviderConfig::Kind::Bedrock;
    config.region = !region.isEmpty() ? region : setting(QStringLiteral("region"));
    if (config.region.isEmpty())
        config.region = AwsCredentialResolver::resolveRegion(environment, homeDirectory);
    if (config.region.isEmpty())
        return usage(tr("--region is required for Bedrock (or set AWS_REGION)"));
    const QString endpoint = !endpointUrl.isEmpty() ? endpointUrl : setting(QStringLiteral("endpoint_url"));
    if (!endpoint.isEmpty()) {
        config.endpointUrl = QUrl(endpoint, QUrl::StrictMode);
        if (!config.endpointUrl.isValid() || !config.endpointUrl.scheme().startsWith(QLatin1String("http")))
            return usage(tr("--endpoint-url \"%1\" is not an http(s) URL").arg(endpoint));
    }
    if (storedProfile) {
        config.aws.accessKeyId = secrets.value(QStringLiteral("access_key_id"));
        config.aws.secretAccessKey = secrets.value(QStringLiteral("secret_access_key"));
        config.aws.sessionToken = secrets.value(QStringLiteral("session_token"));
        if (!config.aws.isValid())
            return makeError(Error::Kind::Auth, tr("profile \"%1\" has no AWS keys in the keyring").arg(profile));
    } else {
        auto credentials = AwsCredentialResolver::resolveDefault(environment, homeDirectory);
        if (!credentials)
            return credentials.error();
        config.aws = credentials.value();
    }
    for (const QString &secret : {config.aws.secretAccessKey, config.aws.sessionToken})
        SecretRedactor::instance().registerSecret(secret);
    return config;
}
