#include "core/knowledgebase/retrievalprotocol.h"

#include "core/knowledgebase/knowledgebaseprotocol.h"
#include "core/providers/bedrockrequest.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

RetrievalProtocol::RetrievalProtocol(const ProviderConfig &config, const QString &query, const QString &pageToken,
                                     std::shared_ptr<QString> nextToken)
    : BedrockJsonProtocol(config), m_query(query), m_pageToken(pageToken), m_nextToken(std::move(nextToken))
{ }

QByteArray RetrievalProtocol::requestBody() const
{
    QJsonObject body{{"retrievalQuery"_L1, QJsonObject{{"text"_L1, m_query}}},
                     {"retrievalConfiguration"_L1, m_config.knowledgeBase.retrievalConfiguration()}};
    if (!m_pageToken.isEmpty())
        body.insert("nextToken"_L1, m_pageToken);
    // Retrieve's guardrail checks the query (the answer is the passages, which it leaves alone).
    if (m_config.guardrail.isSet())
        body.insert("guardrailConfiguration"_L1, m_config.guardrail.agentRuntimeJson());
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QUrl RetrievalProtocol::endpoint() const
{
    return BedrockRequest::url(m_config, u"bedrock-agent-runtime"_s,
                               "/knowledgebases/" + QUrl::toPercentEncoding(m_config.knowledgeBase.id) + "/retrieve");
}

Result<ChatProtocol::Outgoing> RetrievalProtocol::prepareAt(const QDateTime &utc) const
{
    if (m_config.knowledgeBase.id.isEmpty())
        return makeError(Error::Kind::Usage, tr("no Knowledge Base given (--knowledge-base ID)"));
    if (m_query.trimmed().isEmpty())
        return makeError(Error::Kind::Input, tr("the query is empty"));
    if (m_query.size() > KnowledgeBaseProtocol::maxInputCharacters)
        return makeError(Error::Kind::Input,
                         tr("the query has %1 characters; a Knowledge Base takes at most %2")
                             .arg(m_query.size())
                             .arg(KnowledgeBaseProtocol::maxInputCharacters));
    return signedRequest(utc);
}

Status RetrievalProtocol::takeAnswer(const QByteArray &body, ChatResult &result) const
{
    const Result<QJsonObject> parsed = BedrockRequest::jsonAnswer(body, u"Retrieve"_s);
    if (!parsed)
        return parsed.error();
    const QJsonValue results = parsed.value().value("retrievalResults"_L1);
    if (!results.isArray())
        return makeError(Error::Kind::Service,
                         tr("the Retrieve answer has no list of retrievalResults: \"%1\"").arg(excerpt(body)));
    for (const QJsonValue &value : results.toArray()) {
        if (!value.isObject())
            return makeError(Error::Kind::Service, tr("a Retrieve result is not an object"));
        result.passages << RetrievedPassage::fromWire(value.toObject());
    }
    if (m_nextToken)
        *m_nextToken = parsed.value().value("nextToken"_L1).toString();
    if (m_config.guardrail.isSet()) {
        GuardrailVerdict verdict;
        verdict.intervened = parsed.value().value("guardrailAction"_L1).toString() == "INTERVENED"_L1;
        result.guardrail = verdict;
    }
    result.stopReason = u"retrieved"_s;
    return Done{};
}
