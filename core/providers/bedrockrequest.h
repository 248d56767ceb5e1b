#pragma once

#include "core/common/result.h"
#include "core/providers/chatprotocol.h"
#include "core/providers/chatrequest.h"
#include "core/providers/providerconfig.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QUrl>

class QNetworkReply;

// What every Bedrock operation shares, on either runtime (bedrock-runtime, bedrock-agent-runtime):
// the endpoint, a JSON POST signed with SigV4 for the service "bedrock", and how a JSON answer and
// an error answer read.
class BedrockRequest
{
    Q_DECLARE_TR_FUNCTIONS(BedrockRequest)

public:
    // The config's endpoint override, or https://{host}.{region}.amazonaws.com, with `encodedPath`
    // (already percent-encoded, kept as it is) after the override's own path.
    static QUrl url(const ProviderConfig &config, const QString &host, const QByteArray &encodedPath);
    // Fails, saying what is missing, without a region or credentials or with an unusable URL.
    static Result<ChatProtocol::Outgoing> signedPost(const ProviderConfig &config, const QUrl &url,
                                                     const QByteArray &body, const QDateTime &utc,
                                                     const QByteArray &accept = {});
    // The generation parameters as Converse's inferenceConfig and a Knowledge Base's
    // textInferenceConfig both spell them; unset ones are left out.
    static QJsonObject inferenceConfig(const ChatParameters &parameters);
    // A whole 2xx answer that must be a JSON object; `operation` names it in the error.
    static Result<QJsonObject> jsonAnswer(const QByteArray &body, const QString &operation);
    // "Bedrock answered ThrottlingException (HTTP 429): …" with the kind the type implies.
    static Error errorFromAnswer(int status, const QNetworkReply &reply, const QByteArray &body);
};
