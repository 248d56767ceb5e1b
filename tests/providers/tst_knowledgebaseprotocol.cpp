// Bedrock Agent Runtime without a network: what RetrieveAndGenerate and Retrieve requests carry, the
// service's 1000-character limit, and how their answers become text, passages and citations.

#include "core/knowledgebase/knowledgebaseprotocol.h"
#include "core/knowledgebase/retrievalprotocol.h"
#include "core/providers/chatrequest.h"
#include "core/providers/chatresult.h"
#include "core/providers/providerconfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString modelArn = u"arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"_s;
const QDateTime signingTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);

ProviderConfig knowledgeBaseConfig()
{
    ProviderConfig config;
    config.kind = ProviderConfig::Kind::KnowledgeBase;
    config.model = modelArn;
    config.region = u"us-east-1"_s;
    config.aws.accessKeyId = u"AKIDEXAMPLE"_s;
    config.aws.secretAccessKey = u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s;
    config.knowledgeBase.id = u"KB12345678"_s;
    config.knowledgeBase.modelArn = modelArn;
    return config;
}

QJsonObject parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

QJsonObject reference(const QString &uri, const QString &text)
{
    return {{"content"_L1, QJsonObject{{"text"_L1, text}, {"type"_L1, "TEXT"_L1}}},
            {"location"_L1, QJsonObject{{"type"_L1, "S3"_L1}, {"s3Location"_L1, QJsonObject{{"uri"_L1, uri}}}}},
            {"metadata"_L1, QJsonObject{{"x-amz-bedrock-kb-source-uri"_L1, uri}}}};
}

QJsonObject citation(const QString &text, const QJsonValue &start, const QJsonValue &end, const QJsonArray &references)
{
    return {
        {"generatedResponsePart"_L1,
         QJsonObject{{"textResponsePart"_L1,
                      QJsonObject{{"text"_L1, text}, {"span"_L1, QJsonObject{{"start"_L1, start}, {"end"_L1, end}}}}}}},
        {"retrievedReferences"_L1, references}};
}

QByteArray answer(const QString &text, const QJsonArray &citations, const QJsonObject &extra = {})
{
    QJsonObject object{{"output"_L1, QJsonObject{{"text"_L1, text}}},
                       {"citations"_L1, citations},
                       {"sessionId"_L1, "3f1c2d9e-7a41-4f0e-9d55-0c8f2b1e6a77"_L1}};
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        object.insert(it.key(), it.value());
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

const QString vacation = u"Northwind Tools employees receive 25 days of paid vacation per calendar year."_s;
const QString carryOver = u"Up to 5 unused vacation days may be carried over into the next year."_s;

} // namespace

class TestKnowledgeBaseProtocol : public QObject
{
    Q_OBJECT

private slots:
    void bodyCarriesTheKnowledgeBaseModelAndRetrieval();
    void bodyCarriesGuardrailAndSessionOnlyWhenSet();
    void endpointIsTheAgentRuntimes();
    void inputUpToTheServiceLimitIsSent();
    void inputOverTheServiceLimitIsRefused();
    void missingSettingsAreUsageErrors();
    void spansBecomeOffsetsWithAnExclusiveEnd();
    void spansAreClampedToTheText_data();
    void spansAreClampedToTheText();
    void spansCountUtf16CodeUnits();
    void passagesAreSharedAcrossCitations();
    void guardrailActionIsReadWhenAGuardrailIsSet();
    void malformedAnswersAreServiceErrors_data();
    void malformedAnswersAreServiceErrors();

    void retrieveBodyAndEndpoint();
    void retrievePagesAddUpAndTheTokenIsPassedOn();
    void retrieveLastPageClearsTheToken();
    void malformedRetrieveAnswersAreServiceErrors_data();
    void malformedRetrieveAnswersAreServiceErrors();
};

void TestKnowledgeBaseProtocol::bodyCarriesTheKnowledgeBaseModelAndRetrieval()
{
    ProviderConfig config = knowledgeBaseConfig();
    config.knowledgeBase.results = 7;
    config.knowledgeBase.searchType = u"hybrid"_s;
    ChatRequest request;
    request.messages = {{u"user"_s, u"How many vacation days?"_s},
                        {u"assistant"_s, u"25."_s},
                        {u"user"_s, u"Can I carry them over?"_s}};
    request.parameters.maxTokens = 300;
    request.parameters.temperature = 0.2;
    request.stream = false;
    const QJsonObject body = parse(KnowledgeBaseProtocol(config, request).requestBody());
    QCOMPARE(body.value("input"_L1).toObject().value("text"_L1).toString(), u"Can I carry them over?"_s);
    const QJsonObject configuration = body.value("retrieveAndGenerateConfiguration"_L1).toObject();
    QCOMPARE(configuration.value("type"_L1).toString(), u"KNOWLEDGE_BASE"_s);
    const QJsonObject knowledgeBase = configuration.value("knowledgeBaseConfiguration"_L1).toObject();
    QCOMPARE(knowledgeBase.value("knowledgeBaseId"_L1).toString(), u"KB12345678"_s);
    QCOMPARE(knowledgeBase.value("modelArn"_L1).toString(), modelArn);
    const QJsonObject vector
        = knowledgeBase.value("retrievalConfiguration"_L1).toObject().value("vectorSearchConfiguration"_L1).toObject();
    QCOMPARE(vector.value("numberOfResults"_L1).toInt(), 7);
    QCOMPARE(vector.value("overrideSearchType"_L1).toString(), u"HYBRID"_s);
    const QJsonObject text = knowledgeBase.value("generationConfiguration"_L1)
                                 .toObject()
                                 .value("inferenceConfig"_L1)
                                 .toObject()
                                 .value("textInferenceConfig"_L1)
                                 .toObject();
    QCOMPARE(text.value("maxTokens"_L1).toInt(), 300);
    QCOMPARE(text.value("temperature"_L1).toDouble(), 0.2);
    QVERIFY(!text.contains("topP"_L1));
}

void TestKnowledgeBaseProtocol::bodyCarriesGuardrailAndSessionOnlyWhenSet()
{
    ChatRequest request = ChatRequest::fromPrompt(u"How many vacation days?"_s);
    const QJsonObject plain = parse(KnowledgeBaseProtocol(knowledgeBaseConfig(), request).requestBody());
    QVERIFY(!plain.contains("sessionId"_L1));
    const QJsonObject plainKnowledgeBase = plain.value("retrieveAndGenerateConfiguration"_L1)
                                               .toObject()
                                               .value("knowledgeBaseConfiguration"_L1)
                                               .toObject();
    QVERIFY(!plainKnowledgeBase.value("generationConfiguration"_L1).toObject().contains("guardrailConfiguration"_L1));
    QVERIFY(!plainKnowledgeBase.value("retrievalConfiguration"_L1)
                 .toObject()
                 .value("vectorSearchConfiguration"_L1)
                 .toObject()
                 .contains("overrideSearchType"_L1));

    ProviderConfig config = knowledgeBaseConfig();
    config.guardrail = GuardrailSetting::parse(u"gr1abc2def3g:DRAFT"_s).value();
    request.sessionId = u"3f1c2d9e-7a41-4f0e-9d55-0c8f2b1e6a77"_s;
    const QJsonObject body = parse(KnowledgeBaseProtocol(config, request).requestBody());
    QCOMPARE(body.value("sessionId"_L1).toString(), request.sessionId);
    const QJsonObject guardrail = body.value("retrieveAndGenerateConfiguration"_L1)
                                      .toObject()
                                      .value("knowledgeBaseConfiguration"_L1)
                                      .toObject()
                                      .value("generationConfiguration"_L1)
                                      .toObject()
                                      .value("guardrailConfiguration"_L1)
                                      .toObject();
    // RetrieveAndGenerate spells it guardrailId, not Converse's guardrailIdentifier.
    QCOMPARE(guardrail, (QJsonObject{{"guardrailId"_L1, "gr1abc2def3g"_L1}, {"guardrailVersion"_L1, "DRAFT"_L1}}));
}

void TestKnowledgeBaseProtocol::endpointIsTheAgentRuntimes()
{
    const ChatRequest request = ChatRequest::fromPrompt(u"Hi"_s);
    ProviderConfig config = knowledgeBaseConfig();
    QCOMPARE(KnowledgeBaseProtocol(config, request).endpoint().toEncoded(),
             "https://bedrock-agent-runtime.us-east-1.amazonaws.com/retrieveAndGenerate"_ba);
    config.endpointUrl = QUrl(u"http://127.0.0.1:8081"_s);
    QCOMPARE(KnowledgeBaseProtocol(config, request).endpoint().toEncoded(),
             "http://127.0.0.1:8081/retrieveAndGenerate"_ba);
}

void TestKnowledgeBaseProtocol::inputUpToTheServiceLimitIsSent()
{
    const KnowledgeBaseProtocol protocol(
        knowledgeBaseConfig(), ChatRequest::fromPrompt(QString(KnowledgeBaseProtocol::maxInputCharacters, u'a')));
    const Result<ChatProtocol::Outgoing> outgoing = protocol.prepareAt(signingTime);
    QVERIFY2(outgoing, qPrintable(outgoing ? QString() : outgoing.error().message));
    QCOMPARE(outgoing.value().body, protocol.requestBody());
    QVERIFY(outgoing.value().request.rawHeader("Authorization").contains("/us-east-1/bedrock/aws4_request"));
}

void TestKnowledgeBaseProtocol::inputOverTheServiceLimitIsRefused()
{
    const KnowledgeBaseProtocol protocol(knowledgeBaseConfig(), ChatRequest::fromPrompt(QString(1001, u'a')));
    const Result<ChatProtocol::Outgoing> outgoing = protocol.prepareAt(signingTime);
    QVERIFY(!outgoing);
    QCOMPARE(outgoing.error().kind, Error::Kind::Input);
    QVERIFY2(outgoing.error().message.contains(u"1001"_s) && outgoing.error().message.contains(u"1000"_s),
             qPrintable(outgoing.error().message));

    const Result<ChatProtocol::Outgoing> empty
        = KnowledgeBaseProtocol(knowledgeBaseConfig(), ChatRequest::fromPrompt(u"  "_s)).prepareAt(signingTime);
    QVERIFY(!empty);
    QCOMPARE(empty.error().kind, Error::Kind::Input);
}

void TestKnowledgeBaseProtocol::missingSettingsAreUsageErrors()
{
    const ChatRequest request = ChatRequest::fromPrompt(u"How many vacation days?"_s);
    ProviderConfig noId = knowledgeBaseConfig();
    noId.knowledgeBase.id.clear();
    const Result<ChatProtocol::Outgoing> withoutId = KnowledgeBaseProtocol(noId, request).prepareAt(signingTime);
    QVERIFY(!withoutId);
    QCOMPARE(withoutId.error().kind, Error::Kind::Usage);
    QVERIFY2(withoutId.error().message.contains(u"--knowledge-base"_s), qPrintable(withoutId.error().message));
    ProviderConfig noModel = knowledgeBaseConfig();
    noModel.knowledgeBase.modelArn.clear();
    const Result<ChatProtocol::Outgoing> withoutModel = KnowledgeBaseProtocol(noModel, request).prepareAt(signingTime);
    QVERIFY(!withoutModel);
    QCOMPARE(withoutModel.error().kind, Error::Kind::Usage);
    QVERIFY2(withoutModel.error().message.contains(u"--model-arn"_s), qPrintable(withoutModel.error().message));
}

void TestKnowledgeBaseProtocol::spansBecomeOffsetsWithAnExclusiveEnd()
{
    const QString text = vacation + u' ' + carryOver;
    const qsizetype second = vacation.size() + 1;
    // As the service sends them: each span ends on its sentence's last character.
    const QByteArray body
        = answer(text,
                 {citation(vacation, 0, vacation.size() - 1, {reference(u"s3://kb/hr/vacation.txt"_s, vacation)}),
                  citation(carryOver, second, text.size() - 1, {reference(u"s3://kb/hr/vacation.txt"_s, carryOver)})});
    ChatResult result;
    const Status done = KnowledgeBaseProtocol(knowledgeBaseConfig(), ChatRequest::fromPrompt(u"Vacation?"_s))
                            .takeAnswer(body, result);
    QVERIFY2(done, qPrintable(done ? QString() : done.error().message));
    QCOMPARE(result.text, text);
    QCOMPARE(result.sessionId, u"3f1c2d9e-7a41-4f0e-9d55-0c8f2b1e6a77"_s);
    QCOMPARE(result.stopReason, u"end_turn"_s);
    QVERIFY(!result.guardrail);
    QCOMPARE(result.citations.size(), 2);
    QCOMPARE(result.citations[0].start, 0);
    QCOMPARE(result.citations[0].end, vacation.size());
    QCOMPARE(result.citations[1].start, second);
    QCOMPARE(result.citations[1].end, text.size());
    for (const Citation &cited : std::as_const(result.citations))
        QCOMPARE(text.mid(cited.start, cited.end - cited.start), cited.text);
}

void TestKnowledgeBaseProtocol::spansAreClampedToTheText_data()
{
    QTest::addColumn<QJsonValue>("start");
    QTest::addColumn<QJsonValue>("end");
    QTest::addColumn<qsizetype>("expectedStart");
    QTest::addColumn<qsizetype>("expectedEnd");
    const qsizetype length = vacation.size();
    QTest::newRow("end past the text") << QJsonValue(10) << QJsonValue(500) << qsizetype(10) << length;
    QTest::newRow("start past the text") << QJsonValue(500) << QJsonValue(600) << length << length;
    QTest::newRow("negative start") << QJsonValue(-5) << QJsonValue(3) << qsizetype(0) << qsizetype(4);
    QTest::newRow("end before start") << QJsonValue(20) << QJsonValue(5) << qsizetype(20) << qsizetype(20);
    QTest::newRow("no span") << QJsonValue(QJsonValue::Undefined) << QJsonValue(QJsonValue::Undefined) << qsizetype(0)
                             << qsizetype(0);
    QTest::newRow("end the largest integer")
        << QJsonValue(0) << QJsonValue(std::numeric_limits<qint64>::max()) << qsizetype(0) << length;
}

void TestKnowledgeBaseProtocol::spansAreClampedToTheText()
{
    QFETCH(QJsonValue, start);
    QFETCH(QJsonValue, end);
    QFETCH(qsizetype, expectedStart);
    QFETCH(qsizetype, expectedEnd);
    QJsonObject span;
    if (!start.isUndefined())
        span.insert("start"_L1, start);
    if (!end.isUndefined())
        span.insert("end"_L1, end);
    const QJsonObject entry{
        {"generatedResponsePart"_L1,
         QJsonObject{{"textResponsePart"_L1, QJsonObject{{"text"_L1, vacation}, {"span"_L1, span}}}}},
        {"retrievedReferences"_L1, QJsonArray{reference(u"s3://kb/hr/vacation.txt"_s, vacation)}}};
    ChatResult result;
    QVERIFY(KnowledgeBaseProtocol(knowledgeBaseConfig(), ChatRequest::fromPrompt(u"Vacation?"_s))
                .takeAnswer(answer(vacation, {entry}), result));
    QCOMPARE(result.citations.size(), 1);
    QCOMPARE(result.citations[0].start, expectedStart);
    QCOMPARE(result.citations[0].end, expectedEnd);
}

void TestKnowledgeBaseProtocol::spansCountUtf16CodeUnits()
{
    // The service counts UTF-16 code units, as QString does: 🚀 is two of them.
    const QString first = u"Grüße aus 東京 🚀."_s;
    const QString text = first + u" Zweiter Satz."_s;
    const QByteArray body = answer(text,
                                   {citation(first, 0, first.size() - 1, {reference(u"s3://kb/a"_s, first)}),
                                    citation(u"Zweiter Satz."_s, first.size() + 1, text.size() - 1,
                                             {reference(u"s3://kb/b"_s, u"Zweiter Satz."_s)})});
    ChatResult result;
    QVERIFY(KnowledgeBaseProtocol(knowledgeBaseConfig(), ChatRequest::fromPrompt(u"?"_s)).takeAnswer(body, result));
    QCOMPARE(result.citations.size(), 2);
    QCOMPARE(text.mid(result.citations[0].start, result.citations[0].end - result.citations[0].start), first);
    QCOMPARE(text.mid(result.citations[1].start, result.citations[1].end - result.citations[1].start),
             u"Zweiter Satz."_s);
}

void TestKnowledgeBaseProtocol::passagesAreSharedAcrossCitations()
{
    const QString text = vacation + u' ' + carryOver;
    const QJsonObject policy = reference(u"s3://kb/hr/vacation.txt"_s, vacation);
    const QJsonObject carry = reference(u"s3://kb/hr/vacation.txt"_s, carryOver); // same document, other passage
    const QJsonObject leave = reference(u"s3://kb/hr/leave.txt"_s, vacation); // same text, other document
    const QByteArray body = answer(text,
                                   {citation(vacation, 0, vacation.size() - 1, {policy}),
                                    citation(carryOver, vacation.size() + 1, text.size() - 1, {carry, policy, leave})});
    ChatResult result;
    QVERIFY(
        KnowledgeBaseProtocol(knowledgeBaseConfig(), ChatRequest::fromPrompt(u"Vacation?"_s)).takeAnswer(body, result));
    QCOMPARE(result.passages.size(), 3);
    QCOMPARE(result.passages[0].uri, u"s3://kb/hr/vacation.txt"_s);
    QCOMPARE(result.passages[0].text, vacation);
    QCOMPARE(result.passages[0].locationType, u"S3"_s);
    QCOMPARE(result.passages[0].metadata.value("x-amz-bedrock-kb-source-uri"_L1).toString(),
             u"s3://kb/hr/vacation.txt"_s);
    QCOMPARE(result.passages[1].text, carryOver);
    QCOMPARE(result.passages[2].uri, u"s3://kb/hr/leave.txt"_s);
    QCOMPARE(result.citations[0].passages, QList<int>{0});
    QCOMPARE(result.citations[1].passages, (QList<int>{1, 0, 2}));
}

void TestKnowledgeBaseProtocol::guardrailActionIsReadWhenAGuardrailIsSet()
{
    const QByteArray blocked
        = answer(u"Sorry, the model cannot answer this question."_s, {}, {{"guardrailAction"_L1, "INTERVENED"_L1}});
    ProviderConfig guarded = knowledgeBaseConfig();
    guarded.guardrail = GuardrailSetting::parse(u"gr1abc2def3g:1"_s).value();
    ChatResult result;
    QVERIFY(KnowledgeBaseProtocol(guarded, ChatRequest::fromPrompt(u"Should I invest?"_s)).takeAnswer(blocked, result));
    QVERIFY(result.guardrail);
    QVERIFY(result.guardrail->intervened);
    QCOMPARE(result.stopReason, u"guardrail_intervened"_s);
    QVERIFY(result.citations.isEmpty());
    QVERIFY(result.passages.isEmpty());

    ChatResult clean;
    QVERIFY(KnowledgeBaseProtocol(guarded, ChatRequest::fromPrompt(u"Vacation?"_s))
                .takeAnswer(answer(vacation, {}, {{"guardrailAction"_L1, "NONE"_L1}}), clean));
    QVERIFY(clean.guardrail);
    QVERIFY(!clean.guardrail->intervened);
    QCOMPARE(clean.stopReason, u"end_turn"_s);

    ChatResult unguarded;
    QVERIFY(KnowledgeBaseProtocol(knowledgeBaseConfig(), ChatRequest::fromPrompt(u"Should I invest?"_s))
                .takeAnswer(blocked, unguarded));
    QVERIFY(!unguarded.guardrail);
}

void TestKnowledgeBaseProtocol::malformedAnswersAreServiceErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("named");
    QTest::newRow("not JSON") << "<html>502 Bad Gateway</html>"_ba << u"RetrieveAndGenerate"_s;
    QTest::newRow("a list") << "[]"_ba << u"RetrieveAndGenerate"_s;
    QTest::newRow("no output") << "{\"citations\": []}"_ba << u"output text"_s;
    QTest::newRow("output text a number") << "{\"output\": {\"text\": 5}}"_ba << u"output text"_s;
    QTest::newRow("citations an object") << "{\"output\": {\"text\": \"a\"}, \"citations\": {}}"_ba << u"citations"_s;
}

void TestKnowledgeBaseProtocol::malformedAnswersAreServiceErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, named);
    ChatResult result;
    const Status done
        = KnowledgeBaseProtocol(knowledgeBaseConfig(), ChatRequest::fromPrompt(u"?"_s)).takeAnswer(body, result);
    QVERIFY(!done);
    QCOMPARE(done.error().kind, Error::Kind::Service);
    QVERIFY2(done.error().message.contains(named), qPrintable(done.error().message));
}

void TestKnowledgeBaseProtocol::retrieveBodyAndEndpoint()
{
    ProviderConfig config = knowledgeBaseConfig();
    config.knowledgeBase.results = 5;
    config.knowledgeBase.searchType = u"semantic"_s;
    const RetrievalProtocol first(config, u"vacation days"_s, {}, nullptr);
    const QJsonObject body = parse(first.requestBody());
    QCOMPARE(body.value("retrievalQuery"_L1).toObject().value("text"_L1).toString(), u"vacation days"_s);
    const QJsonObject vector
        = body.value("retrievalConfiguration"_L1).toObject().value("vectorSearchConfiguration"_L1).toObject();
    QCOMPARE(vector.value("numberOfResults"_L1).toInt(), 5);
    QCOMPARE(vector.value("overrideSearchType"_L1).toString(), u"SEMANTIC"_s);
    QVERIFY(!body.contains("nextToken"_L1));
    QCOMPARE(first.endpoint().toEncoded(),
             "https://bedrock-agent-runtime.us-east-1.amazonaws.com/knowledgebases/KB12345678/retrieve"_ba);
    const RetrievalProtocol next(config, u"vacation days"_s, u"eyJvIjoyfQ=="_s, nullptr);
    QCOMPARE(parse(next.requestBody()).value("nextToken"_L1).toString(), u"eyJvIjoyfQ=="_s);

    const Result<ChatProtocol::Outgoing> tooLong
        = RetrievalProtocol(config, QString(1001, u'q'), {}, nullptr).prepareAt(signingTime);
    QVERIFY(!tooLong);
    QCOMPARE(tooLong.error().kind, Error::Kind::Input);
}

void TestKnowledgeBaseProtocol::retrievePagesAddUpAndTheTokenIsPassedOn()
{
    auto token = std::make_shared<QString>();
    const RetrievalProtocol protocol(knowledgeBaseConfig(), u"vacation"_s, {}, token);
    QJsonObject scored = reference(u"s3://kb/hr/vacation.txt"_s, vacation);
    scored.insert("score"_L1, 1.0);
    QJsonObject web{
        {"content"_L1, QJsonObject{{"text"_L1, carryOver}}},
        {"location"_L1,
         QJsonObject{{"type"_L1, "WEB"_L1}, {"webLocation"_L1, QJsonObject{{"url"_L1, "https://example.com/hr"_L1}}}}},
        {"score"_L1, 0.4321}};
    const QJsonObject page{{"retrievalResults"_L1, QJsonArray{scored, web}}, {"nextToken"_L1, "page-2"_L1}};
    ChatResult result;
    result.passages << RetrievedPassage{u"from an earlier page"_s, u"S3"_s, u"s3://kb/earlier"_s, 0.9, {}};
    const Status done = protocol.takeAnswer(QJsonDocument(page).toJson(), result);
    QVERIFY2(done, qPrintable(done ? QString() : done.error().message));
    QCOMPARE(*token, u"page-2"_s);
    QCOMPARE(result.passages.size(), 3);
    QCOMPARE(result.passages[0].text, u"from an earlier page"_s);
    QCOMPARE(result.passages[1].uri, u"s3://kb/hr/vacation.txt"_s);
    QCOMPARE(result.passages[1].score, 1.0);
    QCOMPARE(result.passages[2].locationType, u"WEB"_s);
    QCOMPARE(result.passages[2].uri, u"https://example.com/hr"_s);
    QCOMPARE(result.passages[2].score, 0.4321);
    QCOMPARE(result.stopReason, u"retrieved"_s);
}

void TestKnowledgeBaseProtocol::retrieveLastPageClearsTheToken()
{
    auto token = std::make_shared<QString>(u"page-2"_s);
    const RetrievalProtocol protocol(knowledgeBaseConfig(), u"vacation"_s, u"page-2"_s, token);
    ChatResult result;
    QVERIFY(protocol.takeAnswer("{\"retrievalResults\": []}", result));
    QVERIFY(token->isEmpty());
    QVERIFY(result.passages.isEmpty());
    // Without somewhere to put the token the page still reads.
    QVERIFY(RetrievalProtocol(knowledgeBaseConfig(), u"vacation"_s, {}, nullptr)
                .takeAnswer("{\"retrievalResults\": [], \"nextToken\": \"t\"}", result));
}

void TestKnowledgeBaseProtocol::malformedRetrieveAnswersAreServiceErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("named");
    QTest::newRow("not JSON") << "Service Unavailable"_ba << u"Retrieve"_s;
    QTest::newRow("no results") << "{\"nextToken\": \"t\"}"_ba << u"retrievalResults"_s;
    QTest::newRow("results an object") << "{\"retrievalResults\": {}}"_ba << u"retrievalResults"_s;
    QTest::newRow("a result a string") << "{\"retrievalResults\": [\"passage\"]}"_ba << u"not an object"_s;
}

void TestKnowledgeBaseProtocol::malformedRetrieveAnswersAreServiceErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, named);
    auto token = std::make_shared<QString>(u"before"_s);
    ChatResult result;
    const Status done = RetrievalProtocol(knowledgeBaseConfig(), u"q"_s, {}, token).takeAnswer(body, result);
    QVERIFY(!done);
    QCOMPARE(done.error().kind, Error::Kind::Service);
    QVERIFY2(done.error().message.contains(named), qPrintable(done.error().message));
    QCOMPARE(*token, u"before"_s); // a broken page does not move the paging on
}

QTEST_GUILESS_MAIN(TestKnowledgeBaseProtocol)
#include "tst_knowledgebaseprotocol.moc"
