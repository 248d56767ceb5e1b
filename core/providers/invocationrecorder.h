#pragma once

#include "core/common/result.h"
#include "core/providers/chatresult.h"
#include "core/providers/invocationlog.h"
#include "core/providers/pricetable.h"
#include "core/providers/providerconfig.h"

#include <optional>

class Workspace;

// Turns one finished call into an invocation-log entry with its cost from the price table. Shared by
// the CLI, the Playground and evaluations so every call is logged the same way. A failure to log is
// reported in the log but never fails the call itself.
class InvocationRecorder
{
public:
    // Returns the call's cost in USD when the model has a price and the service reported tokens.
    static std::optional<double> record(Workspace &workspace, const QString &source, const ProviderConfig &config,
                                        const QString &prompt, const Result<ChatResult> &outcome);
    // The entry record() writes, for a caller that writes its entries later and in batches (an
    // evaluation run), with the model's price already looked up (PriceTable::match). A call that
    // went through a guardrail adds its policy units at `guardrailPrice`.
    static Invocation invocation(const QString &source, const ProviderConfig &config,
                                 const std::optional<ModelPrice> &price, const QString &prompt,
                                 const Result<ChatResult> &outcome,
                                 const std::optional<ModelPrice> &guardrailPrice = std::nullopt);
};
