#pragma once

#include "core/common/result.h"
#include "core/providers/eventstreamdecoder.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>

// One event of a Bedrock ConverseStream answer, read from an event-stream message. Only the fields
// of the event's type are filled in. Event types the workbench does not use (contentBlockStart for
// tool use, types added later by AWS) come back as Other with their name, so a newer service does
// not break an older client.
struct ConverseStreamEvent
{
    Q_DECLARE_TR_FUNCTIONS(ConverseStreamEvent)

public:
    enum class Type {
        MessageStart,
        ContentBlockDelta,
        ContentBlockStop,
        MessageStop,
        Metadata,
        Exception,
        Other,
    };

    // Fails when the message is not an event or exception, or its payload is not a JSON object.
    static Result<ConverseStreamEvent> fromMessage(const EventStreamMessage &message);

    // An exception as an Error whose kind tells the caller whether to back off, fix input or give up.
    Error toError() const;

    Type type = Type::Other;
    QString name; // the :event-type, or the :exception-type of an exception
    QString role;
    int contentBlockIndex = 0;
    QString text;
    QString stopReason;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    qint64 totalTokens = 0;
    qint64 latencyMs = 0;
    QJsonValue guardrailTrace; // metadata: trace.guardrail, when the call went through a guardrail
    QString errorMessage; // the service's own words for an exception
};
