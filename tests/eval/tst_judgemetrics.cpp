#include "core/eval/judgemetrics.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

// Judge prompts and the reading of judge answers: flaky judges wrap JSON in fences and prose, or
// answer something else entirely; none of that may turn into a number.
class TestJudgeMetrics : public QObject
{
    Q_OBJECT

private slots:
    void extractsJson_data();
    void extractsJson();
    void rejectsAnswersWithoutJson_data();
    void rejectsAnswersWithoutJson();
    void statements();
    void zeroStatementsIsAnError_data();
    void zeroStatementsIsAnError();
    void faithfulnessIsSupportedOverTotalWithReasons();
    void badVerdicts_data();
    void badVerdicts();
    void relevance();
    void badRelevance_data();
    void badRelevance();
    void promptsFillPlaceholders();
    void customPromptWithUnknownPlaceholderFails();
};

void TestJudgeMetrics::extractsJson_data()
{
    QTest::addColumn<QString>("answer");
    QTest::newRow("bare") << uR"({"score": 0.5, "explanation": "x"})"_s;
    QTest::newRow("fenced") << u"Sure!\n```json\n{\"score\": 0.5, \"explanation\": \"x\"}\n```\nHope it helps."_s;
    QTest::newRow("fence without language") << u"```\n{\"score\": 0.5, \"explanation\": \"x\"}\n```"_s;
    QTest::newRow("prose around") << u"Here is my rating: {\"score\": 0.5, \"explanation\": \"x\"} — done."_s;
    QTest::newRow("braces in prose first") << u"I use {curly} words. {\"score\": 0.5, \"explanation\": \"x\"}"_s;
    QTest::newRow("braces inside strings") << uR"({"score": 0.5, "explanation": "a } and a { and \" quote"})"_s;
    QTest::newRow("thinking skipped")
        << u"<think>maybe {\"score\": 0.1}</think>{\"score\": 0.5, \"explanation\": \"x\"}"_s;
    QTest::newRow("unclosed brace before") << u"{ oops {\"score\": 0.5, \"explanation\": \"x\"}"_s;
}

void TestJudgeMetrics::extractsJson()
{
    QFETCH(QString, answer);
    const Result<QJsonObject> object = JudgeMetrics::extractJsonObject(answer);
    QVERIFY2(object.ok(), qPrintable(object.ok() ? QString() : object.error().describe()));
    QCOMPARE(object.value().value("score"_L1).toDouble(), 0.5);
    const Result<MetricScore> relevance = JudgeMetrics::parseRelevance(answer);
    QVERIFY(relevance.ok());
    QCOMPARE(*relevance.value().value, 0.5);
}

void TestJudgeMetrics::rejectsAnswersWithoutJson_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QString() << u"empty"_s;
    QTest::newRow("prose") << u"The response is quite relevant, I'd say 8/10."_s << u"no JSON object found"_s;
    QTest::newRow("broken") << u"```json\n{\"score\": 0.5, \"explanation\": }\n```"_s << u"malformed JSON"_s;
    QTest::newRow("array") << u"[0.5]"_s << u"no JSON object found"_s;
}

void TestJudgeMetrics::rejectsAnswersWithoutJson()
{
    QFETCH(QString, answer);
    QFETCH(QString, expected);
    const Result<QJsonObject> object = JudgeMetrics::extractJsonObject(answer);
    QVERIFY(!object.ok());
    QCOMPARE(object.error().kind, Error::Kind::Service);
    QVERIFY2(object.error().message.startsWith(u"the judge's answer was not the JSON asked for: "_s),
             qPrintable(object.error().message));
    QVERIFY2(object.error().message.contains(expected), qPrintable(object.error().message));
}

void TestJudgeMetrics::statements()
{
    const Result<QStringList> statements = JudgeMetrics::parseStatements(
        u"```json\n{\"statements\": [\"Paris is the capital of France.\", \"  \", {\"statement\": \"It has 2 million people.\"}]}\n```"_s);
    QVERIFY(statements.ok());
    QCOMPARE(statements.value(), (QStringList{u"Paris is the capital of France."_s, u"It has 2 million people."_s}));

    const Result<QStringList> wrongType = JudgeMetrics::parseStatements(uR"({"statements": "Paris"})"_s);
    QVERIFY(!wrongType.ok());
    QVERIFY(wrongType.error().message.contains(u"\"statements\" is not a list"_s));
}

void TestJudgeMetrics::zeroStatementsIsAnError_data()
{
    QTest::addColumn<QString>("answer");
    QTest::newRow("empty list") << uR"({"statements": []})"_s;
    QTest::newRow("blank statements") << uR"({"statements": ["", "   "]})"_s;
}

void TestJudgeMetrics::zeroStatementsIsAnError()
{
    QFETCH(QString, answer);
    const Result<QStringList> statements = JudgeMetrics::parseStatements(answer);
    QVERIFY(!statements.ok());
    QCOMPARE(statements.error().kind, Error::Kind::Service);
    QVERIFY(statements.error().message.contains(u"no statements could be extracted"_s));
    // Nor may an empty statement list reach the score as 0/0.
    const Result<MetricScore> score = JudgeMetrics::parseVerdicts(uR"({"verdicts": []})"_s, {});
    QVERIFY(!score.ok());
    QVERIFY(score.error().message.contains(u"no statements could be extracted"_s));
}

void TestJudgeMetrics::faithfulnessIsSupportedOverTotalWithReasons()
{
    const QStringList statements{u"A"_s, u"B"_s, u"C"_s, u"D"_s};
    const QString answer = uR"(Verdicts follow.
{"verdicts": [
  {"statement": "A", "verdict": 1, "reason": "context 1 says so"},
  {"statement": "B", "verdict": 0, "reason": "not mentioned"},
  {"statement": "C", "verdict": true, "reason": "context 2"},
  {"verdict": "yes", "reason": "context 3"}
]})"_s;
    const Result<MetricScore> score = JudgeMetrics::parseVerdicts(answer, statements);
    QVERIFY2(score.ok(), qPrintable(score.ok() ? QString() : score.error().describe()));
    QCOMPARE(score.value().metric, Metrics::faithfulness);
    QCOMPARE(*score.value().value, 0.75);
    QCOMPARE(score.value().explanation, u"3 of 4 statements are supported by the contexts"_s);
    QCOMPARE(score.value().details.size(), 4);
    const QJsonObject second = score.value().details[1].toObject();
    QCOMPARE(second.value("statement"_L1).toString(), u"B"_s);
    QCOMPARE(second.value("verdict"_L1).toInt(), 0);
    QCOMPARE(second.value("reason"_L1).toString(), u"not mentioned"_s);
    // A verdict without its statement is filed under the statement it stands for.
    QCOMPARE(score.value().details[3].toObject().value("statement"_L1).toString(), u"D"_s);
}

void TestJudgeMetrics::badVerdicts_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing verdict") << uR"({"verdicts": [{"statement": "A", "verdict": 1, "reason": ""}]})"_s
                                     << u"1 verdicts for 2 statements"_s;
    QTest::newRow("half verdict") << uR"({"verdicts": [{"verdict": 0.5}, {"verdict": 1}]})"_s
                                  << u"verdict 1 is not 0 or 1"_s;
    QTest::newRow("not objects") << uR"({"verdicts": [1, 0]})"_s << u"verdict 1 is not 0 or 1"_s;
    QTest::newRow("reason a number") << uR"({"verdicts": [{"verdict": 1, "reason": 3}, {"verdict": 1}]})"_s
                                     << u"reason of verdict 1"_s;
    QTest::newRow("no list") << uR"({"verdict": 1})"_s << u"\"verdicts\" is not a list"_s;
}

void TestJudgeMetrics::badVerdicts()
{
    QFETCH(QString, answer);
    QFETCH(QString, expected);
    const Result<MetricScore> score = JudgeMetrics::parseVerdicts(answer, {u"A"_s, u"B"_s});
    QVERIFY(!score.ok());
    QCOMPARE(score.error().kind, Error::Kind::Service);
    QVERIFY2(score.error().message.contains(expected), qPrintable(score.error().message));
}

void TestJudgeMetrics::relevance()
{
    const Result<MetricScore> score
        = JudgeMetrics::parseRelevance(uR"({"score": 1, "explanation": "  Answers it directly. "})"_s);
    QVERIFY(score.ok());
    QCOMPARE(score.value().metric, Metrics::relevance);
    QCOMPARE(*score.value().value, 1.0);
    QCOMPARE(score.value().explanation, u"Answers it directly."_s);
    QVERIFY(score.value().error.isEmpty());
}

void TestJudgeMetrics::badRelevance_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("expected");
    QTest::newRow("out of range high") << uR"({"score": 8, "explanation": "good"})"_s << u"score 8 is outside 0…1"_s;
    QTest::newRow("out of range low") << uR"({"score": -0.1, "explanation": "bad"})"_s << u"outside 0…1"_s;
    QTest::newRow("score as text") << uR"({"score": "0.8", "explanation": "good"})"_s << u"\"score\" is not a number"_s;
    QTest::newRow("no explanation") << uR"({"score": 0.8})"_s << u"\"explanation\" is not text"_s;
}

void TestJudgeMetrics::badRelevance()
{
    QFETCH(QString, answer);
    QFETCH(QString, expected);
    const Result<MetricScore> score = JudgeMetrics::parseRelevance(answer);
    QVERIFY(!score.ok());
    QVERIFY2(score.error().message.contains(expected), qPrintable(score.error().message));
    QVERIFY2(score.error().message.contains(answer.simplified().left(20)), qPrintable(score.error().message));
}

void TestJudgeMetrics::promptsFillPlaceholders()
{
    EvalItem item;
    item.question = u"What is the capital of France?"_s;
    item.contexts = {u"Paris is the capital of France."_s, u"France is in Europe."_s};
    const QString response = u"Paris, a city of {{ two }} million."_s;

    const Result<QString> step1 = JudgeMetrics::statementsPrompt({}, item, response);
    QVERIFY(step1.ok());
    QVERIFY(step1.value().contains(item.question));
    QVERIFY(step1.value().contains(response)); // a value is never expanded again
    QVERIFY(step1.value().contains(u"{\"statements\": [\"first statement\""_s));

    const Result<QString> step2
        = JudgeMetrics::verdictsPrompt({}, item, response, {u"Paris is the capital."_s, u"It is big."_s});
    QVERIFY(step2.ok());
    QVERIFY(step2.value().contains(u"[1] Paris is the capital of France.\n\n[2] France is in Europe."_s));
    QVERIFY(step2.value().contains(u"1. Paris is the capital.\n2. It is big."_s));

    const Result<QString> custom
        = JudgeMetrics::relevancePrompt(u"Q={{question}} R={{ response }}"_s, item, u"Paris"_s);
    QVERIFY(custom.ok());
    QCOMPARE(custom.value(), u"Q=What is the capital of France? R=Paris"_s);
}

void TestJudgeMetrics::customPromptWithUnknownPlaceholderFails()
{
    const Result<QString> prompt = JudgeMetrics::relevancePrompt(u"{{question}} {{answer}}"_s, EvalItem{}, u"x"_s);
    QVERIFY(!prompt.ok());
    QVERIFY(prompt.error().message.contains(u"answer"_s));
}

QTEST_GUILESS_MAIN(TestJudgeMetrics)
#include "tst_judgemetrics.moc"
