#include "core/providers/sseparser.h"

QList<QByteArray> SseParser::feed(QByteArrayView bytes)
{
    QList<QByteArray> events;
    if (m_pendingCarriageReturn && !bytes.isEmpty()) {
        m_pendingCarriageReturn = false;
        if (bytes.front() == '\n')
            bytes = bytes.sliced(1);
    }
    qsizetype start = 0;
    for (qsizetype index = 0; index < bytes.size(); ++index) {
        const char byte = bytes.at(index);
        if (byte != '\n' && byte != '\r')
            continue;
        m_line.append(bytes.sliced(start, index - start));
        takeLine(m_line, events);
        m_line.clear();
        if (byte == '\r') {
            if (index + 1 == bytes.size())
                m_pendingCarriageReturn = true;
            else if (bytes.at(index + 1) == '\n')
                ++index;
        }
        start = index + 1;
    }
    m_line.append(bytes.sliced(start));
    return events;
}

void SseParser::reset()
{
    *this = SseParser();
}

void SseParser::takeLine(QByteArrayView line, QList<QByteArray> &events)
{
    // The specification allows a byte order mark before the first line.
    if (m_atStart) {
        m_atStart = false;
        if (line.startsWith("\xEF\xBB\xBF"))
            line = line.sliced(3);
    }
    if (line.isEmpty()) {
        if (m_hasData && !m_data.isEmpty())
            events.append(m_data);
        m_data.clear();
        m_hasData = false;
        return;
    }
    if (line.front() == ':')
        return;
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView field = colon < 0 ? line : line.first(colon);
    if (field != "data")
        return;
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    if (m_hasData)
        m_data.append('\n');
    m_data.append(value);
    m_hasData = true;
}
