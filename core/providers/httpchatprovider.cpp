#include "core/providers/httpchatprovider.h"

#include "core/common/secretredactor.h"
#include "core/guardrails/guardrailprotocol.h"
#include "core/knowledgebase/knowledgebaseprotocol.h"
#include "core/knowledgebase/knowledgebaseretrieval.h"
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
    if (m_config.kind == ProviderConfig::Kind::KnowledgeBase && m_config.knowledgeBase.retrieveOnly) {
        const QString query = request.messages.isEmpty() ? QString() : request.messages.last().text;
        return new KnowledgeBaseRetrieval(m_config, query, m_network, parent);
    }
    return new HttpChatCall(protocolFor(request), m_network, m_config, parent);
}

ChatCall *HttpChatProvider::applyGuardrail(const GuardrailCheck &check, QObject *parent)
{
    // ApplyGuardrail is Bedrock Runtime's. An evaluation run gives it a connection of its own, since
    // a Knowledge Base's endpoint override names the agent runtime instead.
    ProviderConfig config = m_config;
    config.kind = ProviderConfig::Kind::Bedrock;
    config.model = m_config.guardrail.label();
    return new HttpChatCall(std::make_unique<GuardrailProtocol>(config, check), m_network, config, parent);
}

std::unique_ptr<ChatProtocol> HttpChatProvider::protocolFor(const ChatRequest &request) const
{
    switch (m_config.kind) {
    case ProviderConfig::Kind::OpenAi:
        return std::make_unique<OpenAiProtocol>(m_config, request);
    case ProviderConfig::Kind::Bedrock:
        return std::make_unique<BedrockProtocol>(m_config, request);
    case ProviderConfig::Kind::KnowledgeBase:
        return std::make_unique<KnowledgeBaseProtocol>(m_config, request);
    }
    Q_UNREACHABLE();
    return nullptr;
}
