#pragma once

#include "core/providers/chatprotocol.h"
#include "core/providers/providerconfig.h"

#include <QDateTime>
#include <QUrl>

// A Bedrock operation answered by one JSON object (ApplyGuardrail, RetrieveAndGenerate, Retrieve):
// the bytes are gathered and read whole once the answer has ended; a subclass builds the request
// and reads the answer. Errors read as every Bedrock error does (BedrockRequest).
class BedrockJsonProtocol : public ChatProtocol
{
    Q_DECLARE_TR_FUNCTIONS(BedrockJsonProtocol)

public:
    explicit BedrockJsonProtocol(const ProviderConfig &config) : m_config(config) { }

    bool isStreaming() const override { return false; }
    Result<Outgoing> prepare() override { return prepareAt(QDateTime::currentDateTimeUtc()); }
    void reset() override { m_body.clear(); }
    Status feed(QByteArrayView bytes, ChatResult &result) override;
    Status finish(bool connectionBroke, ChatResult &result) override;
    Error errorFromAnswer(int status, const QNetworkReply &reply, const QByteArray &body) const override;

    virtual QByteArray requestBody() const = 0;
    virtual QUrl endpoint() const = 0;
    // Signed with the given time; prepare() uses the current one.
    virtual Result<Outgoing> prepareAt(const QDateTime &utc) const = 0;
    // A whole answer read into `result`: apart from finish() so that fuzz targets can call it.
    virtual Status takeAnswer(const QByteArray &body, ChatResult &result) const = 0;

protected:
    // The request signed and addressed: what prepareAt() returns once its own checks pass.
    Result<Outgoing> signedRequest(const QDateTime &utc) const;

    ProviderConfig m_config;

private:
    QByteArray m_body;
};
