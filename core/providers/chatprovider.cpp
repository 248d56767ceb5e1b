#include "providers/chatprovider.h"

#include "providers/httpchatprovider.h"

std::unique_ptr<ChatProvider> ChatProvider::create(const ProviderConfig &config, QNetworkAccessManager *network)
{
    return std::make_unique<HttpChatProvider>(config, network);
}
