#include "core/providers/bedrockprotocol.h"

#include "core/aws/awsrequest.h"
#include "core/aws/sigv4signer.h"
#include "core/providers/conversestreamevent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QNetworkReply>

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
    for (const ChatMessage &message : m_request.messages)
        messages.append(QJsonObject{{"role"_L1, message.role}, {"content"_L1, textBlocks(message.text)}});

    const ChatParameters &parameters = m_request.parameters;
    QJsonObject inference;
    if (parameters.maxTokens > 0)
        inference.insert("maxTokens"_L1, parameters.maxTokens);
    if (parameters.temperature)
        inference.insert("temperature"_L1, *parameters.temperature);
    if (parameters.topP)
        inference.insert("topP"_L1, *parameters.topP);
    if (!parameters.stopSequences.isEmpty())
        inference.insert("stopSequences"_L1, QJsonArray::fromStringList(parameters.stopSequences));

    QJsonObject body{{"messages"_L1, messages}};
    if (!m_request.system.isEmpty())
        body.insert("system"_L1, textBlocks(m_request.system));
    if (!inference.isEmpty())
        body.insert("inferenceConfig"_L1, inference);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QUrl BedrockProtocol::endpoint() const
{
    QUrl base = m_config.endpointUrl;
    if (base.isEmpty())
        base = QUrl(u"https://bedrock-runtime.%1.amazonaws.com"_s.arg(m_config.region));
    QByteArray path = base.path(QUrl::FullyEncoded).toLatin1();
    while (path.endsWith('/'))
        path.chop(1);
    path += "/model/" + QUrl::toPercentEncoding(m_config.model) + (m_request.stream ? "/converse-stream" : "/converse");
    // Built from encoded bytes in strict mode, QUrl keeps %3A as it is; setPath() in decoded mode
    // would turn it back into ':' and the service would see (and sign) a different path.
    base.setQuery(QString());
    base.setFragment(QString());
    return QUrl::fromEncoded(base.toEncoded(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment) + path,
                             QUrl::StrictMode);
}

Result<ChatProtocol::Outgoing> BedrockProtocol::prepare()
{
    return prepareAt(QDateTime::currentDateTimeUtc());
}

Result<ChatProtocol::Outgoing> BedrockProtocol::prepareAt(const QDateTime &utc) const
{
    if (m_config.region.isEmpty())
        return makeError(Error::Kind::Usage, tr("no AWS region for Bedrock (set --region or AWS_REGION)"));
    if (m_config.model.isEmpty())
        return makeError(Error::Kind::Usage, tr("no model given"));
    if (!m_config.aws.isValid())
        return makeError(Error::Kind::Auth,
                         tr("no AWS credentials for Bedrock (an access key id and a secret access key are needed)"));

    const QUrl url = endpoint();
    if (!url.isValid() || url.host().isEmpty())
        return makeError(Error::Kind::Usage, tr("the Bedrock endpoint URL is not valid: %1").arg(url.errorString()));

    SigningRequest signing;
    signing.method = "POST";
    signing.path = url.path(QUrl::FullyEncoded).toLatin1();
    signing.headers = {{"Host", AwsRequest::hostHeader(url)}, {"Content-Type", "application/json"}};
    signing.headers.append(m_config.extraHeaders);
    signing.body = requestBody();

    const SigV4Signer signer(m_config.region, u"bedrock"_s);
    QNetworkRequest request(url);
    for (const auto &[name, value] : signing.headers)
        request.setRawHeader(name, value);
    for (const auto &[name, value] : signer.sign(signing, m_config.aws, utc))
        request.setRawHeader(name, value);
    if (m_request.stream)
        request.setRawHeader("Accept", "application/vnd.amazon.eventstream");
    return Outgoing{request, signing.body};
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
        break;
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
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(m_body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return makeError(Error::Kind::Service,
                         tr("malformed JSON in the Converse answer (%1 bytes): %2 at offset %3 in \"%4\"")
                             .arg(m_body.size())
                             .arg(document.isNull() ? parseError.errorString() : tr("not a JSON object"))
                             .arg(parseError.offset)
                             .arg(excerpt(m_body, parseError.offset)));
    const QJsonObject answer = document.object();
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
    return Done{};
}

Error BedrockProtocol::errorFromAnswer(int status, const QNetworkReply &reply, const QByteArray &body) const
{
    // Real services add ":http://internal.amazon.com/coral/…" to the type; the name is before it.
    QString type = QString::fromLatin1(reply.rawHeader("x-amzn-ErrorType")).section(u':', 0, 0).trimmed();
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    QString message = object.value("message"_L1).toString();
    if (message.isEmpty())
        message = object.value("Message"_L1).toString();
    if (type.isEmpty())
        type = object.value("__type"_L1).toString().section(u'#', -1);
    if (message.isEmpty())
        message = body.isEmpty() ? tr("no details given") : excerpt(body, 0, 300);

    Error::Kind kind = kindForStatus(status);
    if (AwsRequest::isAuthError(type))
        kind = Error::Kind::Auth;
    else if (type == "ThrottlingException"_L1)
        kind = Error::Kind::Throttled;
    else if (type == "ValidationException"_L1)
        kind = Error::Kind::Service;
    const QString what = type.isEmpty() ? tr("HTTP %1").arg(status) : tr("%1 (HTTP %2)").arg(type).arg(status);
    return makeError(kind, tr("Bedrock answered %1: %2").arg(what, message));
}
