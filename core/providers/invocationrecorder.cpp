#include "providers/invocationrecorder.h"

#include "common/logcategories.h"
#include "providers/invocationlog.h"
#include "providers/pricetable.h"

#include <QDateTime>

std::optional<double> InvocationRecorder::record(Workspace &workspace, const QString &source,
                                                 const ProviderConfig &config, const QString &prompt,
                                                 const Result<ChatResult> &outcome)
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
        auto price = PriceTable(workspace).match(config.model);
        if (price && price.value())
            invocation.costUsd = PriceTable::cost(*price.value(), result.inputTokens, result.outputTokens);
    } else {
        invocation.status = errorKindName(outcome.error().kind);
        invocation.error = outcome.error().describe();
    }
    const Status recorded = InvocationLog(workspace).record(invocation);
    if (!recorded)
        qCWarning(lcProviders) << "could not log the invocation:" << recorded.error().describe();
    return invocation.costUsd;
}
