#pragma once

#include <QMetaType>
#include <QString>

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
