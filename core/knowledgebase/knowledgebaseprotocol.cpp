#include "core/knowledgebase/knowledgebaseprotocol.h"

#include "core/providers/bedrockrequest.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

KnowledgeBaseProtocol::KnowledgeBaseProtocol(const ProviderConfig &config, const ChatRequest &request)
    : BedrockJsonProtocol(config), m_request(request)
{ }

QString KnowledgeBaseProtocol::input() const
{
    for (qsizetype i = m_request.messages.size() - 1; i >= 0; --i)
        if (m_request.messages[i].role == "user"_L1)
            return m_request.messages[i].text;
    return {};
}

QByteArray KnowledgeBaseProtocol::requestBody() const
{
    QJsonObject generation{
        {"inferenceConfig"_L1,
         QJsonObject{{"textInferenceConfig"_L1, BedrockRequest::inferenceConfig(m_request.parameters)}}}};
    if (m_config.guardrail.isSet())
        generation.insert("guardrailConfiguration"_L1, m_config.guardrail.agentRuntimeJson());
    const KnowledgeBaseSetting &knowledgeBase = m_config.knowledgeBase;
    const QJsonObject configuration{{"type"_L1, u"KNOWLEDGE_BASE"_s},
                                    {"knowledgeBaseConfiguration"_L1,
                                     QJsonObject{{"knowledgeBaseId"_L1, knowledgeBase.id},
                                                 {"modelArn"_L1, knowledgeBase.modelArn},
                                                 {"retrievalConfiguration"_L1, knowledgeBase.retrievalConfiguration()},
                                                 {"generationConfiguration"_L1, generation}}}};
    QJsonObject body{{"input"_L1, QJsonObject{{"text"_L1, input()}}},
                     {"retrieveAndGenerateConfiguration"_L1, configuration}};
    if (!m_request.sessionId.isEmpty())
        body.insert("sessionId"_L1, m_request.sessionId);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QUrl KnowledgeBaseProtocol::endpoint() const
{
    return BedrockRequest::url(m_config, u"bedrock-agent-runtime"_s, "/retrieveAndGenerate");
}

Result<ChatProtocol::Outgoing> KnowledgeBaseProtocol::prepareAt(const QDateTime &utc) const
{
    if (m_config.knowledgeBase.id.isEmpty())
        return makeError(Error::Kind::Usage, tr("no Knowledge Base given (--knowledge-base ID)"));
    if (m_config.knowledgeBase.modelArn.isEmpty())
        return makeError(Error::Kind::Usage, tr("no model ARN for the Knowledge Base's answers (--model-arn ARN)"));
    const QString text = input();
    if (text.trimmed().isEmpty())
        return makeError(Error::Kind::Input, tr("the question is empty"));
    if (text.size() > maxInputCharacters)
        return makeError(Error::Kind::Input,
                         tr("the question has %1 characters; a Knowledge Base takes at most %2")
                             .arg(text.size())
                             .arg(maxInputCharacters));
    return signedRequest(utc);
}

Status KnowledgeBaseProtocol::takeAnswer(const QByteArray &body, ChatResult &result) const
{
    const Result<QJsonObject> parsed = BedrockRequest::jsonAnswer(body, u"RetrieveAndGenerate"_s);
    if (!parsed)
        return parsed.error();
    const QJsonObject &answer = parsed.value();
    const QJsonValue output = answer.value("output"_L1).toObject().value("text"_L1);
    if (!output.isString())
        return makeError(Error::Kind::Service,
                         tr("the RetrieveAndGenerate answer has no output text: \"%1\"").arg(excerpt(body)));
    result.text = output.toString();
    result.sessionId = answer.value("sessionId"_L1).toString();
    result.passages.clear();
    result.citations.clear();
    const QJsonValue citations = answer.value("citations"_L1);
    if (!citations.isUndefined() && !citations.isArray())
        return makeError(Error::Kind::Service, tr("the RetrieveAndGenerate answer's citations are not a list"));
    for (const QJsonValue &value : citations.toArray()) {
        const QJsonObject entry = value.toObject();
        const QJsonObject part
            = entry.value("generatedResponsePart"_L1).toObject().value("textResponsePart"_L1).toObject();
        Citation citation;
        citation.text = part.value("text"_L1).toString();
        // The service's span ends on the cited text's last character; kept here as an exclusive end,
        // clamped to the answer so a span past its end cannot point outside it.
        const QJsonObject span = part.value("span"_L1).toObject();
        const qsizetype length = result.text.size();
        citation.start = std::clamp<qsizetype>(span.value("start"_L1).toInteger(), 0, length);
        // Clamped before the one is added, so that no end a service sends can overflow.
        const qint64 last = std::clamp<qint64>(span.value("end"_L1).toInteger(-1), -1, length);
        citation.end = std::clamp<qsizetype>(last + 1, citation.start, length);
        for (const QJsonValue &reference : entry.value("retrievedReferences"_L1).toArray()) {
            const RetrievedPassage passage = RetrievedPassage::fromWire(reference.toObject());
            qsizetype index = -1;
            for (qsizetype i = 0; i < result.passages.size() && index < 0; ++i)
                if (result.passages[i].uri == passage.uri && result.passages[i].text == passage.text)
                    index = i;
            if (index < 0) {
                index = result.passages.size();
                result.passages << passage;
            }
            citation.passages << int(index);
        }
        result.citations << citation;
    }
    if (m_config.guardrail.isSet()) {
        GuardrailVerdict verdict;
        verdict.intervened = answer.value("guardrailAction"_L1).toString() == "INTERVENED"_L1;
        result.guardrail = verdict;
        if (verdict.intervened)
            result.stopReason = u"guardrail_intervened"_s;
    }
    if (result.stopReason.isEmpty())
        result.stopReason = u"end_turn"_s;
    return Done{};
}
