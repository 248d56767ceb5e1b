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
    QString prompt;
    if (!item.contexts.isEmpty()) {
        prompt += u"Contexts:\n"_s;
        for (qsizetype i = 0; i < item.contexts.size(); ++i)
            prompt += u"[%1] %2\n\n"_s.arg(i + 1).arg(item.contexts[i]);
    }
    prompt += u"Question: "_s + item.question;
    const QString system = settings.generationSystemPrompt.trimmed().isEmpty()
        ? u"Answer the question using only the contexts given. If they do not contain the answer, say so."_s
        : settings.generationSystemPrompt;
    ChatRequest request = ChatRequest::fromPrompt(prompt, system);
    request.parameters.maxTokens = settings.maxTokens;
    request.parameters.temperature = settings.temperature;
    request.stream = false; // scored whole, so streamed deltas would only cost CPU
    if (settings.guardsThroughGenerator()) {
        for (const QString &context : item.contexts)
            request.guarded.append({context, {u"grounding_source"_s}});
        QStringList questionQualifiers{u"query"_s};
        if (settings.guardStages.contains("input"_L1))
            questionQualifiers << u"guard_content"_s;
        request.guarded.append({item.question, questionQualifiers});
    }
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
