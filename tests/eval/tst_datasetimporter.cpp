#include "common/engineundertest.h"
#include "core/eval/datasetimporter.h"
#include "core/eval/datasetrepository.h"
#include "core/storage/workspace.h"
#include "core/workspaceschema.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDatasetImporter : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<Workspace> m_workspace;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_directory->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write the test file");
        return path;
    }

    Dataset imported(const QString &path, const QString &name = {})
    {
        auto dataset = DatasetImporter::import(*m_workspace, path, name);
        if (!dataset)
            qFatal("import failed: %s", qPrintable(dataset.error().describe()));
        return dataset.value();
    }

    QList<EvalItem> itemsOf(const Dataset &dataset)
    {
        auto items = DatasetRepository(*m_workspace).items(dataset.id, 0, -1);
        if (!items)
            qFatal("items failed: %s", qPrintable(items.error().describe()));
        return items.value();
    }

private slots:
    void init()
    {
        m_directory = std::make_unique<QTemporaryDir>();
        QVERIFY(m_directory->isValid());
        auto workspace = Workspace::open(EngineUnderTest::location(m_directory->filePath(u"ws.genaiops"_s)),
                                         Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules());
        QVERIFY2(workspace, qPrintable(workspace ? QString() : workspace.error().describe()));
        m_workspace = std::move(workspace).value();
    }

    void cleanup() { m_workspace.reset(); }

    void ragasNames()
    {
        const Dataset dataset = imported(write(
            u"golden.jsonl"_s,
            R"({"user_input": "What is the refund window?", "retrieved_contexts": ["Refunds within 30 days.", "Unused items only."], "response": "30 days.", "reference": "Thirty days.", "category": "billing"})"
            "\n"));
        QCOMPARE(dataset.name, u"golden"_s);
        QCOMPARE(dataset.version, 1);
        QCOMPARE(dataset.itemCount, 1);
        QCOMPARE(dataset.withResponses, 1);
        QCOMPARE(dataset.contentHash.size(), 64);
        const EvalItem item = itemsOf(dataset).first();
        QCOMPARE(item.index, 0);
        QCOMPARE(item.line, 1);
        QCOMPARE(item.question, u"What is the refund window?"_s);
        QCOMPARE(item.contexts, (QStringList{u"Refunds within 30 days."_s, u"Unused items only."_s}));
        QCOMPARE(item.response, u"30 days."_s);
        QCOMPARE(item.reference, u"Thirty days."_s);
        QCOMPARE(item.extra, (QJsonObject{{u"category"_s, u"billing"_s}}));
    }

    void legacyRagasNames()
    {
        const Dataset dataset = imported(write(
            u"legacy.jsonl"_s,
            R"({"question": "Who wrote it?", "contexts": ["Ann wrote it."], "answer": "Ann.", "ground_truth": "Ann"})"
            "\n"));
        const EvalItem item = itemsOf(dataset).first();
        QCOMPARE(item.question, u"Who wrote it?"_s);
        QCOMPARE(item.contexts, QStringList{u"Ann wrote it."_s});
        QCOMPARE(item.response, u"Ann."_s);
        QCOMPARE(item.reference, u"Ann"_s);
        QVERIFY(item.extra.isEmpty());
    }

    void bedrockNames()
    {
        // As in the Bedrock RAG evaluation input of seed 004_05; no contexts, no responses.
        const Dataset dataset = imported(write(
            u"rag_evaluation_data.jsonl"_s,
            R"({"query": "How do I reset my password?", "expected_response": "Visit the login page and click on 'Forgot Password'."})"
            "\n"
            R"({"query": "Is there a loyalty program?", "expected_response": "Yes, we offer a customer loyalty program."})"
            "\n"));
        QCOMPARE(dataset.itemCount, 2);
        QCOMPARE(dataset.withResponses, 0);
        const QList<EvalItem> items = itemsOf(dataset);
        QCOMPARE(items.at(1).index, 1);
        QCOMPARE(items.at(1).line, 2);
        QCOMPARE(items.at(1).question, u"Is there a loyalty program?"_s);
        QCOMPARE(items.at(1).reference, u"Yes, we offer a customer loyalty program."_s);
        QVERIFY(items.at(1).contexts.isEmpty());
        QVERIFY(items.at(1).response.isEmpty());
    }

    void bedrockConversationTurns()
    {
        const Dataset dataset = imported(write(
            u"turns.jsonl"_s,
            R"({"conversationTurns": [{"prompt": {"content": [{"text": "What is the return policy?"}]}, "referenceResponses": [{"content": [{"text": "30 days with receipt."}]}]}]})"
            "\n"
            R"({"conversationTurns": [{"prompt": {"content": [{"text": "Shipping cost?"}]}, "referenceResponses": [{"content": [{"text": "By weight."}]}], "output": {"text": "It depends on weight.", "retrievedPassages": {"retrievalResults": [{"content": {"text": "Shipping is priced by weight."}}]}}}]})"
            "\n"));
        const QList<EvalItem> items = itemsOf(dataset);
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).question, u"What is the return policy?"_s);
        QCOMPARE(items.at(0).reference, u"30 days with receipt."_s);
        QVERIFY(items.at(0).extra.isEmpty());
        QCOMPARE(items.at(1).response, u"It depends on weight."_s);
        QCOMPARE(items.at(1).contexts, QStringList{u"Shipping is priced by weight."_s});
    }

    void contextsAsTextObjectsOrOneString()
    {
        const Dataset dataset
            = imported(write(u"shapes.ndjson"_s,
                             R"({"user_input": "q1", "retrieved_contexts": [{"text": "first"}, {"text": "second"}]})"
                             "\n"
                             R"({"question": "q2", "contexts": "just one"})"
                             "\n"));
        const QList<EvalItem> items = itemsOf(dataset);
        QCOMPARE(items.at(0).contexts, (QStringList{u"first"_s, u"second"_s}));
        QCOMPARE(items.at(1).contexts, QStringList{u"just one"_s});
    }

    void csvWithQuotesAndLineBreaks()
    {
        const Dataset dataset = imported(write(u"golden.csv"_s,
                                               "question,contexts,answer,ground_truth,owner\r\n"
                                               "\"Refunds, how long?\",\"[\"\"Refunds within 30 days.\"\", \"\"Keep "
                                               "the receipt.\"\"]\",30 days,\"He said \"\"thirty\"\"\",ann\r\n"
                                               "\"A question\nover two lines\",Only one context,,,bob\r\n"
                                               "\r\n"
                                               "Third,\"\",,,\r\n"));
        QCOMPARE(dataset.itemCount, 3);
        QVERIFY(dataset.skipped.isEmpty());
        const QList<EvalItem> items = itemsOf(dataset);
        QCOMPARE(items.at(0).line, 2);
        QCOMPARE(items.at(0).question, u"Refunds, how long?"_s);
        QCOMPARE(items.at(0).contexts, (QStringList{u"Refunds within 30 days."_s, u"Keep the receipt."_s}));
        QCOMPARE(items.at(0).response, u"30 days"_s);
        QCOMPARE(items.at(0).reference, u"He said \"thirty\""_s);
        QCOMPARE(items.at(0).extra, (QJsonObject{{u"owner"_s, u"ann"_s}}));
        QCOMPARE(items.at(1).line, 3);
        QCOMPARE(items.at(1).question, u"A question\nover two lines"_s);
        QCOMPARE(items.at(1).contexts, QStringList{u"Only one context"_s});
        QCOMPARE(items.at(2).line, 6);
        QVERIFY(items.at(2).contexts.isEmpty());
    }

    void csvRowsThatCannotBeUsed()
    {
        const Dataset dataset = imported(write(u"rows.csv"_s,
                                               "user_input,response\n"
                                               "good,yes\n"
                                               ",no question\n"
                                               "a,b,c\n"
                                               "\"never closed,x\n"));
        QCOMPARE(dataset.itemCount, 1);
        QCOMPARE(dataset.skipped.size(), 3);
        QCOMPARE(dataset.skipped.at(0).line, 3);
        QCOMPARE(dataset.skipped.at(0).reason, u"no question (expected user_input, question or query)"_s);
        QCOMPARE(dataset.skipped.at(1).line, 4);
        QCOMPARE(dataset.skipped.at(1).reason, u"3 fields, but the header names 2"_s);
        QCOMPARE(dataset.skipped.at(2).line, 5);
        QVERIFY(dataset.skipped.at(2).reason.contains(u"not closed"_s));
    }

    void csvWithoutQuestionColumnIsAnError()
    {
        const QString path = write(u"noquestion.csv"_s, "prompt,answer\nhi,there\n");
        auto dataset = DatasetImporter::import(*m_workspace, path);
        QVERIFY(!dataset);
        QCOMPARE(dataset.error().kind, Error::Kind::Input);
        QCOMPARE(dataset.error().where, path + u":1"_s);
        QVERIFY(dataset.error().message.contains(u"no question column"_s));
    }

    void malformedLinesAreReportedAndTheRestImports()
    {
        const Dataset dataset = imported(write(u"mixed.jsonl"_s,
                                               "{\"query\": \"first\"}\n"
                                               "this is not json\n"
                                               "[1, 2]\n"
                                               "{\"response\": \"an answer without a question\"}\n"
                                               "\n"
                                               "{\"query\": \"unterminated\"\n"
                                               "{\"query\": \"second\", \"note\": 1}\n"
                                               "42\n"
                                               "{\"query\": \"third\" \"oops\": 1}\n"
                                               "   \n"
                                               "{\"question\": \"fourth\"}\n"));
        QCOMPARE(dataset.itemCount, 3);
        const QList<SkippedLine> &skipped = dataset.skipped;
        QCOMPARE(skipped.size(), 6);
        QCOMPARE(skipped.at(0).line, 2);
        QVERIFY2(skipped.at(0).reason.startsWith(u"not valid JSON: "_s), qPrintable(skipped.at(0).reason));
        QCOMPARE(skipped.at(0).reason, u"not valid JSON: illegal value at column 1"_s);
        QCOMPARE(skipped.at(1).line, 3);
        QCOMPARE(skipped.at(1).reason, u"not a JSON object"_s);
        QCOMPARE(skipped.at(2).line, 4);
        QCOMPARE(skipped.at(2).reason, u"no question (expected user_input, question or query)"_s);
        QCOMPARE(skipped.at(3).line, 6);
        QVERIFY2(skipped.at(3).reason.startsWith(u"not valid JSON: "_s), qPrintable(skipped.at(3).reason));
        QCOMPARE(skipped.at(4).line, 8);
        QCOMPARE(skipped.at(4).reason, u"not a JSON object"_s);
        QCOMPARE(skipped.at(5).line, 9);
        QCOMPARE(skipped.at(5).reason, u"not valid JSON: unterminated object at column 19"_s); // the missing comma

        const QList<EvalItem> items = itemsOf(dataset);
        QCOMPARE(items.at(1).question, u"second"_s);
        QCOMPARE(items.at(1).line, 7);
        QCOMPARE(items.at(1).extra, (QJsonObject{{u"note"_s, 1}}));
        QCOMPARE(items.at(2).line, 11);

        // `eval show` reads them back later.
        auto stored = DatasetRepository(*m_workspace).find(dataset.id);
        QVERIFY(stored && stored.value());
        QCOMPARE(stored.value()->skipped.size(), 6);
        QCOMPARE(stored.value()->skipped.at(5).reason, skipped.at(5).reason);
    }

    void prettyPrintedObjectsSpanLines()
    {
        const Dataset dataset = imported(
            write(u"pretty.json"_s,
                  "{\n  \"query\": \"one\",\n  \"contexts\": [\n    \"a\"\n  ]\n}\n{\n  \"query\": \"two\"\n}\n"
                  "{\n  \"query\": \"three\"\n  \"oops\": 1\n}\n{\"query\": \"four\"}\n"));
        QCOMPARE(dataset.itemCount, 3);
        const QList<EvalItem> items = itemsOf(dataset);
        QCOMPARE(items.at(0).contexts, QStringList{u"a"_s});
        QCOMPARE(items.at(1).line, 7);
        QCOMPARE(items.at(2).line, 14);
        QCOMPARE(dataset.skipped.size(), 1);
        QCOMPARE(dataset.skipped.first().line, 10);
        QCOMPARE(dataset.skipped.first().reason, u"not valid JSON: unterminated object at line 12, column 3"_s);
    }

    void emptyFileIsAnError()
    {
        const QString path = write(u"empty.jsonl"_s, "");
        auto dataset = DatasetImporter::import(*m_workspace, path);
        QVERIFY(!dataset);
        QCOMPARE(dataset.error().kind, Error::Kind::Input);
        QCOMPARE(dataset.error().where, path);
        QVERIFY(dataset.error().describe().contains(u"empty.jsonl: the file is empty"_s));
    }

    void fileWithoutAValidItemIsAnErrorAndStoresNothing()
    {
        const QString path = write(u"useless.jsonl"_s, "\n{\"answer\": \"x\"}\nnope\n");
        auto dataset = DatasetImporter::import(*m_workspace, path);
        QVERIFY(!dataset);
        QCOMPARE(dataset.error().kind, Error::Kind::Input);
        QCOMPARE(dataset.error().where, path);
        QVERIFY2(dataset.error().message.contains(u"line 2: no question"_s), qPrintable(dataset.error().message));
        auto datasets = DatasetRepository(*m_workspace).list();
        QVERIFY(datasets);
        QVERIFY(datasets.value().isEmpty());

        auto missing = DatasetImporter::import(*m_workspace, m_directory->filePath(u"missing.jsonl"_s));
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, Error::Kind::Input);
    }

    void sameContentIsOneDatasetChangedContentIsAVersion()
    {
        const QString path = write(u"golden.jsonl"_s, "{\"query\": \"a\"}\n");
        const Dataset first = imported(path);
        const Dataset again = imported(path);
        QCOMPARE(again.id, first.id);
        QCOMPARE(again.version, 1);

        write(u"golden.jsonl"_s, "{\"query\": \"a\"}\n{\"query\": \"b\"}\n");
        const Dataset second = imported(path);
        QVERIFY(second.id != first.id);
        QCOMPARE(second.version, 2);
        QCOMPARE(second.itemCount, 2);
        QVERIFY(second.contentHash != first.contentHash);

        const Dataset renamed = imported(path, u"other"_s);
        QCOMPARE(renamed.name, u"other"_s);
        QCOMPARE(renamed.version, 1);

        auto datasets = DatasetRepository(*m_workspace).list();
        QVERIFY(datasets);
        QCOMPARE(datasets.value().size(), 3);
        QCOMPARE(itemsOf(first).size(), 1);
    }

    // A line over the limit is skipped with its number and length, never held whole; the lines around
    // it, a pretty-printed value cut by it and the file's hash are as if it were any other bad line.
    void aLineOverTheLimitIsSkippedWithItsNumberAndLength_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<int>("skippedLine");
        QTest::addColumn<int>("items");

        const QByteArray huge = "{\"query\": \"" + QByteArray(5000, 'x') + "\"}";
        QTest::newRow("JSONL") << "{\"query\": \"a\"}\n" + huge + "\n{\"query\": \"b\"}\n" << u"jsonl"_s << 2 << 2;
        QTest::newRow("JSONL, CR LF, last line") << "{\"query\": \"a\"}\r\n" + huge + "\r\n" << u"jsonl"_s << 2 << 1;
        QTest::newRow("inside a pretty-printed value")
            << "{\n  \"query\": \"a\",\n  \"response\": \"" + QByteArray(5000, 'y') + "\"\n}\n{\"query\": \"b\"}\n"
            << u"jsonl"_s << 3 << 1;
        QTest::newRow("CSV") << "question,reference\na,b\n" + QByteArray(5000, 'z') + ",c\nd,e\n" << u"csv"_s << 3 << 2;
    }

    void aLineOverTheLimitIsSkippedWithItsNumberAndLength()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, suffix);
        const QString path = write(u"long."_s + suffix, bytes);
        auto dataset = DatasetImporter::import(*m_workspace, path, {}, 1000);
        QVERIFY2(dataset, qPrintable(dataset ? QString() : dataset.error().describe()));
        QTEST(int(dataset.value().itemCount), "items");
        QFETCH(int, skippedLine);
        const auto over = std::find_if(
            dataset.value().skipped.cbegin(), dataset.value().skipped.cend(),
            [](const SkippedLine &line) { return line.reason.contains(u"over the limit of 1000 bytes"_s); });
        QVERIFY2(over != dataset.value().skipped.cend(), "no line named as over the limit");
        QCOMPARE(over->line, skippedLine);
        QVERIFY2(over->reason.startsWith(u"the line is 50"_s), qPrintable(over->reason));
        QCOMPARE(dataset.value().contentHash,
                 QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));

        // Without a limit the same file reads every line.
        auto unlimited = DatasetImporter::import(*m_workspace, path, u"unlimited"_s, 0);
        QVERIFY(unlimited);
        QVERIFY(std::none_of(unlimited.value().skipped.cbegin(), unlimited.value().skipped.cend(),
                             [](const SkippedLine &line) { return line.reason.contains(u"limit"_s); }));
    }

    void formatIsSniffedWithoutAKnownExtension()
    {
        QCOMPARE(imported(write(u"data.txt"_s, "  \n{\"query\": \"json\"}\n")).itemCount, 1);
        const Dataset csv = imported(write(u"table.dat"_s, "query,reference\nwhat,that\n"));
        QCOMPARE(itemsOf(csv).first().reference, u"that"_s);
    }

    void largeFileImportsAndLoads()
    {
        constexpr int count = 100000;
        QByteArray bytes;
        bytes.reserve(count * 220);
        for (int index = 0; index < count; ++index) {
            const QJsonObject object{
                {u"user_input"_s, u"Question number %1: what does the policy say about case %1?"_s.arg(index)},
                {u"retrieved_contexts"_s, QJsonArray{u"Context A for %1."_s.arg(index), u"Context B."_s}},
                {u"response"_s, u"The policy says %1."_s.arg(index)},
                {u"reference"_s, u"Reference %1."_s.arg(index)}};
            bytes += QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
        }
        const QString path = write(u"large.jsonl"_s, bytes);

        QElapsedTimer timer;
        timer.start();
        const Dataset dataset = imported(path);
        const qint64 importMs = timer.restart();
        QCOMPARE(dataset.itemCount, count);

        auto items = DatasetRepository(*m_workspace).items(dataset.id, 0, -1);
        const qint64 loadMs = timer.restart();
        QVERIFY(items);
        QCOMPARE(items.value().size(), count);
        QCOMPARE(items.value().last().index, count - 1);
        QCOMPARE(items.value().last().line, count);
        QCOMPARE(items.value().last().contexts.size(), 2);

        auto page = DatasetRepository(*m_workspace).items(dataset.id, 50000, 100);
        QVERIFY(page);
        QCOMPARE(page.value().size(), 100);
        QCOMPARE(page.value().first().index, 50000);
        auto single = DatasetRepository(*m_workspace).item(dataset.id, 99999);
        const qint64 pageMs = timer.elapsed();
        QVERIFY(single && single.value());
        QCOMPARE(single.value()->reference, u"Reference 99999."_s);

        qInfo("100,000-line JSONL (%.1f MB): import %lld ms, load all items %lld ms, page + item %lld ms",
              double(bytes.size()) / 1e6, importMs, loadMs, pageMs);
    }
};

QTEST_GUILESS_MAIN(TestDatasetImporter)
#include "tst_datasetimporter.moc"
