#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

class HashingLineReader;

// One JSON value of a source file, or why its text is not JSON.
struct JsonRecord
{
    int line = 0; // where the value starts, 1-based
    QJsonValue value;
    QString error; // "not valid JSON: … at column N"; empty when `value` is good
};

// Reads JSON values one after another: one per line (JSONL), or spread over several lines as
// pretty-printed objects (Bedrock's documentation shows its output that way). A value that never
// closes is reported at its first line and the lines after it are read again on their own, so one
// broken line cannot swallow the rest of the file.
class JsonRecordReader
{
    Q_DECLARE_TR_FUNCTIONS(JsonRecordReader)

public:
    explicit JsonRecordReader(HashingLineReader &source);

    // False at the end of the file; blank lines between values are passed over.
    bool next(JsonRecord &record);

private:
    struct Line
    {
        int number = 0;
        QByteArray text;
        QString overLimit; // why the line was passed over unread; empty when it was read
    };
    enum class Scan { Closed, Open, Broken };

    bool takeLine(Line &line);
    Scan scan(const QByteArray &text, bool continuation);
    JsonRecord parse(int firstLine, const QByteArray &text) const;

    HashingLineReader &m_source;
    QList<Line> m_pending; // lines to read again after a value that never closed
    int m_depth = 0;
    bool m_object = false;
};
