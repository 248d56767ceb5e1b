// bench_edge_ui_stall: the UI event loop's worst stall while the Edge panel receives a flood.
//
//   build/<dir>/bench/bench_edge_ui_stall [--rate R] [--seconds S] [--devices D]
//
// The Edge panel runs offscreen, connected to a local mosquitto; `genaiops edge simulate` (a
// separate process, as a fleet would be) publishes R messages per second (default 20,000) from D
// devices for S seconds, one in 50 with an inline image. A 1 ms timer on the UI thread measures the
// gap between its ticks: a gap beyond 1 ms is time the event loop could not answer (painting the
// panel, applying updates). Every event the UI thread handles is timed too, so the time can be put
// down to painting, applying updates or timers. Printed: worst stall against the 50 ms limit, the 99th and 99.9th
// percentile gaps, the messages the panel counted against those published, and memory. The last
// line is one JSON object. Exit 0, or 1 when a phase failed.

#include "core/edge/localbroker.h"
#include "core/secrets/credentialstore.h"
#include "core/storage/workspaceworker.h"
#include "core/workspaceschema.h"
#include "processcpu.h"
#include "processmemory.h"
#include "ui/edge/edgepanel.h"
#include "ui/edge/eventlogmodel.h"
#include "ui/edge/eventlogpane.h"
#include "ui/edge/fleettablemodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <numeric>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// Times every event the UI thread handles, so the worst stall can be put down to a kind of work:
// painting (UpdateRequest), applying a monitor update (MetaCall), timers.
class TimingApplication : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        // notify() runs on every thread; only the UI thread's events count here.
        if (!measuring || depth > 0 || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        ++depth;
        QElapsedTimer clock;
        clock.start();
        const double cpuBefore = threadCpuMs();
        const QEvent::Type type = event->type();
        const bool handled = QApplication::notify(receiver, event);
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        const double cpuMs = threadCpuMs() - cpuBefore;
        --depth;
        Longest &longest = longestByType[int(type)];
        longest.count += 1;
        longest.totalMs += ms;
        longest.ms = std::max(longest.ms, ms);
        longest.cpuMs = std::max(longest.cpuMs, cpuMs);
        return handled;
    }

    struct Longest
    {
        double ms = 0; // wall time, waits for a core included
        double cpuMs = 0; // the UI thread's own CPU time
        double totalMs = 0;
        qint64 count = 0;
    };
    bool measuring = false;
    int depth = 0;
    std::map<int, Longest> longestByType;
};

QString eventName(int type)
{
    switch (type) {
    case QEvent::UpdateRequest:
        return u"paint (UpdateRequest)"_s;
    case QEvent::MetaCall:
        return u"queued call (MetaCall: updates, signals)"_s;
    case QEvent::Timer:
        return u"timer"_s;
    case QEvent::LayoutRequest:
        return u"layout"_s;
    default:
        return u"event %1"_s.arg(type);
    }
}

void print(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

// Spins the event loop until `done` or the timeout; true when done.
template<typename Predicate> bool waitUntil(Predicate done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

double percentile(std::vector<double> values, double share)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(share * double(values.size())))];
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimingApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"The UI event loop's worst stall while the Edge panel receives a flood."_s);
    parser.addHelpOption();
    const QCommandLineOption rateOption(u"rate"_s, u"messages per second (default 20000)"_s, u"R"_s, u"20000"_s);
    const QCommandLineOption secondsOption(u"seconds"_s, u"seconds of publishing (default 10)"_s, u"S"_s, u"10"_s);
    const QCommandLineOption devicesOption(u"devices"_s, u"devices (default 50)"_s, u"D"_s, u"50"_s);
    parser.addOptions({rateOption, secondsOption, devicesOption});
    parser.process(app);
    const int rate = parser.value(rateOption).toInt();
    const int seconds = parser.value(secondsOption).toInt();
    const int devices = parser.value(devicesOption).toInt();
    if (rate < 1 || seconds < 1 || devices < 1) {
        std::fprintf(stderr, "bench_edge_ui_stall: --rate, --seconds and --devices take whole numbers ≥ 1\n");
        return 64;
    }

    QTemporaryDir directory;
    LocalBroker broker;
    if (Status started = broker.start(); !started) {
        std::fprintf(stderr, "bench_edge_ui_stall: %s\n", qPrintable(started.error().describe()));
        return 1;
    }
    WorkspaceWorker worker;
    bool opened = false;
    worker.open(directory.filePath(u"ws.genaiops"_s), Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules(),
                &app, [&](Result<Workspace::Info> info) { opened = info.ok(); });
    if (!waitUntil([&]() { return opened; }, 10000))
        return 1;
    CredentialStore store(u"genaiops-workbench-bench"_s);
    EdgePanel panel(worker, store);
    panel.resize(1280, 800);
    panel.show();
    panel.reload();
    MqttSettings settings;
    settings.host = u"127.0.0.1"_s;
    settings.port = broker.port();
    panel.connectToBroker(settings);
    if (!waitUntil([&]() { return panel.updatesApplied() > 2; }, 10000)) {
        std::fprintf(stderr, "bench_edge_ui_stall: the panel did not connect\n");
        return 1;
    }
    QElapsedTimer settle;
    settle.start();
    waitUntil([&]() { return settle.elapsed() > 500; }, 1000); // subscribed before the flood

    // The meter: a 1 ms tick on the UI thread; each gap's excess over 1 ms is a stall.
    std::vector<double> gaps;
    std::vector<double> gapEnds; // seconds since the flood began, to say when the worst ones came
    gaps.reserve(std::size_t(seconds) * 2000);
    gapEnds.reserve(std::size_t(seconds) * 2000);
    QElapsedTimer sinceTick;
    QElapsedTimer wall;
    QTimer meter;
    meter.setTimerType(Qt::PreciseTimer);
    meter.setInterval(1);
    QObject::connect(&meter, &QTimer::timeout, &app, [&]() {
        if (sinceTick.isValid()) {
            gaps.push_back(double(sinceTick.nsecsElapsed()) / 1e6);
            gapEnds.push_back(double(wall.nsecsElapsed()) / 1e9);
        }
        sinceTick.start();
    });

    QProcess simulator;
    simulator.start(QStringLiteral(GENAIOPS_CLI_PATH),
                    {u"--workspace"_s, directory.filePath(u"simulator.genaiops"_s), u"edge"_s, u"simulate"_s,
                     u"--broker"_s, broker.url(), u"--devices"_s, QString::number(devices), u"--rate"_s,
                     QString::number(rate), u"--duration"_s, QString::number(seconds), u"--image-every"_s, u"50"_s,
                     u"--malformed-every"_s, u"500"_s, u"--json"_s});
    const double cpuBefore = processCpuMs();
    wall.start();
    meter.start();
    app.measuring = true;
    waitUntil([&]() { return simulator.state() == QProcess::NotRunning; }, (seconds + 30) * 1000);
    const QJsonObject published = QJsonDocument::fromJson(simulator.readAllStandardOutput()).object();
    const qint64 sent = published.value(u"published"_s).toInteger();
    waitUntil([&]() { return panel.fleet().messages >= sent; }, 10000);
    meter.stop();
    app.measuring = false;
    const double wallSeconds = double(wall.elapsed()) / 1000.0;
    const double cpuMs = processCpuMs() - cpuBefore;

    const double worst = gaps.empty() ? 0 : *std::max_element(gaps.begin(), gaps.end()) - 1.0;
    const auto over = [&](double limit) {
        return std::count_if(gaps.begin(), gaps.end(), [&](double gap) { return gap - 1.0 > limit; });
    };
    print(u"published %1 messages in %2 s (%3 msg/s asked) from %4 devices; the panel counted %5"_s.arg(sent)
              .arg(published.value(u"seconds"_s).toDouble(), 0, 'f', 1)
              .arg(rate)
              .arg(devices)
              .arg(panel.fleet().messages));
    print(u"UI event loop: worst stall %1 ms (limit 50 ms, ratio %2) — %3; gaps p99 %4 ms, p99.9 %5 ms; "
          u"stalls over 16 ms: %6, over 50 ms: %7; %8 ticks"_s.arg(worst, 0, 'f', 1)
              .arg(worst / 50.0, 0, 'f', 2)
              .arg(worst <= 50 ? u"met"_s : u"NOT met"_s)
              .arg(percentile(gaps, 0.99), 0, 'f', 1)
              .arg(percentile(gaps, 0.999), 0, 'f', 1)
              .arg(over(16))
              .arg(over(50))
              .arg(gaps.size()));
    std::vector<std::size_t> order(gaps.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return gaps[a] > gaps[b]; });
    QStringList worstFive;
    for (std::size_t index = 0; index < std::min<std::size_t>(5, order.size()); ++index)
        worstFive << u"%1 ms at %2 s"_s.arg(gaps[order[index]] - 1.0, 0, 'f', 1).arg(gapEnds[order[index]], 0, 'f', 2);
    print(u"worst five stalls: "_s + worstFive.join(u", "_s));
    // Where the UI thread's time went, by kind of event: the longest single one and the total.
    std::vector<std::pair<int, TimingApplication::Longest>> kinds(app.longestByType.begin(), app.longestByType.end());
    std::sort(kinds.begin(), kinds.end(),
              [](const auto &a, const auto &b) { return a.second.totalMs > b.second.totalMs; });
    for (std::size_t index = 0; index < std::min<std::size_t>(4, kinds.size()); ++index)
        print(u"  %1: longest %2 ms (%3 ms of it on the CPU), %4 ms in all over %5 events"_s
                  .arg(eventName(kinds[index].first))
                  .arg(kinds[index].second.ms, 0, 'f', 1)
                  .arg(kinds[index].second.cpuMs, 0, 'f', 1)
                  .arg(kinds[index].second.totalMs, 0, 'f', 0)
                  .arg(kinds[index].second.count));
    print(u"panel: %1 updates applied, %2 event rows (capped at %3), %4 devices; process CPU %5 % of one core "
          u"over %6 s; peak RSS %7 MiB"_s.arg(panel.updatesApplied())
              .arg(panel.eventLog()->model()->rowCount())
              .arg(EventLogModel::capacity)
              .arg(panel.fleet().devices.size())
              .arg(cpuMs / wallSeconds / 10.0, 0, 'f', 0)
              .arg(wallSeconds, 0, 'f', 1)
              .arg(double(peakResidentSetKiB()) / 1024.0, 0, 'f', 1));
    print(QString::fromUtf8(QJsonDocument(QJsonObject{{u"published"_s, sent},
                                                      {u"counted"_s, panel.fleet().messages},
                                                      {u"rate"_s, rate},
                                                      {u"worst_stall_ms"_s, worst},
                                                      {u"p99_gap_ms"_s, percentile(gaps, 0.99)},
                                                      {u"stalls_over_50ms"_s, qint64(over(50))},
                                                      {u"peak_rss_mib"_s, double(peakResidentSetKiB()) / 1024.0}})
                                .toJson(QJsonDocument::Compact)));
    return sent > 0 && panel.fleet().messages == sent ? 0 : 1;
}
