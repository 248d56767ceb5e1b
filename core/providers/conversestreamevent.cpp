#include "core/providers/conversestreamevent.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace {

ConverseStreamEvent::Type eventTypeFromName(const QString &name)
{
    using Type = ConverseStreamEvent::Type;
    if (name == "messageStart"_L1)
        return Type::MessageStart;
    if (name == "contentBlockDelta"_L1)
        return Type::ContentBlockDelta;
    if (name == "contentBlockStop"_L1)
        return Type::ContentBlockStop;
    if (name == "messageStop"_L1)
        return Type::MessageStop;
    if (name == "metadata"_L1)
        return Type::Metadata;
    return Type::Other;
}

Result<QJsonObject> payloadObject(const EventStreamMessage &message, const QString &name)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(message.payload, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(Error::Kind::Service,
                         ConverseStreamEvent::tr("event stream: %1 payload is not valid JSON: %2 at character %3")
                             .arg(name, parseError.errorString())
                             .arg(parseError.offset));
    if (!document.isObject())
        return makeError(Error::Kind::Service,
                         ConverseStreamEvent::tr("event stream: %1 payload is not a JSON object").arg(name));
    return document.object();
}

} // namespace

Result<ConverseStreamEvent> ConverseStreamEvent::fromMessage(const EventStreamMessage &message)
{
    ConverseStreamEvent event;
    const QString messageType = message.messageType();

    // The generic event-stream error form carries everything in headers, with no JSON payload.
    if (messageType == "error"_L1) {
        event.type = Type::Exception;
        event.name = message.headers.value(u":error-code"_s).toString();
        event.errorMessage = message.headers.value(u":error-message"_s).toString();
        return event;
    }

    if (messageType == "exception"_L1) {
        event.type = Type::Exception;
        event.name = message.exceptionType();
        const Result<QJsonObject> object = payloadObject(message, event.name);
        if (!object)
            return object.error();
        event.errorMessage = object.value().value("message"_L1).toString();
        // Some AWS services capitalise the field.
        if (event.errorMessage.isEmpty())
            event.errorMessage = object.value().value("Message"_L1).toString();
        return event;
    }

    if (messageType != "event"_L1)
        return makeError(Error::Kind::Service, tr("event stream: unexpected message type \"%1\"").arg(messageType));

    event.name = message.eventType();
    event.type = eventTypeFromName(event.name);
    const Result<QJsonObject> parsed = payloadObject(message, event.name);
    if (!parsed)
        return parsed.error();
    const QJsonObject &object = parsed.value();

    switch (event.type) {
    case Type::MessageStart:
        event.role = object.value("role"_L1).toString();
        break;
    case Type::ContentBlockDelta:
        event.contentBlockIndex = object.value("contentBlockIndex"_L1).toInt();
        // A tool-use delta has no text; it is left empty rather than refused.
        event.text = object.value("delta"_L1).toObject().value("text"_L1).toString();
        break;
    case Type::ContentBlockStop:
        event.contentBlockIndex = object.value("contentBlockIndex"_L1).toInt();
        break;
    case Type::MessageStop:
        event.stopReason = object.value("stopReason"_L1).toString();
        break;
    case Type::Metadata: {
        const QJsonObject usage = object.value("usage"_L1).toObject();
        event.inputTokens = usage.value("inputTokens"_L1).toInteger();
        event.outputTokens = usage.value("outputTokens"_L1).toInteger();
        event.totalTokens = usage.value("totalTokens"_L1).toInteger();
        event.guardrailTrace = object.value("trace"_L1).toObject().value("guardrail"_L1);
        event.latencyMs = object.value("metrics"_L1).toObject().value("latencyMs"_L1).toInteger();
        break;
    }
    case Type::Exception:
    case Type::Other:
        break;
    }
    return event;
}

Error ConverseStreamEvent::toError() const
{
    Error::Kind kind = Error::Kind::Service;
    if (name == "throttlingException"_L1 || name == "serviceUnavailableException"_L1)
        kind = Error::Kind::Throttled;
    else if (name == "validationException"_L1)
        kind = Error::Kind::Input;
    else if (name == "accessDeniedException"_L1)
        kind = Error::Kind::Auth;
    const QString what = errorMessage.isEmpty() ? tr("no message given") : errorMessage;
    return makeError(kind, tr("Bedrock %1: %2").arg(name.isEmpty() ? tr("unnamed exception") : name, what));
}
