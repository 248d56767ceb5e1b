#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class HashingLineReader;

// One CSV record, or why it could not be read.
struct CsvRecord
{
    int line = 0; // where the record starts, 1-based
    QStringList fields;
    QString error;
};

// RFC 4180 records: fields separated by commas; a field in double quotes may hold commas, line
// breaks and doubled quotes. Lenient where spreadsheets are: a quote inside an unquoted field is
// kept as text, and text after a closing quote is appended to the field.
class CsvRecordReader
{
    Q_DECLARE_TR_FUNCTIONS(CsvRecordReader)

public:
    explicit CsvRecordReader(HashingLineReader &source);

    // False at the end of the file; blank lines between records are passed over.
    bool next(CsvRecord &record);

private:
    HashingLineReader &m_source;
};
