#include "common/engineundertest.h"
#include "core/eval/bedrockoutputimporter.h"
#include "core/eval/datasetrepository.h"
#include "core/eval/evalrunrepository.h"
#include "core/storage/workspace.h"
#include "core/workspaceschema.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Verbatim the sample output record of seed 004_05 ("Sample Evaluation Output Structure"). Its one
// apostrophe is spelled \x27 because moc takes a ' inside a raw string for a character literal.
const QByteArray seedSample = R"({
    "input": {
        "query": "What is the return policy for electronics?",
        "expected_response": "Our return policy for electronics allows returns within 30 days of purchase, provided the item is in its original packaging and condition with proof of purchase. Some exclusions apply, please check our website for details."
    },
    "output": {
        "retrieved_documents": [
            {"text": "Returns for electronics are accepted within 30 days. Item must be in original condition and packaging. Proof of purchase required."},
            {"text": "For full details on returns, visit our website)"
                              "\x27"
                              R"(s FAQ section. Some items are non-returnable."}
        ],
        "generated_response": "For electronics, you can return items within 30 days of purchase if they are in their original packaging and condition with proof of purchase. Certain exclusions may apply."
    },
    "metrics": {
        "faithfulness": {
            "score": 0.95,
            "explanation": "The generated response accurately reflects the information found in the retrieved documents regarding the return policy for electronics."
        },
        "relevance": {
            "score": 0.98,
            "explanation": "The generated response directly answers the query about the return policy for electronics and is highly relevant."
        }
    },
    "status": "COMPLETED"
}
)";

const QByteArray failedSample = R"({
  "input": {"query": "Can I return a used phone?"},
  "output": {"retrieved_documents": [], "generated_response": ""},
  "metrics": {},
  "status": "FAILED"
})";

} // namespace

class TestBedrockOutputImporter : public QObject
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

    ImportedRun imported(const QString &path, const QString &name = {})
    {
        auto run = BedrockOutputImporter::import(*m_workspace, path, name);
        if (!run)
            qFatal("import failed: %s", qPrintable(run.error().describe()));
        return run.value();
    }

    QList<ItemResult> resultsOf(const EvalRun &run)
    {
        return EvalRunRepository(*m_workspace).results(run.id, 0, -1).value();
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

    void seedSampleImportsPrettyPrinted()
    {
        // Two pretty-printed records, the second failed, with a blank line between them.
        const ImportedRun run = imported(write(u"output.jsonl"_s, seedSample + "\n" + failedSample + "\n"));
        QVERIFY(run.skipped.isEmpty());
        QCOMPARE(run.run.status, EvalRun::Status::Imported);
        QCOMPARE(run.run.model, u"bedrock"_s);
        QCOMPARE(run.run.name, u"output"_s);
        QCOMPARE(run.run.itemCount, 2);
        QCOMPARE(run.run.completed, 2);
        QCOMPARE(run.run.failed, 1);
        QVERIFY(!run.run.finishedAt.isEmpty());
        QCOMPARE(run.run.settings.metrics, (QStringList{u"faithfulness"_s, u"relevance"_s}));
        QCOMPARE(run.dataset.itemCount, 2);
        QCOMPARE(run.dataset.withResponses, 1);

        const EvalItem item = DatasetRepository(*m_workspace).item(run.dataset.id, 0).value().value();
        QCOMPARE(item.line, 1);
        QCOMPARE(item.question, u"What is the return policy for electronics?"_s);
        QVERIFY(item.reference.startsWith(u"Our return policy for electronics allows returns within 30 days"_s));
        QCOMPARE(item.contexts.size(), 2);
        QVERIFY(item.contexts.at(1).startsWith(u"For full details on returns"_s));
        QVERIFY(item.response.startsWith(u"For electronics, you can return items"_s));
        QCOMPARE(DatasetRepository(*m_workspace).item(run.dataset.id, 1).value()->line, 26); // after the blank line 25

        const QList<ItemResult> results = resultsOf(run.run);
        QCOMPARE(results.size(), 2);
        QVERIFY(results.at(0).ok);
        QCOMPARE(results.at(0).response, item.response);
        QCOMPARE(results.at(0).score(u"faithfulness"_s)->value, 0.95);
        QVERIFY(results.at(0).score(u"faithfulness"_s)->explanation.startsWith(u"The generated response accurately"_s));
        QCOMPARE(results.at(0).score(u"relevance"_s)->value, 0.98);
        QVERIFY(!results.at(1).ok);
        QCOMPARE(results.at(1).error, u"FAILED"_s);
        QCOMPARE(EvalRunRepository(*m_workspace).metricValues(run.run.id, u"relevance"_s).value(), QList<double>{0.98});
    }

    void seedFileSampleMatches()
    {
        QFile seed(QStringLiteral(GENAIOPS_SHARED_DIR)
                   + u"/seeds/004_05_how-to-evaluate-rag-applications-with-amazon-bedrock-knowled.txt"_s);
        if (!seed.open(QIODevice::ReadOnly))
            QSKIP("seed 004_05 is not available here");
        const QByteArray text = seed.readAll();
        const qsizetype heading = text.indexOf("Sample Evaluation Output Structure");
        QVERIFY(heading > 0);
        const qsizetype start = text.indexOf("```", heading) + 4;
        const qsizetype end = text.indexOf("```", start);
        QCOMPARE(text.mid(start, end - start).trimmed(), seedSample.trimmed());
    }

    void ragLinesWithStatusesAndMissingScores()
    {
        const ImportedRun run = imported(
            write(
                u"kb-eval.jsonl"_s,
                R"({"input": {"query": "q1", "expected_response": "r1"}, "output": {"retrieved_documents": [{"text": "c1"}], "generated_response": "a1"}, "metrics": {"faithfulness": {"score": 1.0, "explanation": "supported"}, "relevance": {"score": null}}, "status": "COMPLETED", "knowledgeBaseId": "KB1"})"
                "\n"
                R"({"input": {"query": "q2"}, "output": {"generated_response": "a2"}, "metrics": {}, "status": "COMPLETED"})"
                "\n"
                R"({"input": {"query": "q3"}, "output": {}, "status": "FAILED", "errorMessage": "ThrottlingException"})"
                "\n"),
            u"kb run"_s);
        QCOMPARE(run.run.name, u"kb run"_s);
        QCOMPARE(run.dataset.name, u"kb run"_s);
        const QList<ItemResult> results = resultsOf(run.run);
        QCOMPARE(results.size(), 3);
        QVERIFY(results.at(0).ok);
        QCOMPARE(results.at(0).score(u"relevance"_s)->error, u"no score"_s);
        QVERIFY(!results.at(0).score(u"relevance"_s)->value);
        QVERIFY(!results.at(1).ok);
        QCOMPARE(results.at(1).error, u"no score"_s);
        QCOMPARE(results.at(2).error, u"FAILED: ThrottlingException"_s);
        QCOMPARE(run.run.failed, 2);
        const EvalItem first = DatasetRepository(*m_workspace).item(run.dataset.id, 0).value().value();
        QCOMPARE(first.reference, u"r1"_s);
        QCOMPARE(first.contexts, QStringList{u"c1"_s});
        QCOMPARE(first.extra.value(u"knowledgeBaseId"_s).toString(), u"KB1"_s);
    }

    // Found by fuzz_bedrock_output: a score of 5 or -1 was stored as it came and skewed the means.
    void scoreOutsideZeroToOneIsAnErrorNotAValue()
    {
        const ImportedRun run = imported(write(
            u"out-of-range.jsonl"_s,
            R"({"input": {"query": "q1"}, "output": {"generated_response": "a1"}, "metrics": {"faithfulness": {"score": 5}, "relevance": {"score": -0.5}, "correctness": {"score": 1}}, "status": "COMPLETED"})"
            "\n"));
        const QList<ItemResult> results = resultsOf(run.run);
        QCOMPARE(results.size(), 1);
        QVERIFY(!results.at(0).score(u"faithfulness"_s)->value);
        QCOMPARE(results.at(0).score(u"faithfulness"_s)->error, u"the score 5 is outside 0…1"_s);
        QVERIFY(!results.at(0).score(u"relevance"_s)->value);
        QCOMPARE(results.at(0).score(u"correctness"_s)->value, 1.0);
    }

    void modelEvaluationRecords()
    {
        const ImportedRun run = imported(write(
            u"model-eval.jsonl"_s,
            R"({"automatedEvaluationResult": {"scores": [{"metricName": "Builtin.Correctness", "result": 1, "evaluatorDetails": [{"modelIdentifier": "anthropic.claude-3-5-sonnet", "explanation": "matches the reference"}]}, {"metricName": "Builtin.Faithfulness", "result": 0.5}, {"metricName": "Builtin.FollowingInstructions", "result": 0.75}]}, "inputRecord": {"prompt": "What is 2+2?", "referenceResponse": "4", "category": "math"}, "modelResponses": [{"response": "4", "modelIdentifier": "amazon.nova-micro-v1:0"}]})"
            "\n"
            R"({"automatedEvaluationResult": {"scores": [{"metricName": "Builtin.Correctness", "result": null}]}, "inputRecord": {"prompt": "Capital of France?"}, "modelResponses": [{"response": "", "modelIdentifier": "amazon.nova-micro-v1:0"}]})"
            "\n"));
        QCOMPARE(run.run.model, u"amazon.nova-micro-v1:0"_s);
        QCOMPARE(run.run.judgeModel, u"anthropic.claude-3-5-sonnet"_s);
        QCOMPARE(run.run.settings.metrics,
                 (QStringList{u"correctness"_s, u"faithfulness"_s, u"following_instructions"_s}));
        const QList<ItemResult> results = resultsOf(run.run);
        QCOMPARE(results.size(), 2);
        QVERIFY(results.at(0).ok);
        QCOMPARE(results.at(0).score(u"correctness"_s)->value, 1.0);
        QCOMPARE(results.at(0).score(u"correctness"_s)->explanation, u"matches the reference"_s);
        QCOMPARE(results.at(0).score(u"faithfulness"_s)->value, 0.5);
        QVERIFY(!results.at(1).ok);
        QCOMPARE(results.at(1).error, u"no score"_s);
        const EvalItem item = DatasetRepository(*m_workspace).item(run.dataset.id, 0).value().value();
        QCOMPARE(item.question, u"What is 2+2?"_s);
        QCOMPARE(item.reference, u"4"_s);
        QCOMPARE(item.response, u"4"_s);
        QCOMPARE(item.extra, (QJsonObject{{u"category"_s, u"math"_s}}));
    }

    void metricNames()
    {
        QCOMPARE(BedrockOutputImporter::metricName(u"Builtin.Correctness"_s), u"correctness"_s);
        QCOMPARE(BedrockOutputImporter::metricName(u"Builtin.ContextCoverage"_s), u"context_coverage"_s);
        QCOMPARE(BedrockOutputImporter::metricName(u"faithfulness"_s), u"faithfulness"_s);
        QCOMPARE(BedrockOutputImporter::metricName(u"relevance"_s), u"relevance"_s);
    }

    void badLinesAreSkippedWithTheirNumbers()
    {
        const ImportedRun run
            = imported(write(u"mixed.jsonl"_s,
                             "not json\n"
                             "{\"input\": {\"query\": \"q\"}, \"metrics\": {\"faithfulness\": {\"score\": 0.5}}}\n"
                             "{\"something\": \"else\"}\n"
                             "{\"input\": {}, \"metrics\": {}}\n"
                             "[]\n"));
        QCOMPARE(run.run.completed, 1);
        QCOMPARE(run.skipped.size(), 4);
        QCOMPARE(run.skipped.at(0).line, 1);
        QVERIFY(run.skipped.at(0).reason.startsWith(u"not valid JSON"_s));
        QCOMPARE(run.skipped.at(1).line, 3);
        QVERIFY(run.skipped.at(1).reason.startsWith(u"not a Bedrock evaluation record"_s));
        QCOMPARE(run.skipped.at(2).line, 4);
        QCOMPARE(run.skipped.at(2).reason, u"no question (expected input.query)"_s);
        QCOMPARE(run.skipped.at(3).line, 5);
        QCOMPARE(run.skipped.at(3).reason, u"not a JSON object"_s);
    }

    void reimportReturnsTheSameRun()
    {
        const QString path = write(u"output.jsonl"_s, seedSample);
        const ImportedRun first = imported(path);
        const ImportedRun again = imported(path);
        QCOMPARE(again.run.id, first.run.id);
        QCOMPARE(again.dataset.id, first.dataset.id);
        QCOMPARE(EvalRunRepository(*m_workspace).list().value().size(), 1);
    }

    void emptyOrUselessFilesAreErrors()
    {
        const QString empty = write(u"empty.jsonl"_s, "");
        auto run = BedrockOutputImporter::import(*m_workspace, empty);
        QVERIFY(!run);
        QCOMPARE(run.error().kind, Error::Kind::Input);
        QCOMPARE(run.error().where, empty);
        const QString useless = write(u"useless.jsonl"_s, "{\"a\": 1}\n");
        run = BedrockOutputImporter::import(*m_workspace, useless);
        QVERIFY(!run);
        QVERIFY(run.error().message.contains(u"line 1"_s));
        QVERIFY(EvalRunRepository(*m_workspace).list().value().isEmpty());
        QVERIFY(DatasetRepository(*m_workspace).list().value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBedrockOutputImporter)
#include "tst_bedrockoutputimporter.moc"
