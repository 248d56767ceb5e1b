#include "core/providers/chatprovider.h"

#include "core/providers/httpchatprovider.h"

std::unique_ptr<ChatProvider> ChatProvider::create(const ProviderConfig &config, QNetworkAccessManager *network)
{
    return std::make_unique<HttpChatProvider>(config, network);
}
