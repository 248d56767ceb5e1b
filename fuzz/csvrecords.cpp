// A CSV dataset (RFC 4180) as the importer reads it: quoted fields may hold commas, quotes and
// line breaks.
#include "core/eval/csvrecordreader.h"
#include "core/eval/hashinglinereader.h"
#include "fuzz/fuzzsupport.h"

#include <QBuffer>

namespace {

QList<CsvRecord> readAll(QByteArray bytes)
{
    QBuffer device(&bytes);
    device.open(QIODevice::ReadOnly);
    HashingLineReader lines(device);
    CsvRecordReader reader(lines);
    QList<CsvRecord> records;
    CsvRecord record;
    while (reader.next(record))
        records.append(record);
    return records;
}

// The record as RFC 4180 writes it: every field quoted, quotes doubled.
QByteArray written(const QStringList &fields)
{
    QByteArray line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += ',';
        line += '"' + fields.at(i).toUtf8().replace('"', "\"\"") + '"';
    }
    return line + "\r\n";
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QList<CsvRecord> records = readAll(Fuzz::bytes(data, size).toByteArray());
    int previous = 0;
    for (const CsvRecord &record : records) {
        Fuzz::require(record.line > previous, "each record starts on a later line than the one before");
        previous = record.line;
        // What was read, written back as RFC 4180 says, reads as the same fields. A carriage return
        // inside a field is left out: a line's CR LF ending is not part of the field.
        if (!record.error.isEmpty() || record.fields.join(QString()).contains(u'\r'))
            continue;
        const QList<CsvRecord> again = readAll(written(record.fields));
        Fuzz::require(again.size() == 1 && again.first().fields == record.fields,
                      "a record written back as RFC 4180 reads as the same fields");
    }
    return 0;
}
