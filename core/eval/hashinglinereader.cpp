#include "core/eval/hashinglinereader.h"

#include <QIODevice>

HashingLineReader::HashingLineReader(QIODevice &device) : m_device(device), m_hash(QCryptographicHash::Sha256)
{ }

bool HashingLineReader::readLine(QByteArray &line)
{
    line = m_device.readLine();
    if (line.isEmpty())
        return false;
    m_hash.addData(line);
    ++m_lineNumber;
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    if (m_lineNumber == 1 && line.startsWith("\xEF\xBB\xBF"))
        line.remove(0, 3);
    return true;
}

QString HashingLineReader::contentHash() const
{
    return QString::fromLatin1(m_hash.result().toHex());
}
