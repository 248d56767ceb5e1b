#include "core/eval/hashinglinereader.h"

#include <QIODevice>

HashingLineReader::HashingLineReader(QIODevice &device, qint64 lineLimit)
    : m_device(device), m_hash(QCryptographicHash::Sha256), m_lineLimit(lineLimit)
{ }

bool HashingLineReader::readLine(QByteArray &line)
{
    m_overLimitBytes = 0;
    // Room for the limit and a CR LF; anything longer is cut by readLine and read on in pieces.
    line = m_lineLimit > 0 ? m_device.readLine(m_lineLimit + 2) : m_device.readLine();
    if (line.isEmpty())
        return false;
    m_hash.addData(line);
    ++m_lineNumber;
    qint64 length = line.size();
    while (!line.endsWith('\n')) {
        const QByteArray rest = m_device.readLine(qMax<qint64>(m_lineLimit, 64 * 1024));
        if (rest.isEmpty())
            break;
        m_hash.addData(rest);
        length += rest.size();
        line = rest; // only the last piece is kept, to see where the line ends
    }
    if (length != line.size()) { // read in pieces: over the limit
        m_overLimitBytes = length - (line.endsWith('\n') ? 1 : 0) - (line.endsWith("\r\n") ? 1 : 0);
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
