#pragma once

#include "core/guardrails/guardedtext.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

struct ChatMessage
{
    QString role; // "user" or "assistant"
    QString text;
};

// Generation parameters shared by every provider; unset optionals are left out of the request so
// the model's own defaults apply.
struct ChatParameters
{
    int maxTokens = 512;
    std::optional<double> temperature;
    std::optional<double> topP;
    QStringList stopSequences;
};

struct ChatRequest
{
    QString system;
    QList<ChatMessage> messages;
    ChatParameters parameters;
    bool stream = true;
    // Bedrock with a guardrail: added to the last user message as guardContent blocks, so the
    // guardrail checks only these (with guard_content) and grounds the answer in the others.
    QList<GuardedText> guarded;
    // A Knowledge Base conversation to continue (RetrieveAndGenerate's sessionId).
    QString sessionId;

    static ChatRequest fromPrompt(const QString &prompt, const QString &system = {})
    {
        ChatRequest request;
        request.system = system;
        request.messages.append({QStringLiteral("user"), prompt});
        return request;
    }
};
