// bench_chat_overhead: what the workbench itself adds to a streamed chat call, measured against the
// local OpenAI-compatible test server (tests/servers/openai_server.py --no-split, started here).
//
//   build/<dir>/bench/bench_chat_overhead [--calls N] [--streams K] [--warmup W]
//
// 1. Time to first token (TTFT): N sequential streamed calls through ChatProvider/ChatCall (clock
//    from start() to the first delta signal) against N through RawStreamClient, plain POSIX sockets
//    (clock from writing the same POST with the same JSON body to reading the first SSE line with
//    text). Both keep one HTTP/1.1 connection alive and read each answer to its end. The two
//    alternate, in A B B A order, after W warm-up calls each. The overhead is the median of the
//    paired differences; the ratio is median / median.
// 2. Memory per concurrent stream: K streamed calls started 5 ms apart, each kept open about 2.4 s
//    by the server's X-Test-Token-Delay-Ms header. VmRSS is sampled every 5 ms; the baseline is
//    taken after malloc_trim, so what earlier phases freed does not hide what this one needs.
//    Qt 6.4 gives a network access manager at most 6 HTTP/1.1 connections per host
//    (QHttp1Configuration, which can change that, came in 6.5), so K calls through one manager, as
//    the playground panels and the CLI use it, mostly wait in Qt's queue. The run shows that case,
//    then spreads the K calls over ceil(K / 6) managers (each warmed first), as EvalRunner's
//    lanes do, so that all K are open at once: "kib_per_stream" comes from that run. Wall time is
//    compared with one stream measured alone in the same run plus the span of the staggered starts.
// The last line is one JSON object with the figures. Exit status 0 on success, 1 if a call failed,
// 2 if the server did not start, 64 on bad arguments.

#include "concurrentstreams.h"
#include "core/providers/chatprovider.h"
#include "kernelcounters.h"
#include "rawstreamclient.h"
#include "testserverprocess.h"
#include "ttftcomparison.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

// Qt 6.4's fixed number of HTTP/1.1 connections per host and network access manager.
constexpr int ConnectionsPerHost = 6;
constexpr int TokenDelayMs = 20;
constexpr int LongPromptWords = 120;
// Concurrent streams start this far apart: the test server's listen backlog is Python's default of
// 5, and a burst of connections beyond it loses SYNs that the clients resend only after a second.
constexpr int StartIntervalMs = 5;

enum ExitCode { ExitOk = 0, ExitCallFailed = 1, ExitNoServer = 2, ExitUsage = 64 };

struct Options
{
    int calls = 0;
    int streams = 0;
    int warmup = 0;
};

int fail(const Error &error, int exitCode)
{
    std::fprintf(stderr, "bench_chat_overhead: %s\n", qPrintable(error.describe()));
    return exitCode;
}

std::optional<Options> parseOptions(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Workbench overhead per streamed call: TTFT against a raw socket client, "
                                     u"memory per concurrent stream."_s);
    parser.addHelpOption();
    const QCommandLineOption calls(u"calls"_s, u"sequential calls per client for TTFT (default 200)"_s, u"N"_s,
                                   u"200"_s);
    const QCommandLineOption streams(u"streams"_s, u"concurrent streams for memory (default 100)"_s, u"K"_s, u"100"_s);
    const QCommandLineOption warmup(u"warmup"_s, u"unmeasured calls per client first (default 20)"_s, u"W"_s, u"20"_s);
    parser.addOptions({calls, streams, warmup});
    parser.process(app);
    Options options;
    bool callsOk = false, streamsOk = false, warmupOk = false;
    options.calls = parser.value(calls).toInt(&callsOk);
    options.streams = parser.value(streams).toInt(&streamsOk);
    options.warmup = parser.value(warmup).toInt(&warmupOk);
    if (!callsOk || !streamsOk || !warmupOk || options.calls < 1 || options.streams < 1 || options.warmup < 0)
        return std::nullopt;
    return options;
}

// The server's highest number of requests in flight since the last reset.
int serverMaxInFlight(RawStreamClient &raw)
{
    const Result<QByteArray> stats = raw.exchange("GET", "/_test/stats");
    return stats ? QJsonDocument::fromJson(stats.value()).object().value("max_in_flight"_L1).toInt(-1) : -1;
}

QString longPrompt()
{
    QStringList words;
    for (int index = 1; index <= LongPromptWords; ++index)
        words.append(u"word%1"_s.arg(index));
    return words.join(u' ');
}

struct StreamPhase
{
    ConcurrentStreams::Outcome outcome;
    int serverMaxInFlight = -1;
    qint64 listenOverflows = -1;
};

Result<StreamPhase> runStreams(const QList<QNetworkAccessManager *> &managers, const ProviderConfig &config,
                               const ChatRequest &request, int streams, RawStreamClient &raw)
{
    if (const Result<QByteArray> reset = raw.exchange("POST", "/_test/reset"); !reset)
        return reset.error();
    const qint64 overflowsBefore = listenQueueOverflows();
    ConcurrentStreams calls(managers, config, request);
    StreamPhase phase{calls.run(streams, StartIntervalMs)};
    const qint64 overflowsAfter = listenQueueOverflows();
    if (overflowsBefore >= 0 && overflowsAfter >= 0)
        phase.listenOverflows = overflowsAfter - overflowsBefore;
    phase.serverMaxInFlight = serverMaxInFlight(raw);
    if (phase.outcome.failed > 0)
        return makeError(Error::Kind::Service,
                         u"%1 of %2 streams failed; the first: %3"_s.arg(phase.outcome.failed)
                             .arg(streams)
                             .arg(phase.outcome.firstError));
    return phase;
}

double kibPerStream(const ConcurrentStreams::Outcome &outcome)
{
    const qint64 during = outcome.residentAllOpenKiB >= 0 ? outcome.residentAllOpenKiB : outcome.residentPeakKiB;
    return double(during - outcome.residentBeforeKiB) / outcome.streams;
}

double idealWallMs(const ConcurrentStreams::Outcome &outcome, double aloneMs)
{
    return aloneMs + outcome.startSpanMs;
}

void printStreams(const QByteArray &title, const StreamPhase &phase, double aloneMs)
{
    const ConcurrentStreams::Outcome &outcome = phase.outcome;
    std::printf("  %s\n", title.constData());
    std::printf("    at most %d of %d streams open at once (server max_in_flight %d)\n", outcome.peakOpen,
                outcome.streams, phase.serverMaxInFlight);
    const bool allOpen = outcome.residentAllOpenKiB >= 0;
    std::printf("    VmRSS %lld KiB before, %lld KiB %s: %.1f KiB per stream\n",
                static_cast<long long>(outcome.residentBeforeKiB),
                static_cast<long long>(allOpen ? outcome.residentAllOpenKiB : outcome.residentPeakKiB),
                allOpen ? "at the peak while all were open" : "at the peak (never all open)", kibPerStream(outcome));
    const double ideal = idealWallMs(outcome, aloneMs);
    std::printf("    wall %.0f ms vs ideal %.0f ms (one stream alone + %.0f ms of staggered starts): %.2fx\n",
                outcome.wallMs, ideal, outcome.startSpanMs, outcome.wallMs / ideal);
    std::printf("    listen-queue overflows on this host meanwhile: %lld\n",
                static_cast<long long>(phase.listenOverflows));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const std::optional<Options> options = parseOptions(app);
    if (!options)
        return fail(makeError(Error::Kind::Usage, u"--calls and --streams take whole numbers ≥ 1, --warmup ≥ 0"_s),
                    ExitUsage);

    TestServerProcess server;
    const QString script = QStringLiteral(GENAIOPS_SOURCE_DIR "/tests/servers/openai_server.py");
    if (const Status started = server.start(script, {u"--no-split"_s}); !started)
        return fail(started.error(), ExitNoServer);
    std::printf("server: openai_server.py --no-split on 127.0.0.1:%u\n", unsigned(server.port()));

    ProviderConfig config;
    config.kind = ProviderConfig::Kind::OpenAi;
    config.model = u"test-model"_s;
    config.baseUrl = QUrl(u"http://127.0.0.1:%1/v1"_s.arg(server.port()));
    config.retry.maxAttempts = 1; // a retry would hide a failure and distort the timings

    QNetworkAccessManager network;
    const std::unique_ptr<ChatProvider> provider = ChatProvider::create(config, &network);
    RawStreamClient raw(server.port());

    TtftComparison comparison(*provider, raw);
    const Result<TtftComparison::Figures> ttft = comparison.run(options->calls, options->warmup);
    if (!ttft)
        return fail(ttft.error(), ExitCallFailed);
    const TtftComparison::Figures &t = ttft.value();
    const double ratio = t.workbenchMedian / t.rawMedian;
    std::printf("time to first token, %d streamed calls per client, alternating, after %d warm-up calls each:\n",
                options->calls, options->warmup);
    std::printf("  workbench (ChatProvider)  median %.3f ms  p95 %.3f ms\n", t.workbenchMedian, t.workbenchP95);
    std::printf("  raw POSIX socket client   median %.3f ms  p95 %.3f ms\n", t.rawMedian, t.rawP95);
    std::printf("  overhead added: median of paired differences %.3f ms, difference of medians %.3f ms; ratio %.2f\n",
                t.overheadMedian, t.workbenchMedian - t.rawMedian, ratio);

    ProviderConfig slowConfig = config;
    slowConfig.extraHeaders.append({"X-Test-Token-Delay-Ms", QByteArray::number(TokenDelayMs)});
    const ChatRequest slowRequest = ChatRequest::fromPrompt(longPrompt());
    const int streams = options->streams;

    const Result<StreamPhase> alone = runStreams({&network}, slowConfig, slowRequest, 1, raw);
    if (!alone)
        return fail(alone.error(), ExitCallFailed);
    const double aloneMs = alone.value().outcome.wallMs;
    std::printf("memory per concurrent stream: %d streams of %d tokens at %d ms per token, one started every %d ms;"
                " one stream alone took %.0f ms\n",
                streams, LongPromptWords + 1, TokenDelayMs, StartIntervalMs, aloneMs);

    const Result<StreamPhase> shared = runStreams({&network}, slowConfig, slowRequest, streams, raw);
    if (!shared)
        return fail(shared.error(), ExitCallFailed);
    printStreams("one network access manager, as the playground panels and the CLI use it:", shared.value(), aloneMs);
    const int rounds = (streams + ConnectionsPerHost - 1) / ConnectionsPerHost;
    std::printf("    (%d connections per host: %d rounds of one stream would take %.0f ms)\n", ConnectionsPerHost,
                rounds, rounds * aloneMs);

    std::vector<std::unique_ptr<QNetworkAccessManager>> extraManagers;
    QList<QNetworkAccessManager *> managers{&network};
    for (int index = 1; index < rounds; ++index) {
        extraManagers.push_back(std::make_unique<QNetworkAccessManager>());
        managers.append(extraManagers.back().get());
    }
    // Each manager's first call creates its HTTP thread and connection cache: not a cost per stream.
    if (const Result<StreamPhase> warmed
        = runStreams(managers, config, ChatRequest::fromPrompt(u"warm up"_s), int(managers.size()), raw);
        !warmed)
        return fail(warmed.error(), ExitCallFailed);
    const Result<StreamPhase> spread = runStreams(managers, slowConfig, slowRequest, streams, raw);
    if (!spread)
        return fail(spread.error(), ExitCallFailed);
    printStreams(QByteArray::number(managers.size())
                     + " network access managers, as EvalRunner's lanes, so that every stream has a connection:",
                 spread.value(), aloneMs);

    const ConcurrentStreams::Outcome &one = shared.value().outcome;
    const ConcurrentStreams::Outcome &all = spread.value().outcome;
    std::printf("{\"ttft_median_ms_workbench\":%.3f, \"ttft_median_ms_raw\":%.3f, \"overhead_median_ms\":%.3f, "
                "\"ratio\":%.3f, \"kib_per_stream\":%.1f, \"streams\":%d, \"streams_open_at_once\":%d, "
                "\"wall_ratio\":%.3f, \"kib_per_stream_one_manager\":%.1f, \"streams_open_at_once_one_manager\":%d, "
                "\"wall_ratio_one_manager\":%.3f}\n",
                t.workbenchMedian, t.rawMedian, t.overheadMedian, ratio, kibPerStream(all), streams, all.peakOpen,
                all.wallMs / idealWallMs(all, aloneMs), kibPerStream(one), one.peakOpen,
                one.wallMs / idealWallMs(one, aloneMs));
    return ExitOk;
}
