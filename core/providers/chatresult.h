#pragma once

#include "core/guardrails/guardrailverdict.h"
#include "core/knowledgebase/citation.h"
#include "core/knowledgebase/retrievedpassage.h"

#include <QMetaType>
#include <QString>

#include <optional>

// What one finished call produced and how it went. Token counts are -1 when the service did not
// report them (an OpenAI-compatible stream without include_usage), never a guess.
struct ChatResult
{
    QString text;
    QString provider; // "openai" or "bedrock"
    QString model;
    qint64 inputTokens = -1;
    qint64 outputTokens = -1;
    qint64 ttftMs = -1; // request sent → first text delta (streaming) or whole answer (not streaming)
    qint64 latencyMs = 0; // request sent → end of answer, of the successful attempt
    qint64 serviceLatencyMs = -1; // what the service says it took (Bedrock metrics.latencyMs)
    QString stopReason; // normalised: end_turn, max_tokens, stop_sequence, content_filtered, or the service's own word
    int attempts = 1;
    // What the guardrail did, when the call went through one; `text` is then what it let through.
    std::optional<GuardrailVerdict> guardrail;
    // A Knowledge Base's answer: the passages it retrieved and which parts of `text` cite them.
    QList<RetrievedPassage> passages;
    QList<Citation> citations;
    QString sessionId;

    // Output tokens per second of generation (after the first token); 0 when unknown.
    double tokensPerSecond() const
    {
        const qint64 generating = latencyMs - qMax<qint64>(ttftMs, 0);
        if (outputTokens <= 0 || generating <= 0)
            return 0.0;
        return double(outputTokens) * 1000.0 / double(generating);
    }
};

Q_DECLARE_METATYPE(ChatResult)
