#include "common/chatcallrecorder.h"
#include "common/testserver.h"
#include "core/common/retrybackoff.h"
#include "core/providers/chatcall.h"
#include "core/providers/chatprovider.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

// Each test counts its faults under its own key, so the servers' counters never mix tests.
QByteArray testKey()
{
    return QByteArray(QTest::currentTestFunction()) + '/' + QTest::currentDataTag();
}

} // namespace

// Attempts, backoff and Retry-After, the same for both providers since HttpChatCall owns them.
class TestProviderRetry : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void serviceHint_data();
    void serviceHint();
    void backoffIsFullJitterUnderADoublingCeiling();
    void retriesThenSucceeds_data();
    void retriesThenSucceeds();
    void givesUpAfterMaxAttempts_data();
    void givesUpAfterMaxAttempts();
    void doesNotRetryClientErrors_data();
    void doesNotRetryClientErrors();
    void throttlingBeforeAnyTextIsRetried();
    void waitBeyondTotalTimeoutIsNotTaken();
    void cancelDuringBackoff();

private:
    ProviderConfig makeConfig(ProviderConfig::Kind kind, const Headers &headers) const;
    TestServer &serverFor(ProviderConfig::Kind kind) const;
    std::unique_ptr<ChatCallRecorder> run(const ProviderConfig &config, const ChatRequest &request);

    QNetworkAccessManager m_network;
    std::unique_ptr<TestServer> m_openAi;
    std::unique_ptr<TestServer> m_bedrock;
};

void TestProviderRetry::initTestCase()
{
    m_openAi = std::make_unique<TestServer>(u"openai_server.py"_s);
    m_bedrock = std::make_unique<TestServer>(u"bedrock_server.py"_s);
    QVERIFY2(m_openAi->start(), qPrintable(m_openAi->errorString()));
    QVERIFY2(m_bedrock->start(), qPrintable(m_bedrock->errorString()));
}

void TestProviderRetry::init()
{
    QVERIFY(m_openAi->reset());
    QVERIFY(m_bedrock->reset());
}

TestServer &TestProviderRetry::serverFor(ProviderConfig::Kind kind) const
{
    return kind == ProviderConfig::Kind::OpenAi ? *m_openAi : *m_bedrock;
}

ProviderConfig TestProviderRetry::makeConfig(ProviderConfig::Kind kind, const Headers &headers) const
{
    ProviderConfig config;
    config.kind = kind;
    if (kind == ProviderConfig::Kind::OpenAi) {
        config.model = u"gpt-4o-mini"_s;
        config.baseUrl = m_openAi->url(u"/v1"_s);
    } else {
        // The server's defaults: the AWS documentation's example keys.
        config.model = u"anthropic.claude-3-haiku-20240307-v1:0"_s;
        config.region = u"us-east-1"_s;
        config.endpointUrl = m_bedrock->url();
        config.aws = {u"AKIDEXAMPLE"_s, u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s, {}};
    }
    config.extraHeaders = headers;
    config.extraHeaders.append({"X-Test-Key", testKey()});
    config.retry = {4, 10, 40};
    config.totalTimeoutMs = 20000;
    return config;
}

std::unique_ptr<ChatCallRecorder> TestProviderRetry::run(const ProviderConfig &config, const ChatRequest &request)
{
    const auto provider = ChatProvider::create(config, &m_network);
    ChatCall *call = provider->start(request, this);
    auto recorder = std::make_unique<ChatCallRecorder>(call);
    recorder->waitForFinished();
    call->deleteLater();
    return recorder;
}

void TestProviderRetry::serviceHint_data()
{
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QByteArray>("retryAfterMs");
    QTest::addColumn<int>("expected");
    QTest::newRow("nothing") << QByteArray() << QByteArray() << -1;
    QTest::newRow("whole seconds") << "2"_ba << QByteArray() << 2000;
    QTest::newRow("fractional seconds") << " 0.05 "_ba << QByteArray() << 50;
    QTest::newRow("milliseconds win") << "1"_ba
                                      << "250"_ba << 250;
    QTest::newRow("http date") << "Wed, 21 Oct 2015 07:28:30 GMT"_ba << QByteArray() << 30000;
    QTest::newRow("date in the past") << "Wed, 21 Oct 2015 07:27:00 GMT"_ba << QByteArray() << 0;
    QTest::newRow("negative") << "-3"_ba << QByteArray() << -1;
    QTest::newRow("garbage") << "soon"_ba << QByteArray() << -1;
}

void TestProviderRetry::serviceHint()
{
    QFETCH(QByteArray, retryAfter);
    QFETCH(QByteArray, retryAfterMs);
    const QDateTime now(QDate(2015, 10, 21), QTime(7, 28), Qt::UTC);
    QTEST(RetryBackoff::serviceHintMs(retryAfter, retryAfterMs, now), "expected");
}

void TestProviderRetry::backoffIsFullJitterUnderADoublingCeiling()
{
    const RetryBackoff backoff(RetryPolicy{5, 100, 350});
    QCOMPARE(backoff.ceilingMs(2), 100);
    QCOMPARE(backoff.ceilingMs(3), 200);
    QCOMPARE(backoff.ceilingMs(4), 350); // capped by maxDelayMs
    QVERIFY(backoff.allowsAttempt(5));
    QVERIFY(!backoff.allowsAttempt(6));
    int smallest = 1000;
    int largest = -1;
    for (int sample = 0; sample < 500; ++sample) {
        const int delay = backoff.delayMs(3);
        smallest = qMin(smallest, delay);
        largest = qMax(largest, delay);
    }
    QVERIFY(smallest >= 0 && largest <= 200);
    QVERIFY2(largest - smallest > 100, "full jitter spreads the waits over the whole range");
    QCOMPARE(backoff.delayMs(2, 5000), 5000); // a longer wait the service asks for wins
}

void TestProviderRetry::retriesThenSucceeds_data()
{
    QTest::addColumn<ProviderConfig::Kind>("kind");
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<int>("minimumDelayMs");
    QTest::addColumn<QString>("reason");
    using Kind = ProviderConfig::Kind;
    QTest::newRow("openai 429 with Retry-After") << Kind::OpenAi << "429"_ba << true << 50 << u"HTTP 429"_s;
    QTest::newRow("openai 500") << Kind::OpenAi << "500"_ba << true << 0 << u"HTTP 500"_s;
    QTest::newRow("openai 503, not streaming") << Kind::OpenAi << "503"_ba << false << 0 << u"HTTP 503"_s;
    QTest::newRow("bedrock 429 with Retry-After")
        << Kind::Bedrock << "429"_ba << true << 50 << u"ThrottlingException"_s;
    QTest::newRow("bedrock 500") << Kind::Bedrock << "500"_ba << true << 0 << u"InternalServerException"_s;
    QTest::newRow("bedrock 503, not streaming")
        << Kind::Bedrock << "503"_ba << false << 0 << u"ServiceUnavailableException"_s;
}

void TestProviderRetry::retriesThenSucceeds()
{
    QFETCH(ProviderConfig::Kind, kind);
    QFETCH(QByteArray, fault);
    QFETCH(bool, stream);
    QFETCH(int, minimumDelayMs);
    QFETCH(QString, reason);
    ChatRequest request = ChatRequest::fromPrompt(u"once more"_s);
    request.stream = stream;
    const auto recorder
        = run(makeConfig(kind, {{"X-Test-Fault", fault}, {"X-Test-Fail-Count", "1"}, {"X-Test-Retry-After", "0.05"}}),
              request);

    QVERIFY2(recorder->succeeded(), qPrintable(recorder->error().describe()));
    QCOMPARE(recorder->result().text, u"Echo: once more"_s);
    QCOMPARE(recorder->result().attempts, 2);
    QCOMPARE(recorder->retries().size(), 1);
    const ChatCallRecorder::Retry retry = recorder->retries().first();
    QCOMPARE(retry.nextAttempt, 2);
    QVERIFY2(retry.delayMs >= minimumDelayMs, qPrintable(QString::number(retry.delayMs)));
    QVERIFY2(retry.reason.contains(reason), qPrintable(retry.reason));
    const QJsonArray requests = serverFor(kind).requests();
    QCOMPARE(requests.size(), 2);
    QVERIFY(requests.at(0).toObject().value("verdict"_L1).toString().startsWith("fault:"_L1));
    QCOMPARE(requests.at(1).toObject().value("verdict"_L1).toString(), u"ok"_s);
}

void TestProviderRetry::givesUpAfterMaxAttempts_data()
{
    QTest::addColumn<ProviderConfig::Kind>("kind");
    QTest::addColumn<Error::Kind>("errorKind");
    QTest::newRow("openai") << ProviderConfig::Kind::OpenAi << Error::Kind::Throttled;
    QTest::newRow("bedrock") << ProviderConfig::Kind::Bedrock << Error::Kind::Throttled;
}

void TestProviderRetry::givesUpAfterMaxAttempts()
{
    QFETCH(ProviderConfig::Kind, kind);
    ProviderConfig config = makeConfig(kind, {{"X-Test-Fault", "429"}, {"X-Test-Retry-After", "0.01"}});
    config.retry.maxAttempts = 3;
    const auto recorder = run(config, ChatRequest::fromPrompt(u"Hi"_s));
    QTEST(recorder->error().kind, "errorKind");
    QVERIFY2(recorder->error().message.endsWith("(after 3 attempts)"_L1), qPrintable(recorder->error().message));
    QCOMPARE(recorder->retries().size(), 2);
    QCOMPARE(recorder->retries().at(1).nextAttempt, 3);
    QCOMPARE(serverFor(kind).requests().size(), 3);
}

void TestProviderRetry::doesNotRetryClientErrors_data()
{
    QTest::addColumn<ProviderConfig::Kind>("kind");
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<Error::Kind>("errorKind");
    QTest::newRow("bedrock access denied") << ProviderConfig::Kind::Bedrock << "access-denied"_ba << Error::Kind::Auth;
    QTest::newRow("bedrock expired token") << ProviderConfig::Kind::Bedrock << "expired-token"_ba << Error::Kind::Auth;
    QTest::newRow("openai unknown fault (400)")
        << ProviderConfig::Kind::OpenAi << "no-such-fault"_ba << Error::Kind::Service;
}

void TestProviderRetry::doesNotRetryClientErrors()
{
    QFETCH(ProviderConfig::Kind, kind);
    QFETCH(QByteArray, fault);
    const auto recorder = run(makeConfig(kind, {{"X-Test-Fault", fault}}), ChatRequest::fromPrompt(u"Hi"_s));
    QTEST(recorder->error().kind, "errorKind");
    QVERIFY(recorder->retries().isEmpty());
    QCOMPARE(serverFor(kind).requests().size(), 1);
}

void TestProviderRetry::throttlingBeforeAnyTextIsRetried()
{
    // An empty scripted reply makes the server throttle right after messageStart, before any text.
    const auto recorder
        = run(makeConfig(ProviderConfig::Kind::Bedrock,
                         {{"X-Test-Fault", "throttle-stream"}, {"X-Test-Fail-Count", "1"}, {"X-Test-Reply", ""}}),
              ChatRequest::fromPrompt(u"Hi"_s));
    QVERIFY2(recorder->succeeded(), qPrintable(recorder->error().describe()));
    QCOMPARE(recorder->result().text, QString());
    QCOMPARE(recorder->result().stopReason, u"end_turn"_s);
    QCOMPARE(recorder->result().attempts, 2);
    QCOMPARE(recorder->retries().size(), 1);
    QVERIFY2(recorder->retries().first().reason.contains("throttlingException"_L1),
             qPrintable(recorder->retries().first().reason));
}

void TestProviderRetry::waitBeyondTotalTimeoutIsNotTaken()
{
    ProviderConfig config
        = makeConfig(ProviderConfig::Kind::OpenAi, {{"X-Test-Fault", "429"}, {"X-Test-Retry-After", "30"}});
    config.totalTimeoutMs = 2000;
    QElapsedTimer clock;
    clock.start();
    const auto recorder = run(config, ChatRequest::fromPrompt(u"Hi"_s));
    // Waiting 30 s inside a 2 s budget would only end in a timeout: say what the service said now.
    QCOMPARE(recorder->error().kind, Error::Kind::Throttled);
    QVERIFY(recorder->retries().isEmpty());
    QVERIFY(clock.elapsed() < 1500);
}

void TestProviderRetry::cancelDuringBackoff()
{
    ProviderConfig config
        = makeConfig(ProviderConfig::Kind::OpenAi, {{"X-Test-Fault", "429"}, {"X-Test-Retry-After", "5"}});
    const auto provider = ChatProvider::create(config, &m_network);
    std::unique_ptr<ChatCall> call(provider->start(ChatRequest::fromPrompt(u"Hi"_s)));
    ChatCallRecorder recorder(call.get());
    QSignalSpy retrying(call.get(), &ChatCall::retrying);
    QVERIFY(retrying.wait(5000));
    QCOMPARE(retrying.first().at(1).toInt(), 5000);
    call->cancel();
    QCOMPARE(recorder.finishedCount(), 1);
    QCOMPARE(recorder.error().kind, Error::Kind::Cancelled);
    QCOMPARE(m_openAi->requests().size(), 1);
}

QTEST_GUILESS_MAIN(TestProviderRetry)
#include "tst_providerretry.moc"
