#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

// Server-sent events (text/event-stream) in whatever pieces the network delivers them: returns the
// data of each event once its blank line has arrived. Lines may end in LF, CRLF or CR; comments
// (":…") and the event, id and retry fields are skipped, since chat streams only use data. Bytes are
// kept until a line is complete, so a UTF-8 sequence split across chunks is never decoded in halves.
class SseParser
{
public:
    // The data of every event these bytes complete; several data lines are joined with '\n'.
    QList<QByteArray> feed(QByteArrayView bytes);
    // Something arrived that no blank line has ended yet.
    bool hasPartialEvent() const { return !m_line.isEmpty() || m_hasData; }
    void reset();

private:
    void takeLine(QByteArrayView line, QList<QByteArray> &events);

    QByteArray m_line; // bytes of the unfinished line
    QByteArray m_data; // data of the unfinished event
    bool m_hasData = false;
    bool m_pendingCarriageReturn = false; // a CR ended the last chunk; a LF may follow it
    bool m_atStart = true;
};
