#pragma once

#include "core/aws/awscredentials.h"
#include "core/guardrails/guardrailsetting.h"
#include "core/knowledgebase/knowledgebasesetting.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

// Exponential backoff with full jitter on 429, 5xx and throttling; a Retry-After from the service
// takes precedence when it is longer.
struct RetryPolicy
{
    int maxAttempts = 4; // including the first
    int baseDelayMs = 500;
    int maxDelayMs = 20000;
};

// Everything needed to call one model. Secrets (apiKey, aws) are held in memory only, filled from
// the environment or the keyring just before use.
struct ProviderConfig
{
    // KnowledgeBase: Amazon Bedrock Agent Runtime's RetrieveAndGenerate (or Retrieve) on a Knowledge Base.
    enum class Kind { OpenAi, Bedrock, KnowledgeBase };

    Kind kind = Kind::OpenAi;
    QString model;
    // OpenAI-compatible
    QUrl baseUrl; // e.g. http://localhost:11434/v1 — requests go to {baseUrl}/chat/completions
    QString apiKey; // optional
    // Amazon Bedrock Runtime
    QString region;
    QUrl endpointUrl; // override, e.g. http://127.0.0.1:PORT; default https://bedrock-runtime.{region}.amazonaws.com
                      // (bedrock-agent-runtime for a Knowledge Base)
    AwsCredentials aws;
    // Bedrock and Knowledge Bases: the guardrail every call goes through, when set.
    GuardrailSetting guardrail;
    KnowledgeBaseSetting knowledgeBase; // KnowledgeBase only; `model` then holds its model ARN

    // Sent with every request, for gateways and tests (the test servers' X-Test-* fault switches).
    // Bedrock signs them along with the rest, as a gateway checking signatures would expect.
    QList<QPair<QByteArray, QByteArray>> extraHeaders;

    // A timeout of 0 or less means no limit. The total covers the whole call, retries and backoff
    // included, since that is what the person waiting sees.
    int firstByteTimeoutMs = 60000; // request sent → first byte of the answer
    int idleTimeoutMs = 60000; // longest silence inside a streamed answer
    int totalTimeoutMs = 600000;
    RetryPolicy retry;
    // False only for a profile whose verify_tls is "no": certificates are then not checked at all.
    bool verifyTls = true;

    static QString kindName(Kind kind)
    {
        switch (kind) {
        case Kind::OpenAi:
            return QStringLiteral("openai");
        case Kind::Bedrock:
            return QStringLiteral("bedrock");
        case Kind::KnowledgeBase:
            return QStringLiteral("bedrock-kb");
        }
        return {};
    }
    QString providerName() const { return kindName(kind); }
    // "bedrock:anthropic.claude-3-haiku-20240307-v1:0", for tables and logs (never a secret).
    // A Knowledge Base: "bedrock-kb:KB12345678".
    QString label() const
    {
        return providerName() + QLatin1Char(':') + (kind == Kind::KnowledgeBase ? knowledgeBase.id : model);
    }
};
