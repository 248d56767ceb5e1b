#pragma once

#include "core/common/result.h"
#include "core/providers/providerconfig.h"
#include "core/providers/providerselection.h"

#include <QCommandLineOption>
#include <QCoreApplication>

class CommandContext;
class QCommandLineParser;

// The provider flags every model-calling command shares (PRODUCT.md's CLI contract):
//   --provider openai --base-url URL --model ID            (key: OPENAI_API_KEY or --profile)
//   --provider bedrock --region R --model ID [--endpoint-url URL]
//                                  (AWS_* variables, AWS_PROFILE with ~/.aws, or a keyring --profile)
//   --provider bedrock-kb --knowledge-base ID --model-arn ARN [--results N] [--search hybrid|semantic]
//                                  [--retrieve-only]   (a Knowledge Base: bedrock-agent-runtime)
//   --guardrail ID:VERSION [--guardrail-trace enabled|disabled|enabled_full]   (Bedrock and Knowledge Bases)
// With a prefix ("judge-") the same set names a second model, e.g. --judge-model; the guardrail
// and Knowledge Base flags belong to the unprefixed set only.
class ProviderOptions
{
    Q_DECLARE_TR_FUNCTIONS(ProviderOptions)

public:
    explicit ProviderOptions(const QString &prefix = {});

    void addTo(QCommandLineParser &parser) const;
    bool isAnySet(const QCommandLineParser &parser) const;
    // Only the AWS connection flags (--region, --endpoint-url, --profile) and --guardrail are set:
    // what scoring a dataset's own responses through a guardrail takes.
    bool isGuardrailConnectionOnly(const QCommandLineParser &parser) const;
    bool hasGuardrail(const QCommandLineParser &parser) const;
    // What the flags chose, without secrets (stored with an evaluation run).
    ProviderSelection selection(const QCommandLineParser &parser) const;
    // Looks the profile up in the workspace and the keyring (blocking) and resolves the config,
    // applying --timeout and --retries.
    // `chosen`, when given, replaces what the flags chose (a command that fixes the provider).
    Result<ProviderConfig> resolve(const QCommandLineParser &parser, CommandContext &context,
                                   const std::optional<ProviderSelection> &chosen = std::nullopt) const;
    // The same for a stored selection (resuming a run), with default timeouts.
    static Result<ProviderConfig> resolve(const ProviderSelection &selection, CommandContext &context);

private:
    QCommandLineOption m_provider;
    QCommandLineOption m_model;
    QCommandLineOption m_baseUrl;
    QCommandLineOption m_region;
    QCommandLineOption m_endpointUrl;
    QCommandLineOption m_profile;
    QCommandLineOption m_timeout;
    QCommandLineOption m_retries;
    bool m_extras; // the guardrail and Knowledge Base flags
    QCommandLineOption m_guardrail;
    QCommandLineOption m_guardrailTrace;
    QCommandLineOption m_knowledgeBase;
    QCommandLineOption m_modelArn;
    QCommandLineOption m_results;
    QCommandLineOption m_search;
    QCommandLineOption m_retrieveOnly;
};
