#pragma once

#include "core/eval/evaltypes.h"
#include "core/guardrails/guardrailcheck.h"
#include "core/providers/chatrequest.h"

// What an evaluation item asks of the services: the request that generates its response, the
// judge's requests, and the guardrail checks of a response that came from elsewhere.
class ItemRequests
{
public:
    // The prompt that asks a model for the item's response from its contexts, with the run's
    // system prompt and parameters (the built-in ones by default). A Knowledge Base is asked the
    // question alone; a guarded Bedrock generator marks the contexts as grounding sources and the
    // question as the query (and as input to check when the run guards its input).
    static ChatRequest generation(const EvalItem &item, const RunSettings &settings = {});
    // A judge prompt, answered whole at temperature 0 (sampled when the run repeats judge calls).
    static ChatRequest judge(const QString &prompt, int maxTokens, bool repeated);
    // The ApplyGuardrail requests for a response from elsewhere: the question as input, the response
    // as output grounded in the contexts and checked for relevance to the question.
    static QList<GuardrailCheck> guardrailChecks(const EvalItem &item, const QString &response,
                                                 const QStringList &stages);
};
