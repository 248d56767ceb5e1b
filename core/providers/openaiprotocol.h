#pragma once

#include "core/providers/chatprotocol.h"
#include "core/providers/chatrequest.h"
#include "core/providers/providerconfig.h"
#include "core/providers/sseparser.h"

#include <QJsonObject>

// OpenAI-compatible chat completions (OpenAI, Ollama, vLLM, llama.cpp server, LiteLLM): POST
// {baseUrl}/chat/completions, answered with one JSON object or, when streaming, server-sent events
// ending in "data: [DONE]".
class OpenAiProtocol : public ChatProtocol
{
    Q_DECLARE_TR_FUNCTIONS(OpenAiProtocol)

public:
    OpenAiProtocol(const ProviderConfig &config, const ChatRequest &request);

    bool isStreaming() const override { return m_request.stream; }
    Result<Outgoing> prepare() override;
    void reset() override;
    Status feed(QByteArrayView bytes, ChatResult &result) override;
    Status finish(bool connectionBroke, ChatResult &result) override;
    Error errorFromAnswer(int status, const QNetworkReply &reply, const QByteArray &body) const override;

    QByteArray requestBody() const;
    static QUrl endpoint(const QUrl &baseUrl);
    static QString normalizedStopReason(const QString &finishReason);

private:
    Status takeEvent(const QByteArray &data, ChatResult &result);
    Status takeAnswer(ChatResult &result) const;
    static Error errorFromObject(const QJsonObject &object, const QString &context);

    ProviderConfig m_config;
    ChatRequest m_request;
    SseParser m_events;
    QByteArray m_body; // the whole answer, when not streaming
    int m_chunks = 0;
    bool m_done = false;
};
