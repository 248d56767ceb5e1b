#include "core/guardrails/guardrailprotocol.h"

#include "core/providers/bedrockrequest.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

GuardrailProtocol::GuardrailProtocol(const ProviderConfig &config, const GuardrailCheck &check)
    : m_config(config), m_check(check)
{ }

QByteArray GuardrailProtocol::requestBody() const
{
    QJsonArray content;
    for (const GuardedText &block : m_check.content) {
        QJsonObject text{{"text"_L1, block.text}};
        if (!block.qualifiers.isEmpty())
            text.insert("qualifiers"_L1, QJsonArray::fromStringList(block.qualifiers));
        content.append(QJsonObject{{"text"_L1, text}});
    }
    const QJsonObject body{{"source"_L1, m_check.sourceName()},
                           {"content"_L1, content},
                           {"outputScope"_L1, m_check.fullOutput ? u"FULL"_s : u"INTERVENTIONS"_s}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QUrl GuardrailProtocol::endpoint() const
{
    return BedrockRequest::url(m_config, u"bedrock-runtime"_s,
                               "/guardrail/" + QUrl::toPercentEncoding(m_config.guardrail.identifier) + "/version/"
                                   + QUrl::toPercentEncoding(m_config.guardrail.version) + "/apply");
}

Result<ChatProtocol::Outgoing> GuardrailProtocol::prepare()
{
    return prepareAt(QDateTime::currentDateTimeUtc());
}

Result<ChatProtocol::Outgoing> GuardrailProtocol::prepareAt(const QDateTime &utc) const
{
    if (!m_config.guardrail.isSet())
        return makeError(Error::Kind::Usage, tr("no guardrail given (--guardrail ID:VERSION)"));
    if (m_check.content.isEmpty())
        return makeError(Error::Kind::Usage, tr("no text to check"));
    return BedrockRequest::signedPost(m_config, endpoint(), requestBody(), utc);
}

Status GuardrailProtocol::feed(QByteArrayView bytes, ChatResult &)
{
    m_body.append(bytes);
    return Done{};
}

Status GuardrailProtocol::finish(bool connectionBroke, ChatResult &result)
{
    if (connectionBroke)
        return makeError(Error::Kind::Network, tr("the answer was cut off after %1 bytes").arg(m_body.size()));
    return takeAnswer(m_body, result);
}

Status GuardrailProtocol::takeAnswer(const QByteArray &body, ChatResult &result) const
{
    const Result<QJsonObject> answer = BedrockRequest::jsonAnswer(body, u"ApplyGuardrail"_s);
    if (!answer)
        return answer.error();
    Result<GuardrailVerdict> verdict = GuardrailVerdict::fromApplyAnswer(answer.value(), m_check.stage());
    if (!verdict)
        return verdict.error();
    result.provider = u"bedrock"_s;
    result.model = m_config.guardrail.label();
    result.guardrail = verdict.value();
    if (verdict.value().intervened) {
        result.text = verdict.value().outputs.join(u'\n');
        result.stopReason = u"guardrail_intervened"_s;
    } else {
        QStringList checked;
        for (const GuardedText &block : m_check.content)
            if (block.qualifiers.isEmpty() || block.qualifiers.contains("guard_content"_L1))
                checked << block.text;
        result.text = checked.join(u'\n');
        result.stopReason = u"none"_s;
    }
    result.inputTokens = result.outputTokens = 0;
    return Done{};
}

Error GuardrailProtocol::errorFromAnswer(int status, const QNetworkReply &reply, const QByteArray &body) const
{
    return BedrockRequest::errorFromAnswer(status, reply, body);
}
