// A JSONL dataset as the importer reads it: one JSON value a line, or a value spread over lines.
#include "core/eval/hashinglinereader.h"
#include "core/eval/jsonrecordreader.h"
#include "fuzz/fuzzsupport.h"

#include <QBuffer>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    QByteArray bytes = Fuzz::bytes(data, size).toByteArray();
    QBuffer device(&bytes);
    device.open(QIODevice::ReadOnly);
    HashingLineReader lines(device);
    JsonRecordReader reader(lines);
    JsonRecord record;
    int previous = 0;
    while (reader.next(record)) {
        // A record names the line it starts on, records come in the file's order, and one that is
        // not valid JSON carries no value (null), only the error.
        Fuzz::require(record.line >= 1 && record.line >= previous, "records are numbered from line 1 upwards");
        Fuzz::require(record.error.isEmpty() || record.value.isNull(), "a record in error has no value");
        previous = record.line;
    }
    return 0;
}
