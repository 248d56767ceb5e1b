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
        return usage(tr("choose a provider: --provider openai, --provider bedrock or --provider bedrock-kb"));
    const bool knowledgeBaseChosen = providerName == QLatin1String("bedrock-kb");
    if (model.isEmpty() && !knowledgeBaseChosen)
        return usage(tr("--model is required"));

    ProviderConfig config;
    config.model = model;
    config.verifyTls = !storedProfile || storedProfile->verifiesTls();
    const auto setting
        = [&](const QString &key) { return storedProfile ? storedProfile->settings.value(key).toString() : QString(); };

    if (!guardrail.isEmpty()) {
        if (providerName == QLatin1String("openai"))
            return usage(tr("a guardrail needs Amazon Bedrock: --guardrail does not apply to an OpenAI-compatible "
                            "provider"));
        auto parsed
            = GuardrailSetting::parse(guardrail, guardrailTrace.isEmpty() ? QStringLiteral("enabled") : guardrailTrace);
        if (!parsed)
            return parsed.error();
        config.guardrail = parsed.value();
    }

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

    if (providerName != QLatin1String("bedrock") && !knowledgeBaseChosen)
        return usage(tr("unknown provider \"%1\" (expected openai, bedrock or bedrock-kb)").arg(providerName));
    if (storedProfile && storedProfile->kind != CredentialProfile::Kind::Aws)
        return usage(tr("profile \"%1\" is not an AWS profile").arg(profile));
    config.kind = ProviderConfig::Kind::Bedrock;
    if (knowledgeBaseChosen) {
        if (const Status valid = checkKnowledgeBase(); !valid)
            return valid.error();
        config.kind = ProviderConfig::Kind::KnowledgeBase;
        config.knowledgeBase = knowledgeBase;
        config.model = knowledgeBase.retrieveOnly ? QStringLiteral("retrieve") : knowledgeBase.modelArn;
    }
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

Status ProviderSelection::checkKnowledgeBase() const
{
    if (knowledgeBase.id.isEmpty())
        return usage(tr("--knowledge-base ID is required for the provider bedrock-kb"));
    if (knowledgeBase.modelArn.isEmpty() && !knowledgeBase.retrieveOnly)
        return usage(tr("--model-arn is required to generate answers from a Knowledge Base (or use --retrieve-only): "
                        "e.g. arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"));
    if (!knowledgeBase.modelArn.isEmpty() && !knowledgeBase.modelArn.startsWith(QLatin1String("arn:")))
        return usage(tr("--model-arn \"%1\" is not an ARN (arn:aws:bedrock:REGION::foundation-model/MODEL)")
                         .arg(knowledgeBase.modelArn));
    if (knowledgeBase.results < 1 || knowledgeBase.results > 100)
        return usage(tr("--results expects 1 to 100"));
    const QString search = knowledgeBase.searchType.toUpper();
    if (!search.isEmpty() && search != QLatin1String("HYBRID") && search != QLatin1String("SEMANTIC"))
        return usage(tr("--search expects hybrid or semantic, not \"%1\"").arg(knowledgeBase.searchType));
    return Done{};
}

QJsonObject ProviderSelection::toJson() const
{
    QJsonObject object{{QStringLiteral("provider"), provider},        {QStringLiteral("model"), model},
                       {QStringLiteral("base_url"), baseUrl},         {QStringLiteral("region"), region},
                       {QStringLiteral("endpoint_url"), endpointUrl}, {QStringLiteral("profile"), profile}};
    if (!guardrail.isEmpty())
        object.insert(QStringLiteral("guardrail"), guardrail);
    if (!guardrailTrace.isEmpty())
        object.insert(QStringLiteral("guardrail_trace"), guardrailTrace);
    if (knowledgeBase.isSet())
        object.insert(QStringLiteral("knowledge_base"), knowledgeBase.toJson());
    return object;
}

ProviderSelection ProviderSelection::fromJson(const QJsonObject &object)
{
    ProviderSelection chosen;
    chosen.provider = object.value(QStringLiteral("provider")).toString();
    chosen.model = object.value(QStringLiteral("model")).toString();
    chosen.baseUrl = object.value(QStringLiteral("base_url")).toString();
    chosen.region = object.value(QStringLiteral("region")).toString();
    chosen.endpointUrl = object.value(QStringLiteral("endpoint_url")).toString();
    chosen.profile = object.value(QStringLiteral("profile")).toString();
    chosen.guardrail = object.value(QStringLiteral("guardrail")).toString();
    chosen.guardrailTrace = object.value(QStringLiteral("guardrail_trace")).toString();
    chosen.knowledgeBase = KnowledgeBaseSetting::fromJson(object.value(QStringLiteral("knowledge_base")).toObject());
    return chosen;
}
