#pragma once

#include "core/providers/chatprotocol.h"
#include "core/providers/chatrequest.h"
#include "core/providers/providerconfig.h"

#include <QDateTime>

// Bedrock Agent Runtime's RetrieveAndGenerate: POST /retrieveAndGenerate on
// bedrock-agent-runtime.{region}.amazonaws.com. The request's last user message is the input (at
// most 1000 characters, the service's limit); the answer's text, the passages it retrieved and its
// citations (spans turned into offsets with an exclusive end) go into the ChatResult.
class KnowledgeBaseProtocol : public ChatProtocol
{
    Q_DECLARE_TR_FUNCTIONS(KnowledgeBaseProtocol)

public:
    static constexpr int maxInputCharacters = 1000;

    KnowledgeBaseProtocol(const ProviderConfig &config, const ChatRequest &request);

    bool isStreaming() const override { return false; }
    Result<Outgoing> prepare() override;
    void reset() override { m_body.clear(); }
    Status feed(QByteArrayView bytes, ChatResult &result) override;
    Status finish(bool connectionBroke, ChatResult &result) override;
    Error errorFromAnswer(int status, const QNetworkReply &reply, const QByteArray &body) const override;

    QByteArray requestBody() const;
    QUrl endpoint() const;
    Result<Outgoing> prepareAt(const QDateTime &utc) const;
    // A whole answer read into `result`; a fuzz target calls it directly.
    Status takeAnswer(const QByteArray &body, ChatResult &result) const;

private:
    QString input() const;

    ProviderConfig m_config;
    ChatRequest m_request;
    QByteArray m_body;
};
