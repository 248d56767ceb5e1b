#pragma once

#include "core/providers/bedrockjsonprotocol.h"
#include "core/providers/chatrequest.h"
#include "core/providers/providerconfig.h"

#include <QDateTime>

// Bedrock Agent Runtime's RetrieveAndGenerate: POST /retrieveAndGenerate on
// bedrock-agent-runtime.{region}.amazonaws.com. The request's last user message is the input (at
// most 1000 characters, the service's limit); the answer's text, the passages it retrieved and its
// citations (spans turned into offsets with an exclusive end) go into the ChatResult.
class KnowledgeBaseProtocol : public BedrockJsonProtocol
{
    Q_DECLARE_TR_FUNCTIONS(KnowledgeBaseProtocol)

public:
    static constexpr int maxInputCharacters = 1000;

    KnowledgeBaseProtocol(const ProviderConfig &config, const ChatRequest &request);

    QByteArray requestBody() const override;
    QUrl endpoint() const override;
    Result<Outgoing> prepareAt(const QDateTime &utc) const override;
    // A whole answer read into `result`; a fuzz target calls it directly.
    Status takeAnswer(const QByteArray &body, ChatResult &result) const override;

private:
    QString input() const;

    ChatRequest m_request;
};
