#include "core/eval/csvrecordreader.h"

#include "core/eval/hashinglinereader.h"

#include <QStringDecoder>

namespace {

// QString::fromUtf8 drops a byte order mark at the start of what it decodes; here that would be a
// U+FEFF that belongs to a field continued on a new line. The file's own mark is already gone.
QString decoded(const QByteArray &line)
{
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    return decoder(line);
}

} // namespace

CsvRecordReader::CsvRecordReader(HashingLineReader &source) : m_source(source)
{ }

bool CsvRecordReader::next(CsvRecord &record)
{
    QByteArray bytes;
    do {
        if (!m_source.readLine(bytes))
            return false;
    } while (bytes.isEmpty() && m_source.overLimitBytes() == 0);

    record = CsvRecord{};
    record.line = m_source.lineNumber();
    if (m_source.overLimitBytes() > 0) {
        record.error = m_source.overLimitReason();
        return true;
    }
    QString field;
    bool quoted = false;
    bool atFieldStart = true;
    for (;;) {
        const QString line = decoded(bytes);
        for (qsizetype at = 0; at < line.size(); ++at) {
            const QChar character = line.at(at);
            if (quoted) {
                if (character != QLatin1Char('"'))
                    field += character;
                else if (at + 1 < line.size() && line.at(at + 1) == QLatin1Char('"'))
                    field += line.at(++at);
                else
                    quoted = false;
            } else if (character == QLatin1Char(',')) {
                record.fields << field;
                field.clear();
                atFieldStart = true;
                continue;
            } else if (character == QLatin1Char('"') && atFieldStart) {
                quoted = true;
            } else {
                field += character;
            }
            atFieldStart = false;
        }
        if (!quoted)
            break;
        // A line break inside quotes belongs to the field.
        if (!m_source.readLine(bytes)) {
            record.error = tr("a quoted field is not closed before the end of the file");
            break;
        }
        if (m_source.overLimitBytes() > 0) {
            record.error = tr("line %1: %2").arg(m_source.lineNumber()).arg(m_source.overLimitReason());
            break;
        }
        field += QLatin1Char('\n');
    }
    record.fields << field;
    return true;
}
