#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

// One frame of application/vnd.amazon.eventstream. Header values keep their wire type in the
// QVariant: bool, qint8, qint16, qint32, qint64, QByteArray (bytes), QString, QDateTime (timestamp,
// UTC) or QUuid.
struct EventStreamMessage
{
    QHash<QString, QVariant> headers;
    QByteArray payload;

    QString messageType() const { return headers.value(QStringLiteral(":message-type")).toString(); }
    QString eventType() const { return headers.value(QStringLiteral(":event-type")).toString(); }
    QString exceptionType() const { return headers.value(QStringLiteral(":exception-type")).toString(); }

    bool operator==(const EventStreamMessage &other) const = default;
};

// Turns event-stream bytes, in whatever chunks the network delivers them, into messages. The bytes
// not yet part of a complete frame stay buffered; a frame is only read once all of it is here, and
// a declared length is checked before any of the frame is buffered, so a corrupt length cannot make
// the decoder wait for (or allocate) gigabytes. The first framing error is final: the stream can no
// longer be trusted to be in step.
class EventStreamDecoder
{
    Q_DECLARE_TR_FUNCTIONS(EventStreamDecoder)

public:
    // The event-stream specification caps a message at 16 MiB; Bedrock frames are a few hundred bytes.
    static constexpr qsizetype DefaultMaximumFrameLength = 16 * 1024 * 1024;

    explicit EventStreamDecoder(qsizetype maximumFrameLength = DefaultMaximumFrameLength);

    // The messages these bytes complete, in order. When a chunk holds good frames and then a bad one,
    // the good ones are returned now and the error from the next feed() or finish(), so no message
    // that arrived intact is lost.
    Result<QList<EventStreamMessage>> feed(QByteArrayView bytes);

    // Call when the body has ended: fails if the decoder failed or the stream stopped mid-frame.
    Status finish() const;

    bool hasFailed() const { return m_failure.has_value(); }
    bool hasPartialFrame() const { return bufferedBytes() > 0; }
    qsizetype bufferedBytes() const { return m_buffer.size() - m_offset; }
    // Bytes of the stream taken up by complete frames so far.
    qint64 consumedBytes() const { return m_consumed; }

private:
    bool decodeFrame(QList<EventStreamMessage> &messages);
    void fail(Error::Kind kind, const QString &message);
    void compact();

    QByteArray m_buffer;
    qsizetype m_offset = 0; // where the next frame starts in m_buffer
    qint64 m_consumed = 0; // stream offset of m_buffer[m_offset], for error messages
    qsizetype m_maximumFrameLength;
    std::optional<Error> m_failure;
};
