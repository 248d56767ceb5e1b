#pragma once

#include "core/providers/chatprovider.h"

#include <QPointer>

class ChatProtocol;

// Every service the workbench calls speaks HTTP, so one provider serves them: it picks the
// protocol for the configured kind and hands each call to an HttpChatCall.
class HttpChatProvider : public ChatProvider
{
public:
    // Registers the config's secrets with the SecretRedactor, so no log or error can show them.
    HttpChatProvider(const ProviderConfig &config, QNetworkAccessManager *network);

    const ProviderConfig &config() const override { return m_config; }
    ChatCall *start(const ChatRequest &request, QObject *parent = nullptr) override;
    ChatCall *applyGuardrail(const GuardrailCheck &check, QObject *parent = nullptr) override;

private:
    std::unique_ptr<ChatProtocol> protocolFor(const ChatRequest &request) const;

    ProviderConfig m_config;
    QPointer<QNetworkAccessManager> m_network;
};
