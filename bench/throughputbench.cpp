#include "throughputbench.h"

#include "benchfigures.h"
#include "core/eval/itemevaluation.h"
#include "core/eval/itemrequests.h"
#include "core/providers/openaiprotocol.h"
#include "goldendatasetfile.h"
#include "processcpu.h"
#include "processmemory.h"
#include "promptfooeval.h"
#include "providerload.h"
#include "rawconcurrentload.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

const QString Model = u"gpt-4o-mini"_s;
constexpr double RatioTarget = 0.95;

double rounded(double value, int decimals = 3)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

// What the server saw since the last reset: requests answered and the most in flight at once.
struct ServerStats
{
    int requests = -1;
    int maxInFlight = -1;
};

ServerStats serverStats(RawStreamClient &control)
{
    const Result<QByteArray> stats = control.exchange("GET", "/_test/stats");
    if (!stats)
        return {};
    const QJsonObject object = QJsonDocument::fromJson(stats.value()).object();
    return {object.value("requests"_L1).toInt(-1), object.value("max_in_flight"_L1).toInt(-1)};
}

Status resetServer(RawStreamClient &control)
{
    const Result<QByteArray> reset = control.exchange("POST", "/_test/reset");
    return reset ? Status(Done{}) : Status(reset.error());
}

// CPU time so far of this process, of the server and of the whole host.
struct CpuSample
{
    double bench = 0;
    double server = 0;
    double host = 0;

    static CpuSample now(qint64 serverPid) { return {processCpuMs(), processCpuMs(serverPid), hostCpuMs()}; }
    CpuSample operator-(const CpuSample &earlier) const
    {
        return {bench - earlier.bench, server - earlier.server, host - earlier.host};
    }
    // What the rest of the host took: other people's builds and services compete for the same cores.
    double othersMs() const { return qMax(0.0, host - bench - server); }
};

int cores()
{
    return QThread::idealThreadCount();
}

double percentOfCores(double cpuMs, double wallMs)
{
    return 100.0 * cpuMs / (wallMs * cores());
}

// Whether the host's CPUs, not the latency, set the pace: the share of them the phase used, and the
// share other processes took.
void printCpu(const char *client, double clientMs, double serverMs, double othersMs, double wallMs, int requests)
{
    std::printf("  CPU: %s %.0f ms (%.2f ms per item), server %.0f ms (%.2f ms per request); together %.0f %% of "
                "%d cores over the wall; other processes %.0f %%\n",
                client, clientMs, clientMs / requests, serverMs, serverMs / requests,
                percentOfCores(clientMs + serverMs, wallMs), cores(), percentOfCores(othersMs, wallMs));
}

// The bodies the workbench's provider sends for these items.
QList<QByteArray> requestBodies(const QList<EvalItem> &items, const QString &baseUrl)
{
    ProviderConfig config;
    config.model = Model;
    config.baseUrl = QUrl(baseUrl);
    QList<QByteArray> bodies;
    bodies.reserve(items.size());
    for (const EvalItem &item : items)
        bodies << OpenAiProtocol(config, ItemRequests::generation(item)).requestBody();
    return bodies;
}

} // namespace

ThroughputBench::ThroughputBench(Options options)
    : m_options(std::move(options)), m_idealMs(double(m_options.items) * m_options.latencyMs / m_options.concurrency)
{
    m_directory.setAutoRemove(!m_options.keepFiles);
}

ThroughputBench::~ThroughputBench() = default;

int ThroughputBench::run()
{
    const auto fail = [](const Error &error, int exitCode) {
        std::fprintf(stderr, "bench_eval_throughput: %s\n", qPrintable(error.describe()));
        return exitCode;
    };
    if (const Status written = writeDataset(); !written)
        return fail(written.error(), ExitPhaseFailed);
    if (const Status started = startServer(); !started)
        return fail(started.error(), ExitNoServer);
    for (Status (ThroughputBench::*phase)() : {&ThroughputBench::workbenchPhase, &ThroughputBench::serverAlonePhase,
                                               &ThroughputBench::providerPhases, &ThroughputBench::cliPhase}) {
        if (const Status reset = resetServer(*m_control); !reset)
            return fail(reset.error(), ExitPhaseFailed);
        if (const Status done = (this->*phase)(); !done)
            return fail(done.error(), ExitPhaseFailed);
    }
    printBreakdown();
    promptfooPhase();
    std::printf("%s\n", QJsonDocument(m_figures).toJson(QJsonDocument::Compact).constData());
    return ExitOk;
}

// Written for the workbench to import, and read back for the peers.
Status ThroughputBench::writeDataset()
{
    if (!m_directory.isValid())
        return makeError(Error::Kind::Input, m_directory.errorString());
    if (m_options.keepFiles)
        std::printf("files kept in %s\n", qPrintable(m_directory.path()));
    m_datasetPath = m_directory.filePath(u"golden.jsonl"_s);
    if (const Status written = GoldenDatasetFile::write(m_datasetPath, m_options.items,
                                                        GoldenDatasetFile::Responses::Without, m_options.contextWords);
        !written)
        return written.error();
    Result<QList<EvalItem>> items = GoldenDatasetFile::read(m_datasetPath);
    if (!items)
        return items.error();
    m_items = std::move(items).value();
    return Done{};
}

Status ThroughputBench::startServer()
{
    const QString script = QStringLiteral(GENAIOPS_SOURCE_DIR "/tests/servers/openai_server.py");
    if (const Status started
        = m_server.start(script, {u"--no-split"_s, u"--latency-ms"_s, QString::number(m_options.latencyMs)});
        !started)
        return started.error();
    m_baseUrl = u"http://127.0.0.1:%1/v1"_s.arg(m_server.port());
    m_control = std::make_unique<RawStreamClient>(m_server.port());
    std::printf("server: openai_server.py --no-split --latency-ms %d on 127.0.0.1:%u\n", m_options.latencyMs,
                unsigned(m_server.port()));
    std::printf("%d items, concurrency %d: ideal wall = %d × %d ms ÷ %d = %.0f ms\n", m_options.items,
                m_options.concurrency, m_options.items, m_options.latencyMs, m_options.concurrency, m_idealMs);
    m_figures = {{"items"_L1, m_options.items},
                 {"latency_ms"_L1, m_options.latencyMs},
                 {"concurrency"_L1, m_options.concurrency},
                 {"ideal_ms"_L1, m_idealMs}};
    return Done{};
}

// The workbench's run is repeated (--runs): one run's wall time moves by a few percent with how the
// first items' calls happen to bunch up, so the figures are those of every run, their median and the
// worst, and the details those of the median run.
Status ThroughputBench::workbenchPhase()
{
    const int items = m_options.items;
    const qint64 residentBefore = residentSetKiB();
    struct Measured
    {
        WorkbenchEvalRun::Outcome outcome;
        CpuSample cpu;
        ServerStats server;
    };
    std::vector<Measured> runs;
    for (int index = 0; index < m_options.runs; ++index) {
        if (const Status reset = resetServer(*m_control); !reset)
            return reset;
        const CpuSample start = CpuSample::now(m_server.processId());
        const Result<WorkbenchEvalRun::Outcome> outcome
            = WorkbenchEvalRun::run({m_directory.filePath(u"workspace-%1.db"_s.arg(index + 1)), m_datasetPath,
                                     m_baseUrl, Model, m_options.concurrency});
        if (!outcome)
            return outcome.error();
        runs.push_back({outcome.value(), CpuSample::now(m_server.processId()) - start, serverStats(*m_control)});
        if (m_options.keepFiles && index == 0) {
            QFile log(m_directory.filePath(u"server-requests.json"_s));
            const Result<QByteArray> requests = m_control->exchange("GET", "/_test/requests");
            if (requests && log.open(QIODevice::WriteOnly))
                log.write(requests.value());
        }
    }
    const qint64 peakKiB = peakResidentSetKiB();
    std::vector<const Measured *> byWall;
    for (const Measured &run : runs)
        byWall.push_back(&run);
    std::sort(byWall.begin(), byWall.end(),
              [](const Measured *a, const Measured *b) { return a->outcome.wallMs < b->outcome.wallMs; });
    const Measured &median = *byWall[byWall.size() / 2];
    const double medianRatio = m_idealMs / median.outcome.wallMs;
    const double worstRatio = m_idealMs / byWall.back()->outcome.wallMs;

    const WorkbenchEvalRun::Outcome &w = m_workbench = median.outcome;
    std::printf("workbench (EvalRunner, %d network managers), %d runs of %d items:\n", w.networkManagers,
                m_options.runs, items);
    QJsonArray ratios;
    std::printf("  rate ratio ideal/wall of each run:");
    for (const Measured &run : runs) {
        std::printf(" %.3f", m_idealMs / run.outcome.wallMs);
        ratios.append(rounded(m_idealMs / run.outcome.wallMs));
    }
    std::printf("\n  median %.3f, worst %.3f (target ≥ %.2f: %s)\n", medianRatio, worstRatio, RatioTarget,
                worstRatio >= RatioTarget        ? "met by every run"
                    : medianRatio >= RatioTarget ? "met by the median, NOT by every run"
                                                 : "NOT met");
    std::printf("  the median run: setup (workspace, import, run) %.0f ms; run wall %.0f ms, %lld done, %lld failed; "
                "server saw %d requests, max %d in flight\n",
                w.setupMs, w.wallMs, static_cast<long long>(w.done), static_cast<long long>(w.failed),
                median.server.requests, median.server.maxInFlight);
    const double slotMs = w.wallMs * m_options.concurrency / double(items);
    std::printf("  per item: median %.1f ms, p95 %.1f ms, mean %.1f ms from start to result; each of the %d slots "
                "took %.1f ms per item, so %.1f ms per item passed between one item's result and the next's start\n",
                w.itemMedianMs, w.itemP95Ms, w.itemMeanMs, m_options.concurrency, slotMs, slotMs - w.itemMeanMs);
    std::printf("  the generation call (invocation log, medians): %.0f ms to the first text, %.0f ms to the end\n",
                w.callFirstTextMs, w.callLatencyMs);
    std::printf("  memory: VmRSS %lld KiB before the runs, peak VmHWM %lld KiB\n",
                static_cast<long long>(residentBefore), static_cast<long long>(peakKiB));
    const CpuSample &cpu = median.cpu;
    printCpu("this process (set-up included)", cpu.bench, cpu.server, cpu.othersMs(), w.setupMs + w.wallMs, items);

    m_figures.insert("runs"_L1, m_options.runs);
    m_figures.insert("rate_ratios"_L1, ratios);
    m_figures.insert("rate_ratio"_L1, rounded(medianRatio));
    m_figures.insert("worst_rate_ratio"_L1, rounded(worstRatio));
    m_figures.insert("wall_ms"_L1, qRound(w.wallMs));
    m_figures.insert("setup_ms"_L1, qRound(w.setupMs));
    m_figures.insert("failed"_L1, w.failed);
    m_figures.insert("peak_rss_kib"_L1, peakKiB);
    m_figures.insert("server_max_in_flight"_L1, median.server.maxInFlight);
    m_figures.insert("item_median_ms"_L1, w.itemMedianMs);
    m_figures.insert("item_mean_ms"_L1, rounded(w.itemMeanMs, 1));
    m_figures.insert("call_first_text_ms"_L1, w.callFirstTextMs);
    m_figures.insert("call_latency_ms"_L1, w.callLatencyMs);
    m_figures.insert("cpu_ms_per_item"_L1, rounded(cpu.bench / items, 2));
    m_figures.insert("server_cpu_ms_per_request"_L1, rounded(cpu.server / items, 2));
    m_figures.insert("other_processes_cpu_percent"_L1, qRound(percentOfCores(cpu.othersMs(), w.setupMs + w.wallMs)));
    return Done{};
}

Status ThroughputBench::serverAlonePhase()
{
    const CpuSample start = CpuSample::now(m_server.processId());
    const RawConcurrentLoad::Outcome raw = RawConcurrentLoad::run(
        m_server.port(), "/v1/chat/completions", requestBodies(m_items, m_baseUrl), m_options.concurrency);
    if (raw.failed > 0)
        return makeError(
            Error::Kind::Service,
            u"%1 of %2 raw requests failed; the first: %3"_s.arg(raw.failed).arg(raw.requests).arg(raw.firstError));
    const CpuSample cpu = CpuSample::now(m_server.processId()) - start;
    std::printf("server alone (%d threads of plain sockets, the same request bodies):\n", m_options.concurrency);
    std::printf("  wall %.0f ms, rate ratio ideal/wall %.3f, max %d in flight; workbench wall / server-alone wall "
                "%.3f\n",
                raw.wallMs, m_idealMs / raw.wallMs, serverStats(*m_control).maxInFlight,
                m_workbench.wallMs / raw.wallMs);
    printCpu("raw client threads", cpu.bench, cpu.server, cpu.othersMs(), raw.wallMs, m_options.items);
    m_serverAloneMs = raw.wallMs;
    m_figures.insert("server_alone_wall_ms"_L1, qRound(raw.wallMs));
    m_figures.insert("server_alone_rate_ratio"_L1, rounded(m_idealMs / raw.wallMs));
    return Done{};
}

// Streamed, and not streamed as the runner asks for each response.
Status ThroughputBench::providerPhases()
{
    ProviderConfig config;
    config.model = Model;
    config.baseUrl = QUrl(m_baseUrl);
    std::printf("providers alone (ChatProvider over the runner's number of managers, nothing stored):\n");
    for (const bool stream : {true, false}) {
        if (!stream) {
            if (const Status reset = resetServer(*m_control); !reset)
                return reset;
        }
        const CpuSample start = CpuSample::now(m_server.processId());
        const ProviderLoad::Outcome load = ProviderLoad::run(config, m_items, m_options.concurrency, stream);
        const CpuSample cpu = CpuSample::now(m_server.processId()) - start;
        if (load.failed > 0)
            return makeError(Error::Kind::Service,
                             u"%1 of %2 provider calls failed; the first: %3"_s.arg(load.failed)
                                 .arg(m_options.items)
                                 .arg(load.firstError));
        std::printf("  %-13s wall %.0f ms, rate ratio ideal/wall %.3f; max %d in flight\n",
                    stream ? "streamed:" : "not streamed:", load.wallMs, m_idealMs / load.wallMs,
                    serverStats(*m_control).maxInFlight);
        printCpu("this process", cpu.bench, cpu.server, cpu.othersMs(), load.wallMs, m_options.items);
        if (!stream)
            m_providersMs = load.wallMs;
        m_figures.insert(stream ? "providers_streamed_rate_ratio"_L1 : "providers_not_streamed_rate_ratio"_L1,
                         rounded(m_idealMs / load.wallMs));
    }
    return Done{};
}

// `genaiops eval run` as a user types it, each time into a new workspace: the process's start, the
// dataset's import, the run and the summary, from the process's start to its exit.
Status ThroughputBench::cliPhase()
{
    const QString cli = QStringLiteral(GENAIOPS_CLI_PATH);
    Repeats walls, startWalls;
    for (int index = 0; index < m_options.runs; ++index) {
        QElapsedTimer clock;
        clock.start();
        if (QProcess::execute(cli, {u"--version"_s}) != 0)
            return makeError(Error::Kind::Internal, u"%1 --version failed"_s.arg(cli));
        startWalls.add(double(clock.nsecsElapsed()) / 1e6);
    }
    Repeats starts, tails;
    for (int index = 0; index < m_options.runs; ++index) {
        if (const Status reset = resetServer(*m_control); !reset)
            return reset;
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        QElapsedTimer clock;
        const double startedAtMs = double(QDateTime::currentMSecsSinceEpoch());
        clock.start();
        process.start(cli,
                      {u"--workspace"_s, m_directory.filePath(u"cli-%1.genaiops"_s.arg(index + 1)), u"eval"_s, u"run"_s,
                       u"--provider"_s, u"openai"_s, u"--base-url"_s, m_baseUrl, u"--model"_s, Model, u"--dataset"_s,
                       m_datasetPath, u"--metrics"_s, u"lexical"_s, u"--concurrency"_s,
                       QString::number(m_options.concurrency)});
        if (!process.waitForFinished(600000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
            return makeError(Error::Kind::Service,
                             u"genaiops eval run failed (exit %1): %2"_s.arg(process.exitCode())
                                 .arg(QString::fromUtf8(process.readAll().right(400))));
        const double wallMs = double(clock.nsecsElapsed()) / 1e6;
        walls.add(wallMs);
        // Where the process's own time went: from its start to the server's first request, and from
        // the last reply (the last request's arrival plus the latency) to its exit.
        const Result<QByteArray> requests = m_control->exchange("GET", "/_test/requests");
        if (!requests)
            return requests.error();
        double first = 0, last = 0;
        for (const QJsonValue &request : QJsonDocument::fromJson(requests.value()).array()) {
            const double atMs = request.toObject().value("time"_L1).toDouble() * 1000 - startedAtMs;
            first = first == 0 ? atMs : std::min(first, atMs);
            last = std::max(last, atMs);
        }
        starts.add(first);
        tails.add(wallMs - last - m_options.latencyMs);
    }
    m_cliMedianMs = walls.median();
    m_cliStartMs = startWalls.median();
    m_cliFirstRequestMs = starts.median();
    m_cliTailMs = tails.median();
    const double worstOverFloor = m_serverAloneMs / walls.worst();
    std::printf("CLI end to end (`genaiops eval run`, process start to exit, a new workspace each time), %d runs:\n",
                m_options.runs);
    std::printf("  wall median / worst %s ms; against the floor (the server alone) %.3f / %.3f (target ≥ 0.95: %s); "
                "against the ideal %.3f / %.3f\n",
                qPrintable(walls.medianAndWorst(0)), m_serverAloneMs / walls.median(), worstOverFloor,
                verdict(worstOverFloor >= RatioTarget), m_idealMs / walls.median(), m_idealMs / walls.worst());
    std::printf("  process start to the server's first request %s ms; the last reply to exit %s ms; "
                "`genaiops --version` alone (the process's start and exit) %s ms\n",
                qPrintable(starts.medianAndWorst(1)), qPrintable(tails.medianAndWorst(1)),
                qPrintable(startWalls.medianAndWorst(1)));
    const double worstRatio = m_idealMs / walls.worst();
    m_figures.insert("cli_wall_ms"_L1, qRound(walls.median()));
    m_figures.insert("cli_worst_wall_ms"_L1, qRound(walls.worst()));
    m_figures.insert("cli_rate_ratio"_L1, rounded(m_idealMs / walls.median()));
    m_figures.insert("cli_worst_rate_ratio"_L1, rounded(worstRatio));
    m_figures.insert("cli_over_server_alone"_L1, rounded(worstOverFloor));
    m_figures.insert("cli_first_request_ms"_L1, rounded(m_cliFirstRequestMs, 1));
    m_figures.insert("cli_tail_ms"_L1, rounded(m_cliTailMs, 1));
    m_figures.insert("cli_start_ms"_L1, rounded(m_cliStartMs, 1));
    return Done{};
}

// The ideal is items × latency ÷ concurrency; each step below adds what one more layer costs, measured
// on the same server in this run (medians).
void ThroughputBench::printBreakdown()
{
    const double rounds = double(m_options.items) / m_options.concurrency;
    const auto line = [&](const char *what, double fromMs, double toMs) {
        std::printf("  %-62s %+7.0f ms (%+.2f ms per item in a slot)\n", what, toMs - fromMs, (toMs - fromMs) / rounds);
    };
    std::printf("where the time beyond the ideal %.0f ms goes:\n", m_idealMs);
    line("the server and loopback (plain sockets)", m_idealMs, m_serverAloneMs);
    line("Qt's HTTP (QNetworkAccessManager) and ChatProvider", m_serverAloneMs, m_providersMs);
    line("EvalRunner: scheduling, scoring, storing, the last items", m_providersMs, m_workbench.wallMs);
    line("the CLI: process start, workspace, import, summary", m_workbench.wallMs, m_cliMedianMs);
    std::printf("  (of the CLI's part, %.0f ms before the first request, %.0f ms after the last reply; %.0f ms is a "
                "process that only prints its version)\n",
                m_cliFirstRequestMs, m_cliTailMs, m_cliStartMs);
    const double serverAloneRatio = m_serverAloneMs / m_workbench.wallMs;
    std::printf("  workbench run against the server alone: %.3f (target ≥ 0.95: %s)\n", serverAloneRatio,
                verdict(serverAloneRatio >= RatioTarget));
    m_figures.insert("workbench_over_server_alone"_L1, rounded(serverAloneRatio));
}

// A promptfoo that cannot run here is reported and skipped, not a failure of the bench.
void ThroughputBench::promptfooPhase()
{
    if (m_options.promptfoo.isEmpty()) {
        std::printf("promptfoo: skipped (%s)\n", qPrintable(m_options.noPromptfooReason));
        return;
    }
    if (const Status reset = resetServer(*m_control); !reset) {
        std::printf("promptfoo: skipped, the server could not be reset: %s\n", qPrintable(reset.error().describe()));
        return;
    }
    const CpuSample start = CpuSample::now(m_server.processId());
    const Result<PromptfooEval::Outcome> outcome = PromptfooEval::run(
        {m_options.promptfoo, m_directory.path(), m_baseUrl, Model, m_options.concurrency}, m_items);
    if (!outcome) {
        std::printf("promptfoo: skipped, it could not run here: %s\n", qPrintable(outcome.error().describe()));
        return;
    }
    const PromptfooEval::Outcome &p = outcome.value();
    const CpuSample cpu = CpuSample::now(m_server.processId()) - start;
    const ServerStats server = serverStats(*m_control);
    const WorkbenchEvalRun::Outcome &w = m_workbench;
    std::printf("promptfoo %s (eval -j %d --no-cache):\n", qPrintable(p.version), m_options.concurrency);
    std::printf("  process wall %.0f ms, its own evaluation time %.0f ms; %d passed, %d failed, %d errors; "
                "max %d in flight; peak VmHWM %lld KiB\n",
                p.wallMs, p.reportedMs, p.passed, p.failed, p.errors, server.maxInFlight,
                static_cast<long long>(p.peakKiB));
    std::printf("  rate ratio ideal/wall: promptfoo process %.3f, its evaluation %.3f\n", m_idealMs / p.wallMs,
                m_idealMs / p.reportedMs);
    std::printf("  workbench / promptfoo: run wall / evaluation time %.3f; setup + run / process wall %.3f\n",
                w.wallMs / p.reportedMs, (w.setupMs + w.wallMs) / p.wallMs);
    printCpu("promptfoo (its start included)", p.cpuMs, cpu.server, qMax(0.0, cpu.othersMs() - p.cpuMs), p.wallMs,
             m_options.items);
    m_figures.insert("promptfoo_wall_ms"_L1, qRound(p.wallMs));
    m_figures.insert("promptfoo_eval_ms"_L1, qRound(p.reportedMs));
    m_figures.insert("promptfoo_passed"_L1, p.passed);
    m_figures.insert("promptfoo_peak_rss_kib"_L1, p.peakKiB);
    m_figures.insert("promptfoo_max_in_flight"_L1, server.maxInFlight);
    m_figures.insert("promptfoo_cpu_ms_per_item"_L1, rounded(p.cpuMs / m_options.items, 2));
    m_figures.insert("workbench_over_promptfoo"_L1, rounded(w.wallMs / p.reportedMs));
    m_figures.insert("workbench_over_promptfoo_process"_L1, rounded((w.setupMs + w.wallMs) / p.wallMs));
}
