#include "core/eval/csvrecordreader.h"
#include "core/eval/hashinglinereader.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QList<CsvRecord> readAll(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    HashingLineReader source(buffer);
    CsvRecordReader reader(source);
    QList<CsvRecord> records;
    CsvRecord record;
    while (reader.next(record))
        records << record;
    return records;
}

} // namespace

class TestCsvRecordReader : public QObject
{
    Q_OBJECT

private slots:
    void plainFieldsAndLineNumbers()
    {
        const auto records = readAll("a,b,c\r\n1,,3\r\n\r\nx,y,z");
        QCOMPARE(records.size(), 3);
        QCOMPARE(records.at(0).fields, (QStringList{u"a"_s, u"b"_s, u"c"_s}));
        QCOMPARE(records.at(1).fields, (QStringList{u"1"_s, u""_s, u"3"_s}));
        QCOMPARE(records.at(2).line, 4); // the blank line 3 is passed over
        QCOMPARE(records.at(2).fields, (QStringList{u"x"_s, u"y"_s, u"z"_s}));
    }

    void quotedFieldsHoldCommasQuotesAndLineBreaks()
    {
        const auto records
            = readAll("q,r\n\"one, two\",\"say \"\"hi\"\"\"\n\"first\nsecond\r\nthird\",end\nlast,\"\"\n");
        QCOMPARE(records.size(), 4);
        QCOMPARE(records.at(1).fields, (QStringList{u"one, two"_s, u"say \"hi\""_s}));
        QCOMPARE(records.at(2).line, 3);
        QCOMPARE(records.at(2).fields, (QStringList{u"first\nsecond\nthird"_s, u"end"_s}));
        QCOMPARE(records.at(3).line, 6);
        QCOMPARE(records.at(3).fields, (QStringList{u"last"_s, u""_s}));
    }

    // Found by fuzz_csv_records: QString::fromUtf8 dropped a U+FEFF that began a continued line.
    void byteOrderMarkInsideAQuotedFieldIsKept()
    {
        const auto records = readAll("\xEF\xBB\xBFq\n\"first\n\xEF\xBB\xBFsecond\"\n\xEF\xBB\xBFthird\n");
        QCOMPARE(records.size(), 3);
        QCOMPARE(records.at(0).fields, QStringList{u"q"_s}); // the file's own mark is not data
        QCOMPARE(records.at(1).fields, QStringList{u"first\n\uFEFFsecond"_s});
        QCOMPARE(records.at(2).fields, QStringList{u"\uFEFFthird"_s});
    }

    void unclosedQuoteIsAnErrorAtItsFirstLine()
    {
        const auto records = readAll("q\n\"never closed\nmore\n");
        QCOMPARE(records.size(), 2);
        QCOMPARE(records.at(1).line, 2);
        QVERIFY(records.at(1).error.contains(QStringLiteral("not closed")));
    }

    void hashCoversEveryByte()
    {
        const QByteArray bytes = "\xEF\xBB\xBFq\n\"a\nb\"\n";
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        HashingLineReader source(buffer);
        CsvRecordReader reader(source);
        CsvRecord record;
        QVERIFY(reader.next(record));
        QCOMPARE(record.fields, QStringList{u"q"_s}); // no byte-order mark in the first name
        while (reader.next(record)) { }
        QCOMPARE(source.contentHash(),
                 QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
    }
};

QTEST_GUILESS_MAIN(TestCsvRecordReader)
#include "tst_csvrecordreader.moc"
