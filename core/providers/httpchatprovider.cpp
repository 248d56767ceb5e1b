#include "core/providers/httpchatprovider.h"

#include "core/common/secretredactor.h"
#include "core/providers/bedrockprotocol.h"
#include "core/providers/httpchatcall.h"
#include "core/providers/openaiprotocol.h"

#include <QNetworkAccessManager>

HttpChatProvider::HttpChatProvider(const ProviderConfig &config, QNetworkAccessManager *network)
    : m_config(config), m_network(network)
{
    SecretRedactor &redactor = SecretRedactor::instance();
    redactor.registerSecret(m_config.apiKey);
    redactor.registerSecret(m_config.aws.secretAccessKey);
    redactor.registerSecret(m_config.aws.sessionToken);
}

ChatCall *HttpChatProvider::start(const ChatRequest &request, QObject *parent)
{
    return new HttpChatCall(protocolFor(request), m_network, m_config, parent);
}

std::unique_ptr<ChatProtocol> HttpChatProvider::protocolFor(const ChatRequest &request) const
{
    switch (m_config.kind) {
    case ProviderConfig::Kind::OpenAi:
        return std::make_unique<OpenAiProtocol>(m_config, request);
    case ProviderConfig::Kind::Bedrock:
        return std::make_unique<BedrockProtocol>(m_config, request);
    }
    Q_UNREACHABLE();
    return nullptr;
}
