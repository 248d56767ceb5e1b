#include "core/eval/jsonrecordreader.h"

#include "core/eval/hashinglinereader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace {

// Pretty-printed records are far shorter; past this a value is taken as never closing.
constexpr int maximumLinesPerValue = 10000;

qsizetype firstNonBlank(const QByteArray &text)
{
    for (qsizetype at = 0; at < text.size(); ++at) {
        if (!QChar::isSpace(uchar(text.at(at))))
            return at;
    }
    return -1;
}

} // namespace

JsonRecordReader::JsonRecordReader(HashingLineReader &source) : m_source(source)
{ }

bool JsonRecordReader::takeLine(Line &line)
{
    if (!m_pending.isEmpty()) {
        line = m_pending.takeFirst();
        return true;
    }
    if (!m_source.readLine(line.text))
        return false;
    line.number = m_source.lineNumber();
    line.overLimit = m_source.overLimitBytes() > 0 ? m_source.overLimitReason() : QString();
    return true;
}

// Follows brackets outside strings. JSON strings cannot hold a raw line break, so a line ending
// inside a string is broken; so is a line starting at column 0 with "{" while an object is open,
// which in a pretty-printed file is indented and in JSONL is the next record.
JsonRecordReader::Scan JsonRecordReader::scan(const QByteArray &text, bool continuation)
{
    if (continuation && m_object && text.startsWith('{'))
        return Scan::Broken;
    bool inString = false;
    bool escaped = false;
    for (const char character : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (character == '\\')
                escaped = true;
            else if (character == '"')
                inString = false;
        } else if (character == '"') {
            inString = true;
        } else if (character == '{' || character == '[') {
            ++m_depth;
        } else if (character == '}' || character == ']') {
            --m_depth;
        }
    }
    if (inString)
        return Scan::Broken;
    return m_depth <= 0 ? Scan::Closed : Scan::Open;
}

bool JsonRecordReader::next(JsonRecord &record)
{
    Line first;
    do {
        if (!takeLine(first))
            return false;
    } while (first.overLimit.isEmpty() && firstNonBlank(first.text) < 0);
    if (!first.overLimit.isEmpty()) {
        record = JsonRecord{first.number, QJsonValue(), first.overLimit};
        return true;
    }

    const char opening = first.text.at(firstNonBlank(first.text));
    if (opening != '{' && opening != '[') {
        record = parse(first.number, first.text);
        return true;
    }
    m_depth = 0;
    m_object = opening == '{';
    Scan state = scan(first.text, false);
    QList<Line> taken{first};
    QByteArray text = first.text;
    while (state == Scan::Open && taken.size() < maximumLinesPerValue) {
        Line line;
        if (!takeLine(line))
            break;
        taken << line;
        state = line.overLimit.isEmpty() ? scan(line.text, true) : Scan::Broken;
        text += '\n' + line.text;
    }
    if (state == Scan::Closed) {
        record = parse(first.number, text);
        return true;
    }
    // Never closed: report the first line as it stands and read the others again.
    record = parse(first.number, first.text);
    taken.removeFirst();
    m_pending = taken + m_pending;
    return true;
}

JsonRecord JsonRecordReader::parse(int firstLine, const QByteArray &text) const
{
    JsonRecord record;
    record.line = firstLine;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error == QJsonParseError::NoError) {
        record.value = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
        return record;
    }
    // QJsonDocument holds only objects and arrays; a bare number or string is still JSON.
    QJsonParseError scalarError;
    const QJsonDocument wrapped = QJsonDocument::fromJson('[' + text + ']', &scalarError);
    if (scalarError.error == QJsonParseError::NoError && wrapped.array().size() == 1) {
        record.value = wrapped.array().first();
        return record;
    }
    // Qt's offset is just past the character it stumbled on, which makes it that character's
    // 1-based column.
    const QByteArray before = text.left(error.offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const int lineOffset = int(before.count('\n'));
    const qsizetype column = qMax<qsizetype>(1, QString::fromUtf8(before.mid(lineStart)).size());
    record.error = lineOffset == 0 ? tr("not valid JSON: %1 at column %2").arg(error.errorString()).arg(column)
                                   : tr("not valid JSON: %1 at line %2, column %3")
                                         .arg(error.errorString())
                                         .arg(firstLine + lineOffset)
                                         .arg(column);
    return record;
}
