#include "core/eval/itemrequests.h"

using namespace Qt::StringLiterals;

namespace {

// Repeated judge calls exist to measure how much the judge's verdict moves; at temperature 0 they
// would mostly measure the service's own nondeterminism, so they sample at this temperature.
constexpr double repeatedJudgeTemperature = 0.7;

} // namespace

ChatRequest ItemRequests::judge(const QString &prompt, int maxTokens, bool repeated)
{
    ChatRequest request
        = ChatRequest::fromPrompt(prompt, u"You are a careful, strict evaluator. Answer with JSON only."_s);
    // The same answer for the same item, run after run, as far as the service allows — unless the
    // run asked for repeated judge calls.
    request.parameters.temperature = repeated ? repeatedJudgeTemperature : 0.0;
    request.parameters.maxTokens = maxTokens;
    // Nobody reads a judge's answer as it streams; one whole answer costs far less per call
    // (bench_eval_throughput: about half the CPU per item).
    request.stream = false;
    return request;
}

ChatRequest ItemRequests::generation(const EvalItem &item, const RunSettings &settings)
{
    if (settings.usesKnowledgeBase()) {
        // The Knowledge Base retrieves its own contexts and writes its own prompt around them.
        ChatRequest request = ChatRequest::fromPrompt(item.question);
        request.parameters.maxTokens = settings.maxTokens;
        request.parameters.temperature = settings.temperature;
        request.stream = false;
        return request;
    }
    const QString system = settings.generationSystemPrompt.trimmed().isEmpty()
        ? u"Answer the question using only the contexts given. If they do not contain the answer, say so."_s
        : settings.generationSystemPrompt;
    QString prompt;
    QList<GuardedText> guarded;
    // A guarded Bedrock model gets the contexts and the question once, as guardContent blocks: the
    // guardrail then grounds the answer in the contexts, checks it against the question, and runs
    // its input policies on the question alone (not on the contexts, which are the dataset's).
    const bool guard = settings.guardsThroughGenerator();
    if (guard) {
        // The message's own text comes first, the guarded blocks after it.
        prompt = item.contexts.isEmpty() ? u"The question follows."_s
                                         : u"The contexts, numbered, follow, and then the question."_s;
        for (qsizetype i = 0; i < item.contexts.size(); ++i)
            guarded.append({u"[%1] %2"_s.arg(i + 1).arg(item.contexts[i]), {u"grounding_source"_s}});
        guarded.append({item.question, {u"query"_s, u"guard_content"_s}});
    } else {
        if (!item.contexts.isEmpty()) {
            prompt += u"Contexts:\n"_s;
            for (qsizetype i = 0; i < item.contexts.size(); ++i)
                prompt += u"[%1] %2\n\n"_s.arg(i + 1).arg(item.contexts[i]);
        }
        prompt += u"Question: "_s + item.question;
    }
    ChatRequest request = ChatRequest::fromPrompt(prompt, system);
    request.guarded = guarded;
    request.parameters.maxTokens = settings.maxTokens;
    request.parameters.temperature = settings.temperature;
    request.stream = false; // scored whole, so streamed deltas would only cost CPU
    return request;
}

QList<GuardrailCheck> ItemRequests::guardrailChecks(const EvalItem &item, const QString &response,
                                                    const QStringList &stages)
{
    QList<GuardrailCheck> checks;
    if (stages.contains("input"_L1))
        checks.append({GuardrailCheck::Source::Input, {{item.question, {}}}, false});
    if (stages.contains("output"_L1)) {
        GuardrailCheck output{GuardrailCheck::Source::Output, {}, false};
        for (const QString &context : item.contexts)
            output.content.append({context, {u"grounding_source"_s}});
        output.content.append({item.question, {u"query"_s}});
        output.content.append({response, {u"guard_content"_s}});
        checks << output;
    }
    return checks;
}
