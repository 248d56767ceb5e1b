#pragma once

#include "core/common/result.h"
#include "core/providers/chatresult.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <functional>

class ChatCall;

// A call the command waits for (its own event loop), retries told on stderr; and how a guardrail's
// verdict prints, so chat, guardrail and kb print it alike.
class BlockingCall
{
    Q_DECLARE_TR_FUNCTIONS(BlockingCall)

public:
    // Waits for `call` to finish and deletes it; `delta`, when given, receives the text as it streams.
    static Result<ChatResult> wait(ChatCall *call, const std::function<void(const QString &)> &delta = {});

    // {action: GUARDRAIL_INTERVENED|NONE, action_reason, policies:[{policy, stage, type, action, …}],
    //  outputs, model_output, units}
    static QJsonObject guardrailJson(const GuardrailVerdict &verdict);
    // "guardrail intervened: topic "Investment advice": blocked (input)" lines for stderr.
    static QString guardrailLines(const GuardrailVerdict &verdict);
};
