#include "common/chatcallrecorder.h"
#include "common/testserver.h"
#include "core/providers/bedrockprotocol.h"
#include "core/providers/chatcall.h"
#include "core/providers/chatprovider.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString Region = u"eu-central-1"_s;
const QString AccessKey = u"AKIDPROVIDERTEST"_s;
const QString SecretKey = u"providerTestSecretKey/0123456789abcdefABCDEF"_s;
const QString SessionAccessKey = u"ASIAPROVIDERTEST"_s;
const QString SessionSecretKey = u"sessionSecretKey/0123456789abcdefABCDEF"_s;
const QString SessionToken = u"FwoGZXIvYXdzEXAMPLEsessionTOKEN+/=="_s;
const QString HaikuModel = u"anthropic.claude-3-haiku-20240307-v1:0"_s;

} // namespace

// The Bedrock Runtime provider against tests/servers/bedrock_server.py, which verifies every SigV4
// signature as AWS does and writes event-stream frames cut at awkward places.
class TestBedrockProvider : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void endpointKeepsTheModelIdEncoded();
    void answers_data();
    void answers();
    void sendsTheRequestTheServiceExpects();
    void modelIdWithColonIsEncodedAndSigned_data();
    void modelIdWithColonIsEncodedAndSigned();
    void nonAsciiRoundTrip_data();
    void nonAsciiRoundTrip();
    void sessionToken();
    void wrongSecretIsAnAuthErrorWithTheServiceMessage();
    void unknownAccessKeyIsAnAuthError();
    void errorTypeSuffixIsStripped();
    void validationErrorIsAServiceError();
    void stopSequenceAndMaxTokens_data();
    void stopSequenceAndMaxTokens();
    void truncatedAnswerIsAnError_data();
    void truncatedAnswerIsAnError();
    void corruptStreamIsAnError_data();
    void corruptStreamIsAnError();
    void exceptionInStreamAfterTextIsNotRetried_data();
    void exceptionInStreamAfterTextIsNotRetried();
    void slowFirstByteTimesOut();
    void cancelMidStreamStopsEverything();

private:
    ProviderConfig makeConfig(const QList<QPair<QByteArray, QByteArray>> &headers = {}) const;
    std::unique_ptr<ChatCallRecorder> run(const ProviderConfig &config, const ChatRequest &request);

    QNetworkAccessManager m_network;
    std::unique_ptr<TestServer> m_server;
};

void TestBedrockProvider::initTestCase()
{
    const QString sessionCredential = SessionAccessKey + u':' + SessionSecretKey + u':' + SessionToken;
    m_server
        = std::make_unique<TestServer>(u"bedrock_server.py"_s,
                                       QStringList{u"--region"_s, Region, u"--access-key"_s, AccessKey,
                                                   u"--secret-key"_s, SecretKey, u"--credential"_s, sessionCredential});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void TestBedrockProvider::init()
{
    QVERIFY(m_server->reset());
}

ProviderConfig TestBedrockProvider::makeConfig(const QList<QPair<QByteArray, QByteArray>> &headers) const
{
    ProviderConfig config;
    config.kind = ProviderConfig::Kind::Bedrock;
    config.model = HaikuModel;
    config.region = Region;
    config.endpointUrl = m_server->url();
    config.aws = {AccessKey, SecretKey, {}};
    config.extraHeaders = headers;
    config.firstByteTimeoutMs = 10000;
    config.idleTimeoutMs = 10000;
    config.totalTimeoutMs = 20000;
    config.retry.baseDelayMs = 10;
    return config;
}

std::unique_ptr<ChatCallRecorder> TestBedrockProvider::run(const ProviderConfig &config, const ChatRequest &request)
{
    const auto provider = ChatProvider::create(config, &m_network);
    ChatCall *call = provider->start(request, this);
    auto recorder = std::make_unique<ChatCallRecorder>(call);
    recorder->waitForFinished();
    call->deleteLater();
    return recorder;
}

void TestBedrockProvider::endpointKeepsTheModelIdEncoded()
{
    ProviderConfig config = makeConfig();
    config.endpointUrl = QUrl();
    config.region = u"us-west-2"_s;
    ChatRequest request = ChatRequest::fromPrompt(u"Hi"_s);
    const BedrockProtocol streaming(config, request);
    QCOMPARE(
        streaming.endpoint().toEncoded(),
        "https://bedrock-runtime.us-west-2.amazonaws.com/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse-stream"_ba);
    request.stream = false;
    config.endpointUrl = QUrl(u"http://127.0.0.1:8080/proxy/"_s);
    const BedrockProtocol converse(config, request);
    QCOMPARE(converse.endpoint().toEncoded(),
             "http://127.0.0.1:8080/proxy/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse"_ba);
}

void TestBedrockProvider::answers_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("streaming") << true;
    QTest::newRow("not streaming") << false;
}

void TestBedrockProvider::answers()
{
    QFETCH(bool, stream);
    ChatRequest request = ChatRequest::fromPrompt(u"Hello there, world"_s, u"Be brief."_s);
    request.stream = stream;
    const auto recorder = run(makeConfig(), request);

    QVERIFY2(recorder->succeeded(), qPrintable(recorder->error().describe()));
    const ChatResult result = recorder->result();
    QCOMPARE(result.text, u"Echo: Hello there, world"_s);
    QCOMPARE(result.provider, u"bedrock"_s);
    QCOMPARE(result.model, HaikuModel);
    QCOMPARE(result.stopReason, u"end_turn"_s);
    QCOMPARE(result.inputTokens, 5);
    QCOMPARE(result.outputTokens, 4);
    QVERIFY(result.serviceLatencyMs >= 0);
    QCOMPARE(result.attempts, 1);
    QVERIFY(result.latencyMs >= result.ttftMs && result.ttftMs >= 0);
    if (stream) {
        QCOMPARE(recorder->deltas().size(), 4);
        QCOMPARE(recorder->text(), result.text);
    } else {
        QVERIFY(recorder->deltas().isEmpty());
        QCOMPARE(result.ttftMs, result.latencyMs);
    }
    const QJsonObject logged = m_server->lastRequest();
    QCOMPARE(logged.value("verdict"_L1).toString(), u"ok"_s);
    QCOMPARE(logged.value("operation"_L1).toString(), stream ? u"ConverseStream"_s : u"Converse"_s);
}

void TestBedrockProvider::sendsTheRequestTheServiceExpects()
{
    ChatRequest request = ChatRequest::fromPrompt(u"Hi"_s, u"System words"_s);
    request.messages.append({u"assistant"_s, u"Hello"_s});
    request.messages.append({u"user"_s, u"Again"_s});
    request.parameters.maxTokens = 64;
    request.parameters.temperature = 0.25;
    request.parameters.topP = 0.5;
    request.parameters.stopSequences = {u"END"_s};
    const auto recorder = run(makeConfig({{"X-Test-Key", "signed-too"}}), request);
    QVERIFY2(recorder->succeeded(), qPrintable(recorder->error().describe()));
    QCOMPARE(recorder->result().text, u"Echo: Again"_s);

    const QJsonObject logged = m_server->lastRequest();
    const QJsonObject body = QJsonDocument::fromJson(logged.value("body"_L1).toString().toUtf8()).object();
    const QJsonArray expectedSystem{QJsonObject{{"text"_L1, u"System words"_s}}};
    QCOMPARE(body.value("system"_L1).toArray(), expectedSystem);
    QCOMPARE(body.value("messages"_L1).toArray().size(), 3);
    const QJsonObject inference = body.value("inferenceConfig"_L1).toObject();
    QCOMPARE(inference.value("maxTokens"_L1).toInt(), 64);
    QCOMPARE(inference.value("temperature"_L1).toDouble(), 0.25);
    QCOMPARE(inference.value("topP"_L1).toDouble(), 0.5);
    QCOMPARE(inference.value("stopSequences"_L1).toArray(), QJsonArray{u"END"_s});
    // Extra headers are signed with the rest, so a gateway checking signatures accepts them.
    const QString authorization = logged.value("headers"_L1).toObject().value("authorization"_L1).toString();
    QVERIFY2(authorization.contains("SignedHeaders=content-type;host;x-amz-date;x-test-key,"_L1),
             qPrintable(authorization));
    QVERIFY2(authorization.contains(u"/%1/bedrock/aws4_request"_s.arg(Region)), qPrintable(authorization));
}

void TestBedrockProvider::modelIdWithColonIsEncodedAndSigned_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("wirePath");
    QTest::newRow("with colon") << HaikuModel << u"/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse-stream"_s;
    QTest::newRow("without colon") << u"amazon.titan-text-express-v1"_s
                                   << u"/model/amazon.titan-text-express-v1/converse-stream"_s;
}

void TestBedrockProvider::modelIdWithColonIsEncodedAndSigned()
{
    QFETCH(QString, model);
    QFETCH(QString, wirePath);
    ProviderConfig config = makeConfig();
    config.model = model;
    const auto recorder = run(config, ChatRequest::fromPrompt(u"Hi"_s));
    QVERIFY2(recorder->succeeded(), qPrintable(recorder->error().describe()));

    const QJsonObject logged = m_server->lastRequest();
    QCOMPARE(logged.value("path"_L1).toString(), wirePath);
    QCOMPARE(logged.value("model_id"_L1).toString(), model);
    // SigV4 encodes each segment again: the signed path holds %253A where the wire has %3A.
    const QString canonical = logged.value("sigv4"_L1).toObject().value("canonical_request"_L1).toString();
    QVERIFY2(canonical.contains(QString(wirePath).replace(u"%3A"_s, u"%253A"_s)), qPrintable(canonical));
}

void TestBedrockProvider::nonAsciiRoundTrip_data()
{
    answers_data();
}

void TestBedrockProvider::nonAsciiRoundTrip()
{
    QFETCH(bool, stream);
    const QString prompt = u"Grüße, 東京 🚀"_s;
    ChatRequest request = ChatRequest::fromPrompt(prompt);
    request.stream = stream;
    const auto recorder = run(makeConfig(), request);
    QVERIFY2(recorder->succeeded(), qPrintable(recorder->error().describe()));
    QCOMPARE(recorder->result().text, "Echo: "_L1 + prompt);
    if (stream)
        QCOMPARE(recorder->text(), "Echo: "_L1 + prompt);
}

void TestBedrockProvider::sessionToken()
{
    ProviderConfig config = makeConfig();
    config.aws = {SessionAccessKey, SessionSecretKey, SessionToken};
    const auto recorder = run(config, ChatRequest::fromPrompt(u"Hi"_s));
    QVERIFY2(recorder->succeeded(), qPrintable(recorder->error().describe()));
    const QJsonObject headers = m_server->lastRequest().value("headers"_L1).toObject();
    QCOMPARE(headers.value("x-amz-security-token"_L1).toString(), SessionToken);
    QVERIFY(headers.value("authorization"_L1).toString().contains("x-amz-security-token"_L1));

    // The same keys without their token are refused, as AWS refuses them.
    config.aws.sessionToken.clear();
    const auto refused = run(config, ChatRequest::fromPrompt(u"Hi"_s));
    QCOMPARE(refused->error().kind, Error::Kind::Auth);
    QVERIFY2(refused->error().message.contains("UnrecognizedClientException"_L1), qPrintable(refused->error().message));
}

void TestBedrockProvider::wrongSecretIsAnAuthErrorWithTheServiceMessage()
{
    ProviderConfig config = makeConfig();
    config.aws.secretAccessKey = u"wrongSecretKeyThatMustNotLeak0123456789"_s;
    const auto recorder = run(config, ChatRequest::fromPrompt(u"Hi"_s));
    const Error error = recorder->error();
    QCOMPARE(error.kind, Error::Kind::Auth);
    QVERIFY2(error.message.contains("InvalidSignatureException (HTTP 403)"_L1), qPrintable(error.message));
    QVERIFY2(error.message.contains("The request signature we calculated does not match"_L1),
             qPrintable(error.message));
    QVERIFY(!error.describe().contains(config.aws.secretAccessKey));
    QCOMPARE(error.where,
             m_server->url(u"/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse-stream"_s).toString());
    QVERIFY(recorder->retries().isEmpty());
}

void TestBedrockProvider::unknownAccessKeyIsAnAuthError()
{
    ProviderConfig config = makeConfig();
    config.aws.accessKeyId = u"AKIDUNKNOWN"_s;
    const auto recorder = run(config, ChatRequest::fromPrompt(u"Hi"_s));
    QCOMPARE(recorder->error().kind, Error::Kind::Auth);
    QVERIFY2(recorder->error().message.contains("The security token included in the request is invalid"_L1),
             qPrintable(recorder->error().message));
}

void TestBedrockProvider::errorTypeSuffixIsStripped()
{
    TestServer real(u"bedrock_server.py"_s, {u"--error-type-suffix"_s, u"--skip-auth"_s});
    QVERIFY2(real.start(), qPrintable(real.errorString()));
    ProviderConfig config = makeConfig({{"X-Test-Fault", "access-denied"}});
    config.endpointUrl = real.url();
    const auto recorder = run(config, ChatRequest::fromPrompt(u"Hi"_s));
    const Error error = recorder->error();
    QCOMPARE(error.kind, Error::Kind::Auth);
    QVERIFY2(error.message.startsWith("Bedrock answered AccessDeniedException (HTTP 403): You don't have access"_L1),
             qPrintable(error.message));
    QVERIFY(!error.message.contains("internal.amazon.com"_L1));
}

void TestBedrockProvider::validationErrorIsAServiceError()
{
    ChatRequest request = ChatRequest::fromPrompt(u"Hi"_s);
    request.parameters.temperature = 1.5;
    const auto recorder = run(makeConfig(), request);
    QCOMPARE(recorder->error().kind, Error::Kind::Service);
    QVERIFY2(recorder->error().message.contains("ValidationException (HTTP 400)"_L1),
             qPrintable(recorder->error().message));
    QVERIFY2(recorder->error().message.contains("inferenceConfig.temperature"_L1),
             qPrintable(recorder->error().message));
}

void TestBedrockProvider::stopSequenceAndMaxTokens_data()
{
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QStringList>("stops");
    QTest::addColumn<int>("maxTokens");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("stopReason");
    QTest::addColumn<int>("outputTokens");
    for (const bool stream : {true, false}) {
        const char *mode = stream ? "streaming" : "not streaming";
        QTest::addRow("stop sequence, %s", mode)
            << stream << QStringList{u"gamma"_s} << 100 << u"Echo: alpha beta "_s << u"stop_sequence"_s << 3;
        QTest::addRow("max tokens, %s", mode)
            << stream << QStringList{} << 2 << u"Echo: alpha "_s << u"max_tokens"_s << 2;
    }
}

void TestBedrockProvider::stopSequenceAndMaxTokens()
{
    QFETCH(bool, stream);
    QFETCH(QStringList, stops);
    QFETCH(int, maxTokens);
    ChatRequest request = ChatRequest::fromPrompt(u"alpha beta gamma delta"_s);
    request.stream = stream;
    request.parameters.stopSequences = stops;
    request.parameters.maxTokens = maxTokens;
    const auto recorder = run(makeConfig(), request);
    QVERIFY2(recorder->succeeded(), qPrintable(recorder->error().describe()));
    QTEST(recorder->result().text, "text");
    QTEST(recorder->result().stopReason, "stopReason");
    QTEST(int(recorder->result().outputTokens), "outputTokens");
}

void TestBedrockProvider::truncatedAnswerIsAnError_data()
{
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QString>("expected");
    QTest::newRow("streaming") << true << u"the stream was cut off after"_s;
    QTest::newRow("not streaming") << false << u"the answer was cut off after"_s;
}

void TestBedrockProvider::truncatedAnswerIsAnError()
{
    QFETCH(bool, stream);
    QFETCH(QString, expected);
    ChatRequest request = ChatRequest::fromPrompt(u"one two three four five six seven eight"_s);
    request.stream = stream;
    const auto recorder = run(makeConfig({{"X-Test-Fault", "truncate"}}), request);
    QVERIFY(!recorder->succeeded());
    QCOMPARE(recorder->error().kind, Error::Kind::Network);
    QVERIFY2(recorder->error().message.startsWith(expected), qPrintable(recorder->error().message));
    if (stream) {
        QVERIFY(!recorder->text().isEmpty());
        QVERIFY2(recorder->error().message.contains(u"after %1 characters"_s.arg(recorder->text().size())),
                 qPrintable(recorder->error().message));
        QVERIFY2(recorder->error().message.contains("incomplete frame"_L1), qPrintable(recorder->error().message));
    }
    QVERIFY(recorder->retries().isEmpty());
}

void TestBedrockProvider::corruptStreamIsAnError_data()
{
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bad message checksum") << true << "malformed"_ba << u"message checksum mismatch"_s;
    QTest::newRow("broken JSON in a frame")
        << true << "malformed-json"_ba << u"contentBlockDelta payload is not valid JSON"_s;
    QTest::newRow("broken Converse body") << false << "malformed-json"_ba << u"malformed JSON in the Converse answer"_s;
}

void TestBedrockProvider::corruptStreamIsAnError()
{
    QFETCH(bool, stream);
    QFETCH(QByteArray, fault);
    QFETCH(QString, expected);
    ChatRequest request = ChatRequest::fromPrompt(u"one two three"_s);
    request.stream = stream;
    const auto recorder = run(makeConfig({{"X-Test-Fault", fault}}), request);
    QVERIFY(!recorder->succeeded());
    QCOMPARE(recorder->error().kind, Error::Kind::Service);
    QVERIFY2(recorder->error().message.contains(expected), qPrintable(recorder->error().message));
}

void TestBedrockProvider::exceptionInStreamAfterTextIsNotRetried_data()
{
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("throttling") << "throttle-stream"_ba << Error::Kind::Throttled << u"Bedrock throttlingException"_s;
    QTest::newRow("model stream error") << "model-stream-error"_ba << Error::Kind::Service
                                        << u"Bedrock modelStreamErrorException"_s;
}

void TestBedrockProvider::exceptionInStreamAfterTextIsNotRetried()
{
    QFETCH(QByteArray, fault);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, expected);
    const auto recorder = run(makeConfig({{"X-Test-Fault", fault}, {"X-Test-Fail-Count", "1"}}),
                              ChatRequest::fromPrompt(u"one two three"_s));
    // Text was already shown: a second answer would not continue it, so this is the call's error.
    QCOMPARE(recorder->text(), u"Echo: "_s);
    QCOMPARE(recorder->error().kind, kind);
    QVERIFY2(recorder->error().message.startsWith(expected), qPrintable(recorder->error().message));
    QVERIFY(recorder->retries().isEmpty());
    QCOMPARE(m_server->requests().size(), 1);
}

void TestBedrockProvider::slowFirstByteTimesOut()
{
    ProviderConfig config = makeConfig({{"X-Test-Fault", "slow-first-byte"}, {"X-Test-Delay-Ms", "2000"}});
    config.firstByteTimeoutMs = 150;
    QElapsedTimer clock;
    clock.start();
    const auto recorder = run(config, ChatRequest::fromPrompt(u"Hi"_s));
    QCOMPARE(recorder->error().kind, Error::Kind::Timeout);
    QVERIFY2(recorder->error().message.contains("first-byte timeout"_L1), qPrintable(recorder->error().message));
    QVERIFY(clock.elapsed() < 1500);
}

void TestBedrockProvider::cancelMidStreamStopsEverything()
{
    const auto provider = ChatProvider::create(makeConfig({{"X-Test-Token-Delay-Ms", "40"}}), &m_network);
    std::unique_ptr<ChatCall> call(provider->start(ChatRequest::fromPrompt(u"a b c d e f g h i j k l"_s)));
    ChatCallRecorder recorder(call.get());
    QVERIFY(recorder.waitForDelta());
    call->cancel();
    QCOMPARE(recorder.finishedCount(), 1);
    QCOMPARE(recorder.error().kind, Error::Kind::Cancelled);
    QSignalSpy anything(&recorder, &ChatCallRecorder::recorded);
    QVERIFY(!anything.wait(300));
    QCOMPARE(recorder.signalsAfterFinished(), 0);
    QTRY_COMPARE(m_server->lastRequest().value("verdict"_L1).toString(), u"aborted"_s);
}

QTEST_GUILESS_MAIN(TestBedrockProvider)
#include "tst_bedrockprovider.moc"
