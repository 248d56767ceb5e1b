#pragma once

#include "core/providers/chatprotocol.h"
#include "core/providers/chatrequest.h"
#include "core/providers/eventstreamdecoder.h"
#include "core/providers/providerconfig.h"

#include <QDateTime>
#include <QUrl>

struct ConverseStreamEvent;

// Amazon Bedrock Runtime Converse and ConverseStream: POST /model/{modelId}/converse[-stream],
// signed with SigV4 for the service "bedrock". The stream is application/vnd.amazon.eventstream
// and is complete only once messageStop and metadata have arrived.
class BedrockProtocol : public ChatProtocol
{
    Q_DECLARE_TR_FUNCTIONS(BedrockProtocol)

public:
    BedrockProtocol(const ProviderConfig &config, const ChatRequest &request);

    bool isStreaming() const override { return m_request.stream; }
    Result<Outgoing> prepare() override;
    void reset() override;
    Status feed(QByteArrayView bytes, ChatResult &result) override;
    Status finish(bool connectionBroke, ChatResult &result) override;
    Error errorFromAnswer(int status, const QNetworkReply &reply, const QByteArray &body) const override;

    QByteArray requestBody() const;
    // The model id goes into the path percent-encoded (':' as %3A), and the URL keeps it that way.
    QUrl endpoint() const;
    // Signed with the given time; prepare() uses the current one.
    Result<Outgoing> prepareAt(const QDateTime &utc) const;

private:
    Status takeEvent(const ConverseStreamEvent &event, ChatResult &result);
    Status takeAnswer(ChatResult &result) const;
    // With a guardrail set: its verdict from the trace (an absent trace still says whether it intervened).
    Status takeGuardrail(const QJsonValue &trace, ChatResult &result) const;

    ProviderConfig m_config;
    ChatRequest m_request;
    EventStreamDecoder m_decoder;
    QByteArray m_body; // the whole answer, when not streaming
    bool m_sawMessageStop = false;
    bool m_sawMetadata = false;
};
