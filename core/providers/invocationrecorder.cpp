#include "core/providers/invocationrecorder.h"

#include "core/common/logcategories.h"

#include <QDateTime>

std::optional<double> InvocationRecorder::record(Workspace &workspace, const QString &source,
                                                 const ProviderConfig &config, const QString &prompt,
                                                 const Result<ChatResult> &outcome)
{
    std::optional<ModelPrice> price;
    std::optional<ModelPrice> guardrailPrice;
    if (outcome) {
        const PriceTable prices(workspace);
        if (auto matched = prices.match(config.model))
            price = matched.value();
        if (outcome.value().guardrail)
            if (auto matched = prices.match(PriceTable::guardrailPattern()))
                guardrailPrice = matched.value();
    }
    const Invocation entry = invocation(source, config, price, prompt, outcome, guardrailPrice);
    const Status recorded = InvocationLog(workspace).record(entry);
    if (!recorded)
        qCWarning(lcProviders) << "could not log the invocation:" << recorded.error().describe();
    return entry.costUsd;
}

Invocation InvocationRecorder::invocation(const QString &source, const ProviderConfig &config,
                                          const std::optional<ModelPrice> &price, const QString &prompt,
                                          const Result<ChatResult> &outcome,
                                          const std::optional<ModelPrice> &guardrailPrice)
{
    Invocation invocation;
    invocation.startedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    invocation.source = source;
    invocation.provider = config.providerName();
    invocation.model = config.model;
    invocation.prompt = prompt;
    if (outcome) {
        const ChatResult &result = outcome.value();
        invocation.inputTokens = result.inputTokens;
        invocation.outputTokens = result.outputTokens;
        invocation.ttftMs = result.ttftMs;
        invocation.latencyMs = result.latencyMs;
        invocation.status = QStringLiteral("ok");
        if (price)
            invocation.costUsd = PriceTable::cost(*price, result.inputTokens, result.outputTokens);
        if (result.guardrail && guardrailPrice && result.guardrail->units > 0)
            invocation.costUsd
                = invocation.costUsd.value_or(0.0) + PriceTable::unitsCost(*guardrailPrice, result.guardrail->units);
    } else {
        invocation.status = errorKindName(outcome.error().kind);
        invocation.error = outcome.error().describe();
    }
    return invocation;
}
