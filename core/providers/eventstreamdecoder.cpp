#include "core/providers/eventstreamdecoder.h"

#include <QDateTime>
#include <QUuid>
#include <QtEndian>

#include <zlib.h>

namespace {

// Prelude: total length, headers length, prelude CRC (u32 big-endian each). A CRC ends the frame.
constexpr qsizetype lengthFieldSize = 4;
constexpr qsizetype preludeSize = 12;
constexpr qsizetype checksumSize = 4;
constexpr qsizetype minimumFrameLength = preludeSize + checksumSize;

enum HeaderType : quint8 {
    BoolTrue = 0,
    BoolFalse = 1,
    Byte = 2,
    Short = 3,
    Integer = 4,
    Long = 5,
    Bytes = 6,
    String = 7,
    Timestamp = 8,
    Uuid = 9,
};

quint32 readUInt32(const char *data)
{
    return qFromBigEndian<quint32>(data);
}

quint32 checksum(const char *data, qsizetype length)
{
    return quint32(crc32(0, reinterpret_cast<const Bytef *>(data), uInt(length)));
}

QString hex(quint32 value)
{
    return QStringLiteral("0x%1").arg(value, 8, 16, QLatin1Char('0'));
}

struct HeaderError
{
    qsizetype position; // within the headers section
    QString reason;
};

// The size of a header value starting at `value`, or -1 for an unknown type. Variable-length values
// need their u16 length prefix, so `available` bounds what may be read to find it.
qsizetype headerValueSize(quint8 type, const char *value, qsizetype available)
{
    switch (type) {
    case BoolTrue:
    case BoolFalse:
        return 0;
    case Byte:
        return 1;
    case Short:
        return 2;
    case Integer:
        return 4;
    case Long:
    case Timestamp:
        return 8;
    case Uuid:
        return 16;
    case Bytes:
    case String:
        if (available < 2)
            return 2; // reported as running past the section
        return 2 + qFromBigEndian<quint16>(value);
    }
    return -1;
}

QVariant headerValue(quint8 type, const char *value, qsizetype size)
{
    switch (type) {
    case BoolTrue:
        return true;
    case BoolFalse:
        return false;
    case Byte:
        return QVariant::fromValue(qint8(value[0]));
    case Short:
        return QVariant::fromValue(qFromBigEndian<qint16>(value));
    case Integer:
        return QVariant::fromValue(qFromBigEndian<qint32>(value));
    case Long:
        return QVariant::fromValue(qFromBigEndian<qint64>(value));
    case Bytes:
        return QByteArray(value + 2, size - 2);
    case String:
        return QString::fromUtf8(value + 2, size - 2);
    case Timestamp:
        return QDateTime::fromMSecsSinceEpoch(qFromBigEndian<qint64>(value), Qt::UTC);
    case Uuid:
        return QUuid::fromRfc4122(QByteArrayView(value, size));
    }
    return {};
}

std::optional<HeaderError> parseHeaders(QByteArrayView section, QHash<QString, QVariant> &headers)
{
    qsizetype position = 0;
    while (position < section.size()) {
        const qsizetype start = position;
        const qsizetype nameSize = quint8(section[position++]);
        if (nameSize == 0)
            return HeaderError{start, EventStreamDecoder::tr("empty header name")};
        // The name and the type byte after it.
        if (section.size() - position < nameSize + 1)
            return HeaderError{start, EventStreamDecoder::tr("header name runs past the headers section")};
        const QString name = QString::fromUtf8(section.sliced(position, nameSize));
        position += nameSize;
        const quint8 type = quint8(section[position++]);
        const char *value = section.data() + position;
        const qsizetype available = section.size() - position;
        const qsizetype size = headerValueSize(type, value, available);
        if (size < 0) {
            return HeaderError{start,
                               EventStreamDecoder::tr("header \"%1\" has unknown value type %2").arg(name).arg(type)};
        }
        if (size > available) {
            const QString reason = EventStreamDecoder::tr("value of header \"%1\" runs past the headers section");
            return HeaderError{start, reason.arg(name)};
        }
        headers.insert(name, headerValue(type, value, size));
        position += size;
    }
    return std::nullopt;
}

} // namespace

EventStreamDecoder::EventStreamDecoder(qsizetype maximumFrameLength)
    : m_maximumFrameLength(qMax(maximumFrameLength, minimumFrameLength))
{ }

Result<QList<EventStreamMessage>> EventStreamDecoder::feed(QByteArrayView bytes)
{
    if (m_failure)
        return *m_failure;
    m_buffer.append(bytes.data(), bytes.size());
    QList<EventStreamMessage> messages;
    while (decodeFrame(messages)) { }
    if (m_failure && messages.isEmpty())
        return *m_failure;
    compact();
    return messages;
}

Status EventStreamDecoder::finish() const
{
    if (m_failure)
        return *m_failure;
    const qsizetype buffered = bufferedBytes();
    if (buffered == 0)
        return Done{};
    // A stream that stops mid-frame is a dropped connection, which is worth retrying.
    if (buffered < lengthFieldSize)
        return makeError(Error::Kind::Network,
                         tr("event stream: incomplete frame at byte offset %1: %2 bytes, too few to hold its length")
                             .arg(m_consumed)
                             .arg(buffered));
    return makeError(Error::Kind::Network,
                     tr("event stream: incomplete frame at byte offset %1: %2 of %3 bytes")
                         .arg(m_consumed)
                         .arg(buffered)
                         .arg(readUInt32(m_buffer.constData() + m_offset)));
}

// Checks run as soon as the bytes they need are here, so the verdict on a frame does not depend on
// how it was split into chunks.
bool EventStreamDecoder::decodeFrame(QList<EventStreamMessage> &messages)
{
    if (m_failure)
        return false;
    const qsizetype available = bufferedBytes();
    const char *frame = m_buffer.constData() + m_offset;
    if (available < lengthFieldSize)
        return false;

    const qint64 totalLength = readUInt32(frame);
    if (totalLength < minimumFrameLength) {
        fail(Error::Kind::Service,
             tr("event stream: frame length %1 at byte offset %2 is below the %3-byte minimum")
                 .arg(totalLength)
                 .arg(m_consumed)
                 .arg(minimumFrameLength));
        return false;
    }
    if (totalLength > m_maximumFrameLength) {
        fail(Error::Kind::Service,
             tr("event stream: declared frame length %1 at byte offset %2 exceeds the %3-byte limit")
                 .arg(totalLength)
                 .arg(m_consumed)
                 .arg(m_maximumFrameLength));
        return false;
    }
    if (available < preludeSize)
        return false;

    const quint32 preludeChecksum = checksum(frame, preludeSize - checksumSize);
    if (preludeChecksum != readUInt32(frame + 8)) {
        fail(Error::Kind::Service,
             tr("event stream: prelude checksum mismatch at byte offset %1 (frame says %2, "
                "bytes give %3)")
                 .arg(m_consumed)
                 .arg(hex(readUInt32(frame + 8)), hex(preludeChecksum)));
        return false;
    }
    const qint64 headersLength = readUInt32(frame + 4);
    if (headersLength > totalLength - minimumFrameLength) {
        fail(Error::Kind::Service,
             tr("event stream: headers length %1 does not fit in the %2-byte frame at byte offset %3")
                 .arg(headersLength)
                 .arg(totalLength)
                 .arg(m_consumed));
        return false;
    }
    if (available < totalLength)
        return false;

    const qsizetype checksumOffset = qsizetype(totalLength) - checksumSize;
    const quint32 messageChecksum = checksum(frame, checksumOffset);
    if (messageChecksum != readUInt32(frame + checksumOffset)) {
        fail(Error::Kind::Service,
             tr("event stream: message checksum mismatch at byte offset %1 (frame says %2, "
                "bytes give %3)")
                 .arg(m_consumed)
                 .arg(hex(readUInt32(frame + checksumOffset)), hex(messageChecksum)));
        return false;
    }

    EventStreamMessage message;
    const QByteArrayView headerSection(frame + preludeSize, qsizetype(headersLength));
    if (const auto error = parseHeaders(headerSection, message.headers)) {
        fail(Error::Kind::Service,
             tr("event stream: malformed header at byte offset %1: %2")
                 .arg(m_consumed + preludeSize + error->position)
                 .arg(error->reason));
        return false;
    }
    const qsizetype payloadOffset = preludeSize + qsizetype(headersLength);
    message.payload = QByteArray(frame + payloadOffset, checksumOffset - payloadOffset);
    messages.append(std::move(message));

    m_offset += qsizetype(totalLength);
    m_consumed += totalLength;
    return true;
}

void EventStreamDecoder::fail(Error::Kind kind, const QString &message)
{
    m_failure = makeError(kind, message);
    // Nothing after a framing error will be read, so the buffer is only memory held for nothing.
    m_buffer.clear();
    m_offset = 0;
}

// The consumed prefix is dropped only once it is at least as long as what remains, so each byte is
// moved a bounded number of times however many frames a stream carries.
void EventStreamDecoder::compact()
{
    if (m_offset == 0)
        return;
    if (m_offset == m_buffer.size()) {
        m_buffer.clear();
        m_offset = 0;
    } else if (m_offset >= bufferedBytes()) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
}
