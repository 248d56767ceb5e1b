#include "core/providers/bedrockprotocol.h"

#include "core/providers/bedrockrequest.h"
#include "core/providers/conversestreamevent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

QJsonArray textBlocks(const QString &text)
{
    return QJsonArray{QJsonObject{{"text"_L1, text}}};
}

} // namespace

BedrockProtocol::BedrockProtocol(const ProviderConfig &config, const ChatRequest &request)
    : m_config(config), m_request(request)
{ }

QByteArray BedrockProtocol::requestBody() const
{
    QJsonArray messages;
    const GuardrailSetting &guardrail = m_config.guardrail;
    qsizetype lastUser = -1;
    for (qsizetype i = 0; i < m_request.messages.size(); ++i)
        if (m_request.messages[i].role == "user"_L1)
            lastUser = i;
    for (qsizetype i = 0; i < m_request.messages.size(); ++i) {
        const ChatMessage &message = m_request.messages[i];
        QJsonArray content = textBlocks(message.text);
        // Guarded blocks only mean something to a guardrail; without one they would only repeat text.
        if (i == lastUser && guardrail.isSet())
            for (const GuardedText &guarded : m_request.guarded)
                content.append(QJsonObject{
                    {"guardContent"_L1,
                     QJsonObject{{"text"_L1,
                                  QJsonObject{{"text"_L1, guarded.text},
                                              {"qualifiers"_L1, QJsonArray::fromStringList(guarded.qualifiers)}}}}}});
        messages.append(QJsonObject{{"role"_L1, message.role}, {"content"_L1, content}});
    }

    const QJsonObject inference = BedrockRequest::inferenceConfig(m_request.parameters);

    QJsonObject body{{"messages"_L1, messages}};
    if (!m_request.system.isEmpty())
        body.insert("system"_L1, textBlocks(m_request.system));
    if (!inference.isEmpty())
        body.insert("inferenceConfig"_L1, inference);
    if (guardrail.isSet()) {
        QJsonObject config{{"guardrailIdentifier"_L1, guardrail.identifier},
                           {"guardrailVersion"_L1, guardrail.version},
                           {"trace"_L1, guardrail.trace}};
        // Sync: the guardrail checks each chunk before it is sent, so a blocked answer never shows.
        if (m_request.stream)
            config.insert("streamProcessingMode"_L1, u"sync"_s);
        body.insert("guardrailConfig"_L1, config);
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QUrl BedrockProtocol::endpoint() const
{
    return BedrockRequest::url(m_config, u"bedrock-runtime"_s,
                               "/model/" + QUrl::toPercentEncoding(m_config.model)
                                   + (m_request.stream ? "/converse-stream" : "/converse"));
}

Result<ChatProtocol::Outgoing> BedrockProtocol::prepare()
{
    return prepareAt(QDateTime::currentDateTimeUtc());
}

Result<ChatProtocol::Outgoing> BedrockProtocol::prepareAt(const QDateTime &utc) const
{
    if (m_config.model.isEmpty())
        return makeError(Error::Kind::Usage, tr("no model given"));
    return BedrockRequest::signedPost(m_config, endpoint(), requestBody(), utc,
                                      m_request.stream ? "application/vnd.amazon.eventstream" : QByteArray());
}

void BedrockProtocol::reset()
{
    m_decoder = EventStreamDecoder();
    m_body.clear();
    m_sawMessageStop = false;
    m_sawMetadata = false;
}

Status BedrockProtocol::feed(QByteArrayView bytes, ChatResult &result)
{
    if (!m_request.stream) {
        m_body.append(bytes);
        return Done{};
    }
    const Result<QList<EventStreamMessage>> messages = m_decoder.feed(bytes);
    if (!messages) {
        const Error &error = messages.error();
        return makeError(
            error.kind,
            tr("the event stream broke after %1 characters: %2").arg(result.text.size()).arg(error.message));
    }
    for (const EventStreamMessage &message : messages.value()) {
        const Result<ConverseStreamEvent> event = ConverseStreamEvent::fromMessage(message);
        if (!event)
            return makeError(
                event.error().kind,
                tr("malformed event after %1 characters: %2").arg(result.text.size()).arg(event.error().message));
        if (const Status taken = takeEvent(event.value(), result); !taken)
            return taken;
    }
    return Done{};
}

Status BedrockProtocol::takeEvent(const ConverseStreamEvent &event, ChatResult &result)
{
    using Type = ConverseStreamEvent::Type;
    switch (event.type) {
    case Type::ContentBlockDelta:
        result.text += event.text;
        break;
    case Type::MessageStop:
        m_sawMessageStop = true;
        result.stopReason = event.stopReason;
        break;
    case Type::Metadata:
        m_sawMetadata = true;
        result.inputTokens = event.inputTokens;
        result.outputTokens = event.outputTokens;
        result.serviceLatencyMs = event.latencyMs;
        return takeGuardrail(event.guardrailTrace, result);
    case Type::Exception: {
        Error error = event.toError();
        error.message = tr("%1 (after %2 characters)").arg(error.message).arg(result.text.size());
        return error;
    }
    case Type::MessageStart:
    case Type::ContentBlockStop:
    case Type::Other:
        break;
    }
    return Done{};
}

Status BedrockProtocol::finish(bool connectionBroke, ChatResult &result)
{
    if (!m_request.stream) {
        if (connectionBroke)
            return makeError(Error::Kind::Network, tr("the answer was cut off after %1 bytes").arg(m_body.size()));
        return takeAnswer(result);
    }
    if (const Status framing = m_decoder.finish(); !framing)
        return cutOff(result.text.size(), framing.error().message);
    if (!m_sawMessageStop)
        return cutOff(result.text.size(), tr("no messageStop event"));
    if (!m_sawMetadata)
        return cutOff(result.text.size(), tr("no metadata event"));
    return Done{};
}

Status BedrockProtocol::takeAnswer(ChatResult &result) const
{
    const Result<QJsonObject> parsed = BedrockRequest::jsonAnswer(m_body, u"Converse"_s);
    if (!parsed)
        return parsed.error();
    const QJsonObject &answer = parsed.value();
    const QJsonObject message = answer.value("output"_L1).toObject().value("message"_L1).toObject();
    if (message.isEmpty())
        return makeError(Error::Kind::Service,
                         tr("the Converse answer has no output message: \"%1\"").arg(excerpt(m_body)));
    QStringList texts;
    const QJsonArray blocks = message.value("content"_L1).toArray();
    for (const QJsonValue &block : blocks) {
        if (block.toObject().contains("text"_L1))
            texts.append(block.toObject().value("text"_L1).toString());
    }
    result.text = texts.join(u'\n');
    result.stopReason = answer.value("stopReason"_L1).toString();
    const QJsonObject usage = answer.value("usage"_L1).toObject();
    result.inputTokens = usage.value("inputTokens"_L1).toInteger(-1);
    result.outputTokens = usage.value("outputTokens"_L1).toInteger(-1);
    result.serviceLatencyMs = answer.value("metrics"_L1).toObject().value("latencyMs"_L1).toInteger(-1);
    return takeGuardrail(answer.value("trace"_L1).toObject().value("guardrail"_L1), result);
}

Status BedrockProtocol::takeGuardrail(const QJsonValue &trace, ChatResult &result) const
{
    if (!m_config.guardrail.isSet())
        return Done{};
    Result<GuardrailVerdict> verdict
        = GuardrailVerdict::fromConverseTrace(trace, result.stopReason == "guardrail_intervened"_L1);
    if (!verdict)
        return verdict.error();
    result.guardrail = verdict.value();
    return Done{};
}

Error BedrockProtocol::errorFromAnswer(int status, const QNetworkReply &reply, const QByteArray &body) const
{
    return BedrockRequest::errorFromAnswer(status, reply, body);
}
