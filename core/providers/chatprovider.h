#pragma once

#include "core/guardrails/guardrailcheck.h"
#include "core/providers/chatrequest.h"
#include "core/providers/providerconfig.h"

#include <memory>

class ChatCall;
class QNetworkAccessManager;

// One interface for a chat call, whatever serves the model. Calls run asynchronously on the thread
// of the network access manager; nothing here blocks.
class ChatProvider
{
public:
    virtual ~ChatProvider() = default;

    virtual const ProviderConfig &config() const = 0;
    // Starts a call; the returned object is owned by `parent` (or by the caller when null).
    virtual ChatCall *start(const ChatRequest &request, QObject *parent = nullptr) = 0;
    // Bedrock's ApplyGuardrail with config().guardrail on this provider's AWS connection: the
    // ChatResult carries the verdict. An OpenAI provider's fails: it has no AWS connection.
    virtual ChatCall *applyGuardrail(const GuardrailCheck &check, QObject *parent = nullptr) = 0;

    static std::unique_ptr<ChatProvider> create(const ProviderConfig &config, QNetworkAccessManager *network);
};
