#include "common/chatcallrecorder.h"
#include "common/testserver.h"
#include "core/providers/chatcall.h"
#include "core/providers/chatprovider.h"
#include "core/providers/sseparser.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString ApiKey = u"sk-test-0123456789abcdef"_s;

QList<QByteArray> feedInPieces(SseParser &parser, const QByteArray &bytes, qsizetype pieceSize)
{
    QList<QByteArray> events;
    for (qsizetype offset = 0; offset < bytes.size(); offset += pieceSize)
        events += parser.feed(QByteArrayView(bytes).sliced(offset, qMin(pieceSize, bytes.size() - offset)));
    return events;
}

} // namespace

// The OpenAI-compatible provider against tests/servers/openai_server.py, which checks requests as
// the real API does and cuts its streams at awkward places.
class TestOpenAiProvider : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void sseParserHandlesAnyChunking_data();
    void sseParserHandlesAnyChunking();
    void answers_data();
    void answers();
    void sendsTheRequestTheApiExpects();
    void nonAsciiRoundTrip_data();
    void nonAsciiRoundTrip();
    void sseCommentsAndSeparateFinishChunk();
    void stopSequenceAndMaxTokens_data();
    void stopSequenceAndMaxTokens();
    void wrongApiKeyIsAnAuthErrorWithTheServiceMessage();
    void noApiKeySendsNoAuthorization();
    void validationErrorIsAServiceError();
    void truncatedAnswerIsAnError_data();
    void truncatedAnswerIsAnError();
    void interruptedStreamNeverProducesUsage_data();
    void interruptedStreamNeverProducesUsage();
    void malformedJsonIsAnError_data();
    void malformedJsonIsAnError();
    void slowFirstByteTimesOut();
    void silentStreamHitsIdleTimeout();
    void cancelMidStreamStopsEverything();
    void deletingACallAbortsIt();
    void cancelBeforeTheFirstAttemptSendsNothing();
    void requestThatCannotBePreparedIsReportedFromTheEventLoop();
    void callOutlivesItsProvider();
    void networkErrors_data();
    void networkErrors();

private:
    ProviderConfig makeConfig(const QList<QPair<QByteArray, QByteArray>> &headers = {}) const;
    std::unique_ptr<ChatCallRecorder> run(const ProviderConfig &config, const ChatRequest &request);
    QJsonObject lastBody() const;

    QNetworkAccessManager m_network;
    std::unique_ptr<TestServer> m_server;
};

void TestOpenAiProvider::initTestCase()
{
    m_server = std::make_unique<TestServer>(u"openai_server.py"_s, QStringList{u"--api-key"_s, ApiKey});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void TestOpenAiProvider::init()
{
    QVERIFY(m_server->reset());
}

ProviderConfig TestOpenAiProvider::makeConfig(const QList<QPair<QByteArray, QByteArray>> &headers) const
{
    ProviderConfig config;
    config.kind = ProviderConfig::Kind::OpenAi;
    config.model = u"gpt-4o-mini"_s;
    config.baseUrl = m_server->url(u"/v1"_s);
    config.apiKey = ApiKey;
    config.extraHeaders = headers;
    config.firstByteTimeoutMs = 10000;
    config.idleTimeoutMs = 10000;
    config.totalTimeoutMs = 20000;
    config.retry.baseDelayMs = 10;
    return config;
}

std::unique_ptr<ChatCallRecorder> TestOpenAiProvider::run(const ProviderConfig &config, const ChatRequest &request)
{
    const auto provider = ChatProvider::create(config, &m_network);
    ChatCall *call = provider->start(request, this);
    auto recorder = std::make_unique<ChatCallRecorder>(call);
    recorder->waitForFinished();
    call->deleteLater();
    return recorder;
}

QJsonObject TestOpenAiProvider::lastBody() const
{
    return QJsonDocument::fromJson(m_server->lastRequest().value("body"_L1).toString().toUtf8()).object();
}

void TestOpenAiProvider::sseParserHandlesAnyChunking_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QList<QByteArray>>("expected");
    QTest::addColumn<bool>("partial");
    QTest::newRow("lf") << "data: {\"a\":1}\n\ndata: [DONE]\n\n"_ba << QList<QByteArray>{"{\"a\":1}", "[DONE]"}
                        << false;
    QTest::newRow("crlf") << "data: one\r\n\r\ndata: two\r\n\r\n"_ba << QList<QByteArray>{"one", "two"} << false;
    QTest::newRow("cr only") << "data: one\r\rdata: two\r\r"_ba << QList<QByteArray>{"one", "two"} << false;
    QTest::newRow("comments and other fields")
        << ": keep-alive\n\nevent: message\nid: 7\nretry: 100\ndata: x\n\n"_ba << QList<QByteArray>{"x"} << false;
    QTest::newRow("multiple data lines") << "data: first\ndata:second\n\n"_ba << QList<QByteArray>{"first\nsecond"}
                                         << false;
    QTest::newRow("utf-8 and bom") << "\xEF\xBB\xBF"
                                      "data: Gr\xC3\xBC\xC3\x9F"
                                      "e\n\n"_ba
                                   << QList<QByteArray>{"Gr\xC3\xBC\xC3\x9F"
                                                        "e"}
                                   << false;
    QTest::newRow("no blank line yet") << "data: pending\n"_ba << QList<QByteArray>{} << true;
}

void TestOpenAiProvider::sseParserHandlesAnyChunking()
{
    QFETCH(QByteArray, stream);
    QFETCH(QList<QByteArray>, expected);
    // Every split, down to one byte at a time, must give the same events.
    for (qsizetype pieceSize = 1; pieceSize <= stream.size(); ++pieceSize) {
        SseParser parser;
        QCOMPARE(feedInPieces(parser, stream, pieceSize), expected);
    }
    SseParser parser;
    parser.feed(stream);
    QTEST(parser.hasPartialEvent(), "partial");
}

void TestOpenAiProvider::answers_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("streaming") << true;
    QTest::newRow("not streaming") << false;
}

void TestOpenAiProvider::answers()
{
    QFETCH(bool, stream);
    ChatRequest request = ChatRequest::fromPrompt(u"Hello there, world"_s, u"Be brief."_s);
    request.stream = stream;
    // A delta is what one network read brought: words the server writes back to back can arrive in
    // one read on a busy machine. 40 ms between words keeps them apart, so one delta per word holds.
    const auto recorder = run(stream ? makeConfig({{"X-Test-Token-Delay-Ms", "40"}}) : makeConfig(), request);

    QVERIFY2(recorder->succeeded(), qPrintable(recorder->error().describe()));
    const ChatResult result = recorder->result();
    QCOMPARE(result.text, u"Echo: Hello there, world"_s);
    QCOMPARE(result.provider, u"openai"_s);
    QCOMPARE(result.model, u"gpt-4o-mini"_s);
    QCOMPARE(result.stopReason, u"end_turn"_s);
    QCOMPARE(result.inputTokens, 5); // "Be brief." and "Hello there, world"
    QCOMPARE(result.outputTokens, 4);
    QCOMPARE(result.attempts, 1);
    QVERIFY(result.ttftMs >= 0);
    QVERIFY(result.latencyMs >= result.ttftMs);
    QCOMPARE(recorder->finishedCount(), 1);
    if (stream) {
        QCOMPARE(recorder->deltas().size(), 4); // one per word
        QCOMPARE(recorder->text(), result.text);
    } else {
        QVERIFY(recorder->deltas().isEmpty());
        QCOMPARE(result.ttftMs, result.latencyMs);
    }
    QCOMPARE(m_server->lastRequest().value("verdict"_L1).toString(), u"ok"_s);
}

void TestOpenAiProvider::sendsTheRequestTheApiExpects()
{
    ChatRequest request = ChatRequest::fromPrompt(u"Hi"_s, u"System words"_s);
    request.messages.append({u"assistant"_s, u"Hello"_s});
    request.messages.append({u"user"_s, u"Again"_s});
    request.parameters.maxTokens = 64;
    request.parameters.temperature = 0.25;
    request.parameters.topP = 0.5;
    request.parameters.stopSequences = {u"END"_s};
    const auto recorder = run(makeConfig(), request);
    QVERIFY2(recorder->succeeded(), qPrintable(recorder->error().describe()));

    const QJsonObject logged = m_server->lastRequest();
    QCOMPARE(logged.value("path"_L1).toString(), u"/v1/chat/completions"_s);
    QCOMPARE(logged.value("headers"_L1).toObject().value("authorization"_L1).toString(), "Bearer "_L1 + ApiKey);
    const QJsonObject body = lastBody();
    QCOMPARE(body.value("model"_L1).toString(), u"gpt-4o-mini"_s);
    const QJsonArray messages = body.value("messages"_L1).toArray();
    QCOMPARE(messages.size(), 4);
    QCOMPARE(messages.at(0).toObject().value("role"_L1).toString(), u"system"_s);
    QCOMPARE(messages.at(0).toObject().value("content"_L1).toString(), u"System words"_s);
    QCOMPARE(messages.at(2).toObject().value("role"_L1).toString(), u"assistant"_s);
    QCOMPARE(body.value("max_tokens"_L1).toInt(), 64);
    QCOMPARE(body.value("temperature"_L1).toDouble(), 0.25);
    QCOMPARE(body.value("top_p"_L1).toDouble(), 0.5);
    QCOMPARE(body.value("stop"_L1).toArray(), QJsonArray{u"END"_s});
    QCOMPARE(body.value("stream"_L1).toBool(), true);
    QCOMPARE(body.value("stream_options"_L1).toObject().value("include_usage"_L1).toBool(), true);
    QCOMPARE(recorder->result().text, u"Echo: Again"_s);
}

void TestOpenAiProvider::nonAsciiRoundTrip_data()
{
    answers_data();
}

void TestOpenAiProvider::nonAsciiRoundTrip()
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
    const QJsonArray messages = lastBody().value("messages"_L1).toArray();
    QCOMPARE(messages.last().toObject().value("content"_L1).toString(), prompt);
}

void TestOpenAiProvider::sseCommentsAndSeparateFinishChunk()
{
    TestServer gateway(u"openai_server.py"_s, {u"--sse-comments"_s, u"--separate-finish-chunk"_s});
    QVERIFY2(gateway.start(), qPrintable(gateway.errorString()));
    ProviderConfig settings = makeConfig();
    settings.baseUrl = gateway.url(u"/gateway/v1/"_s);
    settings.apiKey.clear();
    ChatRequest request = ChatRequest::fromPrompt(u"one two three four five"_s);
    request.parameters.maxTokens = 3;
    const auto recorder = run(settings, request);
    QVERIFY2(recorder->succeeded(), qPrintable(recorder->error().describe()));
    QCOMPARE(recorder->result().text, u"Echo: one two "_s);
    QCOMPARE(recorder->result().stopReason, u"max_tokens"_s);
    QCOMPARE(recorder->result().outputTokens, 3);
    QCOMPARE(gateway.lastRequest().value("path"_L1).toString(), u"/gateway/v1/chat/completions"_s);
}

void TestOpenAiProvider::stopSequenceAndMaxTokens_data()
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
            << stream << QStringList{u"gamma"_s} << 100 << u"Echo: alpha beta "_s << u"end_turn"_s << 3;
        QTest::addRow("max tokens, %s", mode)
            << stream << QStringList{} << 2 << u"Echo: alpha "_s << u"max_tokens"_s << 2;
    }
}

void TestOpenAiProvider::stopSequenceAndMaxTokens()
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

void TestOpenAiProvider::wrongApiKeyIsAnAuthErrorWithTheServiceMessage()
{
    ProviderConfig settings = makeConfig();
    settings.apiKey = u"sk-wrong-key-that-must-not-leak"_s;
    const auto recorder = run(settings, ChatRequest::fromPrompt(u"Hi"_s));
    QVERIFY(!recorder->succeeded());
    const Error error = recorder->error();
    QCOMPARE(error.kind, Error::Kind::Auth);
    QVERIFY2(error.message.contains("Incorrect API key provided"_L1), qPrintable(error.message));
    QVERIFY2(error.message.contains("401"_L1), qPrintable(error.message));
    QVERIFY(!error.describe().contains(settings.apiKey));
    QCOMPARE(error.where, m_server->url(u"/v1/chat/completions"_s).toString());
    QVERIFY(recorder->retries().isEmpty());
}

void TestOpenAiProvider::noApiKeySendsNoAuthorization()
{
    ProviderConfig settings = makeConfig();
    settings.apiKey.clear();
    const auto recorder = run(settings, ChatRequest::fromPrompt(u"Hi"_s));
    QCOMPARE(recorder->error().kind, Error::Kind::Auth);
    QVERIFY2(recorder->error().message.contains("You didn't provide an API key"_L1),
             qPrintable(recorder->error().message));
    QVERIFY(!m_server->lastRequest().value("headers"_L1).toObject().contains("authorization"_L1));
}

void TestOpenAiProvider::validationErrorIsAServiceError()
{
    ChatRequest request = ChatRequest::fromPrompt(u"Hi"_s);
    request.parameters.temperature = 5.0;
    const auto recorder = run(makeConfig(), request);
    QCOMPARE(recorder->error().kind, Error::Kind::Service);
    QVERIFY2(recorder->error().message.contains("decimal above maximum value"_L1),
             qPrintable(recorder->error().message));
    QCOMPARE(m_server->requests().size(), 1);
}

void TestOpenAiProvider::truncatedAnswerIsAnError_data()
{
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QString>("expected");
    QTest::newRow("streaming") << true << u"the stream was cut off after"_s;
    QTest::newRow("not streaming") << false << u"the answer was cut off after"_s;
}

void TestOpenAiProvider::truncatedAnswerIsAnError()
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
        // Some text was shown, and the message counts exactly that much.
        QVERIFY(!recorder->text().isEmpty());
        QVERIFY(recorder->text().size() < u"Echo: one two three four five six seven eight"_s.size());
        QVERIFY2(recorder->error().message.contains(u"after %1 characters"_s.arg(recorder->text().size())),
                 qPrintable(recorder->error().message));
    }
    QVERIFY(recorder->retries().isEmpty());
}

void TestOpenAiProvider::interruptedStreamNeverProducesUsage_data()
{
    QTest::addColumn<bool>("cancel");
    QTest::newRow("cut off by the server") << false;
    QTest::newRow("cancelled by the user") << true;
}

void TestOpenAiProvider::interruptedStreamNeverProducesUsage()
{
    QFETCH(bool, cancel);
    const auto provider = ChatProvider::create(
        makeConfig({{"X-Test-Fault", cancel ? "none" : "truncate"}, {"X-Test-Token-Delay-Ms", cancel ? "30" : "0"}}),
        &m_network);
    std::unique_ptr<ChatCall> call(provider->start(ChatRequest::fromPrompt(u"a b c d e f g h i j"_s)));
    ChatCallRecorder recorder(call.get());
    QVERIFY(recorder.waitForDelta());
    if (cancel)
        call->cancel();
    QVERIFY(recorder.waitForFinished());
    // Only a completed stream carries usage, so no result (and no token count) may come out.
    QVERIFY(!recorder.succeeded());
    QCOMPARE(recorder.result().inputTokens, -1);
    QCOMPARE(recorder.result().outputTokens, -1);
    QCOMPARE(recorder.error().kind, cancel ? Error::Kind::Cancelled : Error::Kind::Network);
}

void TestOpenAiProvider::malformedJsonIsAnError_data()
{
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QString>("expected");
    QTest::newRow("streaming") << true << u"malformed JSON in stream chunk"_s;
    QTest::newRow("not streaming") << false << u"malformed JSON in the answer"_s;
}

void TestOpenAiProvider::malformedJsonIsAnError()
{
    QFETCH(bool, stream);
    QFETCH(QString, expected);
    ChatRequest request = ChatRequest::fromPrompt(u"one two three"_s);
    request.stream = stream;
    const auto recorder = run(makeConfig({{"X-Test-Fault", "malformed"}}), request);
    QVERIFY(!recorder->succeeded());
    QCOMPARE(recorder->error().kind, Error::Kind::Service);
    QVERIFY2(recorder->error().message.startsWith(expected), qPrintable(recorder->error().message));
    if (stream) // the broken chunk names itself
        QVERIFY2(recorder->error().message.contains("broken"_L1), qPrintable(recorder->error().message));
}

void TestOpenAiProvider::slowFirstByteTimesOut()
{
    ProviderConfig settings = makeConfig({{"X-Test-Fault", "slow-first-byte"}, {"X-Test-Delay-Ms", "2000"}});
    settings.firstByteTimeoutMs = 150;
    QElapsedTimer clock;
    clock.start();
    const auto recorder = run(settings, ChatRequest::fromPrompt(u"Hi"_s));
    QCOMPARE(recorder->error().kind, Error::Kind::Timeout);
    QVERIFY2(recorder->error().message.contains("first-byte timeout"_L1), qPrintable(recorder->error().message));
    QVERIFY(clock.elapsed() < 1500);
}

void TestOpenAiProvider::silentStreamHitsIdleTimeout()
{
    ProviderConfig settings = makeConfig({{"X-Test-Token-Delay-Ms", "1000"}});
    settings.idleTimeoutMs = 150;
    const auto recorder = run(settings, ChatRequest::fromPrompt(u"one two three"_s));
    QCOMPARE(recorder->error().kind, Error::Kind::Timeout);
    QVERIFY2(recorder->error().message.contains("idle timeout"_L1), qPrintable(recorder->error().message));
}

void TestOpenAiProvider::cancelMidStreamStopsEverything()
{
    const auto provider = ChatProvider::create(makeConfig({{"X-Test-Token-Delay-Ms", "40"}}), &m_network);
    std::unique_ptr<ChatCall> call(provider->start(ChatRequest::fromPrompt(u"a b c d e f g h i j k l"_s)));
    ChatCallRecorder recorder(call.get());
    QVERIFY(recorder.waitForDelta());
    call->cancel();
    QCOMPARE(recorder.finishedCount(), 1);
    QVERIFY(call->isFinished());
    QCOMPARE(recorder.error().kind, Error::Kind::Cancelled);
    call->cancel(); // a second cancel changes nothing

    // Nothing may follow finished(), even though the server still had tokens to send.
    QSignalSpy anything(&recorder, &ChatCallRecorder::recorded);
    QVERIFY(!anything.wait(300));
    QCOMPARE(recorder.signalsAfterFinished(), 0);
    QTRY_COMPARE(m_server->lastRequest().value("verdict"_L1).toString(), u"aborted"_s);
}

void TestOpenAiProvider::deletingACallAbortsIt()
{
    const auto provider = ChatProvider::create(makeConfig({{"X-Test-Token-Delay-Ms", "40"}}), &m_network);
    auto *call = provider->start(ChatRequest::fromPrompt(u"a b c d e f g h i j k l"_s));
    ChatCallRecorder recorder(call);
    QVERIFY(recorder.waitForDelta());
    delete call;
    QTRY_COMPARE(m_server->lastRequest().value("verdict"_L1).toString(), u"aborted"_s);
    QCOMPARE(recorder.finishedCount(), 0);
}

void TestOpenAiProvider::cancelBeforeTheFirstAttemptSendsNothing()
{
    const auto provider = ChatProvider::create(makeConfig(), &m_network);
    std::unique_ptr<ChatCall> call(provider->start(ChatRequest::fromPrompt(u"Hi"_s)));
    ChatCallRecorder recorder(call.get());
    call->cancel();
    QCOMPARE(recorder.finishedCount(), 1);
    QCOMPARE(recorder.error().kind, Error::Kind::Cancelled);
    QSignalSpy anything(&recorder, &ChatCallRecorder::recorded);
    QVERIFY(!anything.wait(100));
    QVERIFY(m_server->requests().isEmpty());
}

void TestOpenAiProvider::requestThatCannotBePreparedIsReportedFromTheEventLoop()
{
    // The first attempt is made inside start(): its failure must still reach a receiver that
    // connects afterwards, once and not before the event loop runs.
    ProviderConfig config = makeConfig();
    config.model.clear();
    std::unique_ptr<ChatCall> call(ChatProvider::create(config, &m_network)->start(ChatRequest::fromPrompt(u"Hi"_s)));
    QVERIFY(call->isFinished());
    ChatCallRecorder recorder(call.get());
    QCOMPARE(recorder.finishedCount(), 0);
    QVERIFY(recorder.waitForFinished());
    QCOMPARE(recorder.finishedCount(), 1);
    QCOMPARE(recorder.error().kind, Error::Kind::Usage);
    QVERIFY2(recorder.error().message.contains(u"no model given"_s), qPrintable(recorder.error().describe()));
    QSignalSpy anything(&recorder, &ChatCallRecorder::recorded);
    QVERIFY(!anything.wait(100));
    QVERIFY(m_server->requests().isEmpty());
}

void TestOpenAiProvider::callOutlivesItsProvider()
{
    // A panel may switch models while a call runs: the call keeps what it needs.
    std::unique_ptr<ChatCall> call(
        ChatProvider::create(makeConfig(), &m_network)->start(ChatRequest::fromPrompt(u"Hi"_s)));
    ChatCallRecorder recorder(call.get());
    QVERIFY(recorder.waitForFinished());
    QVERIFY2(recorder.succeeded(), qPrintable(recorder.error().describe()));
    QCOMPARE(recorder.result().text, u"Echo: Hi"_s);
}

void TestOpenAiProvider::networkErrors_data()
{
    QTest::addColumn<QByteArray>("fault");
    QTest::newRow("connection refused") << QByteArray();
    QTest::newRow("closed without answer") << "drop"_ba;
    QTest::newRow("connection reset") << "reset"_ba;
}

void TestOpenAiProvider::networkErrors()
{
    QFETCH(QByteArray, fault);
    ProviderConfig settings = makeConfig({{"X-Test-Fault", fault}});
    if (fault.isEmpty()) {
        // A port that was free a moment ago: nothing listens there.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        settings.baseUrl = QUrl(u"http://127.0.0.1:%1/v1"_s.arg(probe.serverPort()));
        probe.close();
    }
    const auto recorder = run(settings, ChatRequest::fromPrompt(u"Hi"_s));
    QCOMPARE(recorder->error().kind, Error::Kind::Network);
    QVERIFY(!recorder->error().message.isEmpty());
    QVERIFY(recorder->retries().isEmpty());
    if (fault.isEmpty())
        QCOMPARE(recorder->error().message, u"connection refused"_s);
}

QTEST_GUILESS_MAIN(TestOpenAiProvider)
#include "tst_openaiprovider.moc"
