#include "core/eval/resultexporter.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

template<typename T> std::function<Result<QList<T>>(qint64, int)> pages(QList<T> all)
{
    return [all](qint64 offset, int limit) -> Result<QList<T>> { return all.mid(offset, limit); };
}

// RFC 4180 records, read independently of the writer: quoted fields may hold commas, doubled quotes
// and line breaks; records end with CRLF.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            record << std::exchange(field, QString());
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            record << std::exchange(field, QString());
            records << std::exchange(record, QStringList());
            ++i;
        } else {
            field += c;
        }
    }
    return records;
}

EvalRun run()
{
    EvalRun made;
    made.id = 7;
    made.name = u"nightly"_s;
    made.settings.metrics = {u"faithfulness"_s, u"lexical_f1"_s};
    return made;
}

QList<EvalItem> items()
{
    const QStringList questions{u"Plain question"_s, u"Commas, \"quotes\"\nand a line break\r\nwith CRLF"_s,
                                u" leading space and Grüße 東京 "_s};
    QList<EvalItem> made;
    for (int i = 0; i < questions.size(); ++i) {
        EvalItem item;
        item.index = i;
        item.line = i + 2;
        item.question = questions[i];
        item.contexts = {u"context %1"_s.arg(i)};
        item.reference = u"reference %1"_s.arg(i);
        made << item;
    }
    return made;
}

MetricScore score(const QString &metric, std::optional<double> value, const QString &explanation,
                  const QString &error = {})
{
    MetricScore made;
    made.metric = metric;
    made.value = value;
    made.explanation = explanation;
    made.error = error;
    return made;
}

QList<ItemResult> results()
{
    ItemResult first;
    first.itemIndex = 0;
    first.response = u"Answer, with \"quotes\""_s;
    first.scores = {score(u"faithfulness"_s, 0.615384615384615, u"2 of 3 statements, \"supported\""_s),
                    score(u"lexical_f1"_s, 1.0, u"lexical token F1 1.00"_s)};
    first.scores[0].details = QJsonArray{QJsonObject{{u"statement"_s, u"s1"_s}, {u"verdict"_s, 1}}};
    first.inputTokens = 120;
    ItemResult third; // item 1 was not reached
    third.itemIndex = 2;
    third.ok = false;
    third.error = u"timeout after 120 s"_s;
    third.scores = {score(u"faithfulness"_s, std::nullopt, {}, u"the judge answered no JSON"_s)};
    return {first, third};
}

} // namespace

class TestResultExporter : public QObject
{
    Q_OBJECT

private slots:
    void csvFieldsQuoteOnlyWhenNeeded()
    {
        QCOMPARE(ResultExporter::csvField(u"plain"_s), u"plain"_s);
        QCOMPARE(ResultExporter::csvField(u"a,b"_s), u"\"a,b\""_s);
        QCOMPARE(ResultExporter::csvField(u"say \"hi\""_s), u"\"say \"\"hi\"\"\""_s);
        QCOMPARE(ResultExporter::csvField(u"two\nlines"_s), u"\"two\nlines\""_s);
        QCOMPARE(ResultExporter::csvField(u" padded"_s), u"\" padded\""_s);
        QCOMPARE(ResultExporter::csvField(QString()), QString());
    }

    void csvRoundTrips()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const Status written = ResultExporter::writeCsv(buffer, run(), {}, pages(items()), pages(results()));
        QVERIFY2(written.ok(), qPrintable(written ? QString() : written.error().describe()));
        QVERIFY(buffer.data().endsWith("\r\n"));

        const QList<QStringList> records = parseCsv(QString::fromUtf8(buffer.data()));
        QCOMPARE(records.size(), 1 + 3);
        QCOMPARE(records[0],
                 QStringList({u"index"_s, u"question"_s, u"response"_s, u"reference"_s, u"ok"_s, u"error"_s,
                              u"faithfulness"_s, u"faithfulness_explanation"_s, u"lexical_f1"_s,
                              u"lexical_f1_explanation"_s}));
        for (const QStringList &record : records)
            QCOMPARE(record.size(), 10);
        const QList<EvalItem> expected = items();
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(records[i + 1][0], QString::number(i));
            QCOMPARE(records[i + 1][1], expected[i].question);
            QCOMPARE(records[i + 1][3], expected[i].reference);
        }
        QCOMPARE(records[1][2], u"Answer, with \"quotes\""_s);
        QCOMPARE(records[1][4], u"true"_s);
        QCOMPARE(records[1][6].toDouble(), 0.615384615384615);
        QCOMPARE(records[1][7], u"2 of 3 statements, \"supported\""_s);
        QCOMPARE(records[1][8], u"1"_s);
        QCOMPARE(records[2][4], QString());
        QCOMPARE(records[2][5], u"not evaluated in this run"_s);
        QCOMPARE(records[3][4], u"false"_s);
        QCOMPARE(records[3][5], u"timeout after 120 s"_s);
        QCOMPARE(records[3][6], QString());
        QCOMPARE(records[3][7], u"error: the judge answered no JSON"_s);
        QCOMPARE(records[3][8], QString());
    }

    void csvTakesTheChosenMetrics()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(ResultExporter::writeCsv(buffer, run(), {u"lexical_f1"_s}, pages(items()), pages(results())).ok());
        QVERIFY(buffer.data().startsWith(
            "index,question,response,reference,ok,error,lexical_f1,lexical_f1_explanation\r\n"));
    }

    void jsonlIsOneObjectPerItem()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(ResultExporter::writeJsonl(buffer, run(), pages(items()), pages(results())).ok());
        QVERIFY(buffer.data().endsWith('\n'));
        const QList<QByteArray> lines = buffer.data().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QList<QJsonObject> objects;
        for (const QByteArray &line : lines) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(line, &error);
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
            QVERIFY(document.isObject());
            objects << document.object();
        }
        QCOMPARE(objects[0][u"run_id"_s].toInteger(), 7);
        QCOMPARE(objects[1][u"question"_s].toString(), items()[1].question);
        QCOMPARE(objects[2][u"question"_s].toString(), items()[2].question);

        const QJsonObject faithfulness = objects[0][u"scores"_s][u"faithfulness"_s].toObject();
        QCOMPARE(faithfulness[u"value"_s].toDouble(), 0.615384615384615);
        QCOMPARE(faithfulness[u"kind"_s].toString(), u"judge"_s);
        QCOMPARE(faithfulness[u"explanation"_s].toString(), u"2 of 3 statements, \"supported\""_s);
        QCOMPARE(faithfulness[u"details"_s][0][u"statement"_s].toString(), u"s1"_s);
        QCOMPARE(objects[0][u"scores"_s][u"lexical_f1"_s][u"kind"_s].toString(), u"lexical"_s);
        QCOMPARE(objects[0][u"input_tokens"_s].toInteger(), 120);

        QVERIFY(!objects[1][u"evaluated"_s].toBool());
        QVERIFY(objects[1][u"ok"_s].isNull());

        QVERIFY(!objects[2][u"ok"_s].toBool());
        const QJsonObject failed = objects[2][u"scores"_s][u"faithfulness"_s].toObject();
        QVERIFY(failed[u"value"_s].isNull());
        QCOMPARE(failed[u"error"_s].toString(), u"the judge answered no JSON"_s);
    }

    void fetchErrorsReachTheCaller()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const ResultFetcher broken = [](qint64, int) -> Result<QList<ItemResult>> {
            return makeError(Error::Kind::Storage, u"no such table: eval_results"_s);
        };
        const Status written = ResultExporter::writeJsonl(buffer, run(), pages(items()), broken);
        QVERIFY(!written);
        QCOMPARE(written.error().kind, Error::Kind::Storage);
    }

    void refusesADeviceNotOpenForWriting()
    {
        QBuffer buffer;
        QVERIFY(!ResultExporter::writeCsv(buffer, run(), {}, pages(items()), pages(results())));
    }
};

QTEST_GUILESS_MAIN(TestResultExporter)
#include "tst_resultexporter.moc"
