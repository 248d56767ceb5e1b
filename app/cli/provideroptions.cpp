#include "provideroptions.h"

#include "commandcontext.h"
#include "core/providers/providerselection.h"
#include "core/secrets/credentialprofilerepository.h"
#include "core/secrets/credentialstore.h"

#include <QCommandLineParser>
#include <QDir>

#include <cstdio>

ProviderOptions::ProviderOptions(const QString &prefix)
    : m_provider(prefix + QStringLiteral("provider"), tr("Model provider: openai or bedrock."), QStringLiteral("name")),
      m_model(prefix + QStringLiteral("model"), tr("Model id, e.g. anthropic.claude-3-haiku-20240307-v1:0."),
              QStringLiteral("id")),
      m_baseUrl(prefix + QStringLiteral("base-url"), tr("OpenAI-compatible base URL, e.g. http://localhost:11434/v1."),
                QStringLiteral("url")),
      m_region(prefix + QStringLiteral("region"), tr("AWS region for Bedrock."), QStringLiteral("region")),
      m_endpointUrl(prefix + QStringLiteral("endpoint-url"), tr("Bedrock endpoint override, e.g. a local test server."),
                    QStringLiteral("url")),
      m_profile(prefix + QStringLiteral("profile"), tr("Connection profile whose secrets are in the OS keyring."),
                QStringLiteral("name")),
      m_timeout(prefix + QStringLiteral("timeout"),
                tr("Seconds to wait for a first byte and between chunks (default 60)."), QStringLiteral("seconds")),
      m_retries(prefix + QStringLiteral("retries"), tr("Retries on throttling and server errors (default 3)."),
                QStringLiteral("count")),
      m_extras(prefix.isEmpty()),
      m_guardrail(QStringLiteral("guardrail"), tr("Bedrock guardrail every call goes through, ID:VERSION."),
                  QStringLiteral("id:version")),
      m_guardrailTrace(QStringLiteral("guardrail-trace"),
                       tr("Guardrail trace: enabled (default), disabled or enabled_full."), QStringLiteral("level")),
      m_knowledgeBase(QStringLiteral("knowledge-base"), tr("Knowledge Base id (provider bedrock-kb)."),
                      QStringLiteral("id")),
      m_modelArn(QStringLiteral("model-arn"), tr("Model ARN a Knowledge Base answers with."), QStringLiteral("arn")),
      m_results(QStringLiteral("results"), tr("Passages a Knowledge Base retrieves (1-100, default 5)."),
                QStringLiteral("n")),
      m_search(QStringLiteral("search"), tr("Knowledge Base search: hybrid or semantic (default: its own)."),
               QStringLiteral("type")),
      m_retrieveOnly(QStringLiteral("retrieve-only"), tr("Retrieve passages from the Knowledge Base, no answer."))
{ }

void ProviderOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_provider, m_model, m_baseUrl, m_region, m_endpointUrl, m_profile, m_timeout, m_retries});
    if (m_extras)
        parser.addOptions(
            {m_guardrail, m_guardrailTrace, m_knowledgeBase, m_modelArn, m_results, m_search, m_retrieveOnly});
}

bool ProviderOptions::hasGuardrail(const QCommandLineParser &parser) const
{
    return m_extras && parser.isSet(m_guardrail);
}

bool ProviderOptions::isGuardrailConnectionOnly(const QCommandLineParser &parser) const
{
    if (!hasGuardrail(parser))
        return false;
    for (const QCommandLineOption *option : {&m_provider, &m_model, &m_baseUrl, &m_knowledgeBase, &m_modelArn})
        if (parser.isSet(*option))
            return false;
    return true;
}

bool ProviderOptions::isAnySet(const QCommandLineParser &parser) const
{
    for (const QCommandLineOption *option : {&m_provider, &m_model, &m_baseUrl, &m_region, &m_endpointUrl, &m_profile})
        if (parser.isSet(*option))
            return true;
    return m_extras && (parser.isSet(m_knowledgeBase) || parser.isSet(m_modelArn));
}

ProviderSelection ProviderOptions::selection(const QCommandLineParser &parser) const
{
    ProviderSelection chosen;
    chosen.provider = parser.value(m_provider);
    chosen.model = parser.value(m_model);
    chosen.baseUrl = parser.value(m_baseUrl);
    chosen.region = parser.value(m_region);
    chosen.endpointUrl = parser.value(m_endpointUrl);
    chosen.profile = parser.value(m_profile);
    if (!m_extras)
        return chosen;
    chosen.guardrail = parser.value(m_guardrail);
    chosen.guardrailTrace = parser.value(m_guardrailTrace);
    chosen.knowledgeBase.id = parser.value(m_knowledgeBase);
    chosen.knowledgeBase.modelArn = parser.value(m_modelArn);
    if (parser.isSet(m_results)) {
        bool ok = false;
        chosen.knowledgeBase.results = parser.value(m_results).toInt(&ok);
        if (!ok)
            chosen.knowledgeBase.results = 0; // refused by the selection's check, naming --results
    }
    chosen.knowledgeBase.searchType = parser.value(m_search).toUpper();
    chosen.knowledgeBase.retrieveOnly = parser.isSet(m_retrieveOnly);
    // A Knowledge Base flag names the provider when --provider does not.
    if (chosen.provider.isEmpty() && chosen.knowledgeBase.isSet())
        chosen.provider = QStringLiteral("bedrock-kb");
    return chosen;
}

Result<ProviderConfig> ProviderOptions::resolve(const ProviderSelection &selection, CommandContext &context)
{
    std::optional<CredentialProfile> profile;
    SecretMap secrets;
    if (!selection.profile.isEmpty()) {
        auto workspace = context.workspace();
        if (!workspace)
            return workspace.error();
        auto found = CredentialProfileRepository(*workspace.value()).find(selection.profile);
        if (!found)
            return found.error();
        profile = found.value();
        if (profile && !CredentialProfile::secretFields(profile->kind).isEmpty()) {
            auto stored = CredentialStore().readBlocking(selection.profile);
            if (!stored)
                return stored.error();
            secrets = stored.value();
        }
    }
    return selection.resolve(QProcessEnvironment::systemEnvironment(), QDir::homePath(), profile, secrets);
}

Result<ProviderConfig> ProviderOptions::resolve(const QCommandLineParser &parser, CommandContext &context,
                                                const std::optional<ProviderSelection> &chosen) const
{
    auto config = resolve(chosen.value_or(selection(parser)), context);
    if (!config)
        return config;
    bool ok = true;
    if (parser.isSet(m_timeout)) {
        const double seconds = parser.value(m_timeout).toDouble(&ok);
        if (!ok || seconds <= 0)
            return makeError(Error::Kind::Usage, tr("--%1 expects seconds > 0").arg(m_timeout.names().first()));
        config.value().firstByteTimeoutMs = config.value().idleTimeoutMs = int(seconds * 1000);
    }
    if (parser.isSet(m_retries)) {
        const int retries = parser.value(m_retries).toInt(&ok);
        if (!ok || retries < 0 || retries > 20)
            return makeError(Error::Kind::Usage, tr("--%1 expects 0 to 20").arg(m_retries.names().first()));
        config.value().retry.maxAttempts = retries + 1;
    }
    if (!config.value().verifyTls)
        std::fprintf(stderr, "%s\n",
                     qPrintable(tr("genaiops: warning: profile \"%1\" does not verify TLS certificates (verify_tls "
                                   "is no): whoever sits between here and the service can read and change this "
                                   "traffic")
                                    .arg(parser.value(m_profile))));
    return config;
}
