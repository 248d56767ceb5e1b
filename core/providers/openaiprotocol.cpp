#include "core/providers/openaiprotocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace {

void setUsage(const QJsonValue &usage, ChatResult &result)
{
    if (!usage.isObject())
        return;
    const QJsonObject object = usage.toObject();
    result.inputTokens = object.value("prompt_tokens"_L1).toInteger(-1);
    result.outputTokens = object.value("completion_tokens"_L1).toInteger(-1);
}

} // namespace

OpenAiProtocol::OpenAiProtocol(const ProviderConfig &config, const ChatRequest &request)
    : m_config(config), m_request(request)
{ }

QUrl OpenAiProtocol::endpoint(const QUrl &baseUrl)
{
    QUrl url = baseUrl;
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + "/chat/completions"_L1, QUrl::TolerantMode);
    return url;
}

QByteArray OpenAiProtocol::requestBody() const
{
    QJsonArray messages;
    if (!m_request.system.isEmpty())
        messages.append(QJsonObject{{"role"_L1, "system"_L1}, {"content"_L1, m_request.system}});
    for (const ChatMessage &message : m_request.messages)
        messages.append(QJsonObject{{"role"_L1, message.role}, {"content"_L1, message.text}});

    const ChatParameters &parameters = m_request.parameters;
    QJsonObject body{{"model"_L1, m_config.model}, {"messages"_L1, messages}, {"stream"_L1, m_request.stream}};
    if (parameters.maxTokens > 0)
        body.insert("max_tokens"_L1, parameters.maxTokens);
    if (parameters.temperature)
        body.insert("temperature"_L1, *parameters.temperature);
    if (parameters.topP)
        body.insert("top_p"_L1, *parameters.topP);
    if (!parameters.stopSequences.isEmpty())
        body.insert("stop"_L1, QJsonArray::fromStringList(parameters.stopSequences));
    if (m_request.stream)
        body.insert("stream_options"_L1, QJsonObject{{"include_usage"_L1, true}});
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

Result<ChatProtocol::Outgoing> OpenAiProtocol::prepare()
{
    if (!m_config.baseUrl.isValid() || m_config.baseUrl.host().isEmpty())
        return makeError(Error::Kind::Usage,
                         tr("no base URL for the OpenAI-compatible service (e.g. http://localhost:11434/v1)"));
    if (m_config.model.isEmpty())
        return makeError(Error::Kind::Usage, tr("no model given"));

    QNetworkRequest request(endpoint(m_config.baseUrl));
    request.setRawHeader("Content-Type", "application/json");
    request.setRawHeader("Accept", m_request.stream ? "text/event-stream" : "application/json");
    if (!m_config.apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_config.apiKey.toUtf8());
    for (const auto &[name, value] : m_config.extraHeaders)
        request.setRawHeader(name, value);
    return Outgoing{request, requestBody()};
}

void OpenAiProtocol::reset()
{
    m_events.reset();
    m_body.clear();
    m_chunks = 0;
    m_done = false;
}

Status OpenAiProtocol::feed(QByteArrayView bytes, ChatResult &result)
{
    if (!m_request.stream) {
        m_body.append(bytes);
        return Done{};
    }
    const QList<QByteArray> events = m_events.feed(bytes);
    for (const QByteArray &data : events) {
        // Whatever follows [DONE] is not part of the answer.
        if (m_done)
            break;
        if (const Status taken = takeEvent(data, result); !taken)
            return taken;
    }
    return Done{};
}

Status OpenAiProtocol::takeEvent(const QByteArray &data, ChatResult &result)
{
    ++m_chunks;
    if (data.trimmed() == "[DONE]") {
        m_done = true;
        return Done{};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        const QString reason = document.isNull() ? parseError.errorString() : tr("not a JSON object");
        return makeError(Error::Kind::Service,
                         tr("malformed JSON in stream chunk %1 after %2 characters: %3 at offset %4 in \"%5\"")
                             .arg(m_chunks)
                             .arg(result.text.size())
                             .arg(reason)
                             .arg(parseError.offset)
                             .arg(excerpt(data, parseError.offset)));
    }
    const QJsonObject chunk = document.object();
    if (chunk.contains("error"_L1))
        return errorFromObject(chunk, tr("the stream reported an error after %1 characters").arg(result.text.size()));

    const QJsonArray choices = chunk.value("choices"_L1).toArray();
    if (!choices.isEmpty()) {
        const QJsonObject choice = choices.first().toObject();
        result.text += choice.value("delta"_L1).toObject().value("content"_L1).toString();
        const QString finishReason = choice.value("finish_reason"_L1).toString();
        if (!finishReason.isEmpty())
            result.stopReason = normalizedStopReason(finishReason);
    }
    setUsage(chunk.value("usage"_L1), result);
    return Done{};
}

Status OpenAiProtocol::finish(bool connectionBroke, ChatResult &result)
{
    if (m_request.stream) {
        if (!m_done)
            return cutOff(result.text.size(), tr("it ended without \"data: [DONE]\""));
        return Done{};
    }
    if (connectionBroke)
        return makeError(Error::Kind::Network, tr("the answer was cut off after %1 bytes").arg(m_body.size()));
    return takeAnswer(result);
}

Status OpenAiProtocol::takeAnswer(ChatResult &result) const
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(m_body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return makeError(Error::Kind::Service,
                         tr("malformed JSON in the answer (%1 bytes): %2 at offset %3 in \"%4\"")
                             .arg(m_body.size())
                             .arg(document.isNull() ? parseError.errorString() : tr("not a JSON object"))
                             .arg(parseError.offset)
                             .arg(excerpt(m_body, parseError.offset)));
    const QJsonObject answer = document.object();
    if (answer.contains("error"_L1))
        return errorFromObject(answer, tr("the service answered with an error"));
    const QJsonArray choices = answer.value("choices"_L1).toArray();
    if (choices.isEmpty())
        return makeError(Error::Kind::Service, tr("the answer has no choices: \"%1\"").arg(excerpt(m_body)));
    const QJsonObject choice = choices.first().toObject();
    result.text = choice.value("message"_L1).toObject().value("content"_L1).toString();
    result.stopReason = normalizedStopReason(choice.value("finish_reason"_L1).toString());
    setUsage(answer.value("usage"_L1), result);
    return Done{};
}

QString OpenAiProtocol::normalizedStopReason(const QString &finishReason)
{
    // "stop" also covers a stop sequence: the API does not say which one ended the answer.
    if (finishReason == "stop"_L1)
        return u"end_turn"_s;
    if (finishReason == "length"_L1)
        return u"max_tokens"_s;
    if (finishReason == "content_filter"_L1)
        return u"content_filtered"_s;
    if (finishReason == "tool_calls"_L1 || finishReason == "function_call"_L1)
        return u"tool_use"_s;
    return finishReason;
}

Error OpenAiProtocol::errorFromObject(const QJsonObject &object, const QString &context)
{
    const QJsonValue error = object.value("error"_L1);
    const QJsonObject details = error.toObject();
    QString message = error.isString() ? error.toString() : details.value("message"_L1).toString();
    if (message.isEmpty())
        message = object.value("message"_L1).toString();
    const QString code = details.value("code"_L1).toVariant().toString();
    const QString type = details.value("type"_L1).toString();
    const bool throttled = code.contains("rate_limit"_L1) || type.contains("rate_limit"_L1);
    const QString label = code.isEmpty() ? type : code;
    return makeError(throttled ? Error::Kind::Throttled : Error::Kind::Service,
                     label.isEmpty() ? tr("%1: %2").arg(context, message)
                                     : tr("%1: %2: %3").arg(context, label, message));
}

Error OpenAiProtocol::errorFromAnswer(int status, const QNetworkReply &reply, const QByteArray &body) const
{
    Q_UNUSED(reply)
    QString message;
    QString label;
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QJsonValue error = object.value("error"_L1);
    if (error.isObject()) {
        const QJsonObject details = error.toObject();
        message = details.value("message"_L1).toString();
        label = details.value("code"_L1).toVariant().toString();
        if (label.isEmpty())
            label = details.value("type"_L1).toString();
    } else if (error.isString()) {
        message = error.toString();
    }
    // vLLM and FastAPI-based gateways put it at the top level.
    if (message.isEmpty())
        message = object.value("message"_L1).toString();
    if (message.isEmpty())
        message = object.value("detail"_L1).toVariant().toString();
    if (message.isEmpty())
        message = body.isEmpty() ? tr("no details given") : excerpt(body, 0, 300);

    const QString what = label.isEmpty() ? tr("HTTP %1").arg(status) : tr("HTTP %1 %2").arg(status).arg(label);
    return makeError(kindForStatus(status), tr("the OpenAI-compatible service answered %1: %2").arg(what, message));
}
