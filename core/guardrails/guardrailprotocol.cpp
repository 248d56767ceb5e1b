#include "core/guardrails/guardrailprotocol.h"

#include "core/providers/bedrockrequest.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

GuardrailProtocol::GuardrailProtocol(const ProviderConfig &config, const GuardrailCheck &check)
    : BedrockJsonProtocol(config), m_check(check)
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

Result<ChatProtocol::Outgoing> GuardrailProtocol::prepareAt(const QDateTime &utc) const
{
    if (!m_config.guardrail.isSet())
        return makeError(Error::Kind::Usage, tr("no guardrail given (--guardrail ID:VERSION)"));
    if (m_check.content.isEmpty())
        return makeError(Error::Kind::Usage, tr("no text to check"));
    return signedRequest(utc);
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
