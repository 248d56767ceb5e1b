#include "core/providers/bedrockjsonprotocol.h"

#include "core/providers/bedrockrequest.h"

Status BedrockJsonProtocol::feed(QByteArrayView bytes, ChatResult &)
{
    m_body.append(bytes);
    return Done{};
}

Status BedrockJsonProtocol::finish(bool connectionBroke, ChatResult &result)
{
    if (connectionBroke)
        return makeError(Error::Kind::Network, tr("the answer was cut off after %1 bytes").arg(m_body.size()));
    return takeAnswer(m_body, result);
}

Error BedrockJsonProtocol::errorFromAnswer(int status, const QNetworkReply &reply, const QByteArray &body) const
{
    return BedrockRequest::errorFromAnswer(status, reply, body);
}

Result<ChatProtocol::Outgoing> BedrockJsonProtocol::signedRequest(const QDateTime &utc) const
{
    return BedrockRequest::signedPost(m_config, endpoint(), requestBody(), utc);
}
