#pragma once

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

    static std::unique_ptr<ChatProvider> create(const ProviderConfig &config, QNetworkAccessManager *network);
};
