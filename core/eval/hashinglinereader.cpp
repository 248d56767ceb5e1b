#include "core/eval/hashinglinereader.h"

#include <QIODevice>

HashingLineReader::HashingLineReader(QIODevice &device, qint64 lineLimit)
    : m_device(device), m_hash(QCryptographicHash::Sha256), m_lineLimit(lineLimit)
{ }

bool HashingLineReader::readLine(QByteArray &line)
{
    // Read in pieces through one reused buffer: QIODevice::readLine(maxSize) would allocate maxSize
    // bytes for every line, and an unbounded readLine() would hold a runaway line whole.
    m_overLimitBytes = 0;
    line.clear();
    qint64 length = 0;
    bool over = false;
    char last = 0; // the line's last two bytes, to tell its break from its text
    char beforeLast = 0;
    m_piece.resize(64 * 1024);
    for (;;) {
        const qint64 read = m_device.readLine(m_piece.data(), m_piece.size());
        if (read <= 0)
            break;
        m_hash.addData(QByteArrayView(m_piece.constData(), read));
        length += read;
        beforeLast = read >= 2 ? m_piece.at(read - 2) : last;
        last = m_piece.at(read - 1);
        if (!over && m_lineLimit > 0 && line.size() + read > m_lineLimit + 2) { // + 2: room for CR LF
            over = true;
            line.clear();
        }
        if (!over)
            line.append(m_piece.constData(), read);
        if (last == '\n')
            break;
    }
    if (length == 0)
        return false;
    ++m_lineNumber;
    if (over) {
        const int lineBreak = last == '\n' ? (beforeLast == '\r' ? 2 : 1) : 0;
        m_overLimitBytes = length - lineBreak;
        line.clear();
        return true;
    }
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    if (m_lineNumber == 1 && line.startsWith("\xEF\xBB\xBF"))
        line.remove(0, 3);
    if (m_lineLimit > 0 && line.size() > m_lineLimit) {
        m_overLimitBytes = line.size();
        line.clear();
    }
    return true;
}

QString HashingLineReader::contentHash() const
{
    return QString::fromLatin1(m_hash.result().toHex());
}

QString HashingLineReader::overLimitReason() const
{
    return tr("the line is %1 bytes, over the limit of %2 bytes").arg(m_overLimitBytes).arg(m_lineLimit);
}
