// bench_edge_ui_stall: the UI event loop's worst stall while the Edge panel receives a flood.
//
//   build/<dir>/bench/bench_edge_ui_stall [--rate R] [--seconds S] [--devices D] [--repeats N]
//
// `genaiops edge simulate` (a separate process, as a fleet would be) publishes R messages per
// second (default 20,000) from D devices for S seconds to a local mosquitto, one in 50 with an
// inline image. A 1 ms timer on the UI thread measures the gap between its ticks: a gap beyond 1 ms
// is time the event loop could not answer.
//   1. The floor: the same flood, taken by mosquitto_sub, while this process's event loop runs
//      nothing but the meter. Its stalls are the machine's (two cores shared by the publisher, the
//      broker and the subscriber), which no panel can go below.
//   2. The panel: the Edge panel, offscreen, connected to the broker, N times (default 3). Every
//      event the UI thread handles is timed, so the time can be put down to painting, applying
//      updates or timers.
// Printed: for each, the worst stall and the 99th percentile gap; for the panel the median and the
// worst of the repeats against the limits (p99 under 16 ms, worst under 33 ms: a frame at 60 Hz,
// two frames), the ratio to the floor and what the panel adds to it; the messages the panel counted
// against those published; the share of the cores other processes took; memory. The verdict is on
// what the panel adds to the floor, since the floor is not the panel's to remove. The last line is
// one JSON object. Exit 0, or 1 when a phase failed or a message went uncounted.

#include "benchfigures.h"
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
#include <QEventLoop>
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

// Runs the event loop until `done` or the timeout; true when done. The loop blocks between events,
// as an application's does: spinning processEvents() instead would keep this thread on a core and
// take it from the panel's own threads, the broker and the publisher.
template<typename Predicate> bool waitUntil(Predicate done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer check;
    check.setInterval(5);
    QObject::connect(&check, &QTimer::timeout, &loop, [&]() {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    check.start();
    loop.exec();
    return done();
}

double percentile(std::vector<double> values, double share)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(share * double(values.size())))];
}

constexpr double p99LimitMs = 16;
constexpr double worstLimitMs = 33;

// A 1 ms tick on the UI thread; each gap's excess over 1 ms is a stall.
class Meter
{
public:
    explicit Meter(int seconds)
    {
        m_gaps.reserve(std::size_t(seconds) * 2000);
        m_ends.reserve(std::size_t(seconds) * 2000);
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this]() {
            if (m_sinceTick.isValid()) {
                m_gaps.push_back(double(m_sinceTick.nsecsElapsed()) / 1e6);
                m_ends.push_back(double(m_wall.nsecsElapsed()) / 1e9);
            }
            m_sinceTick.start();
        });
    }
    void start()
    {
        m_wall.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }

    double worstStall() const { return m_gaps.empty() ? 0 : *std::max_element(m_gaps.begin(), m_gaps.end()) - 1.0; }
    double p99() const { return percentile(m_gaps, 0.99); }
    double p999() const { return percentile(m_gaps, 0.999); }
    qint64 over(double limit) const
    {
        return std::count_if(m_gaps.begin(), m_gaps.end(), [&](double gap) { return gap - 1.0 > limit; });
    }
    std::size_t ticks() const { return m_gaps.size(); }
    // "12.3 ms at 0.21 s, …": when the worst ones came, counted from the start of the flood.
    QString worstFive() const
    {
        std::vector<std::size_t> order(m_gaps.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return m_gaps[a] > m_gaps[b]; });
        QStringList five;
        for (std::size_t index = 0; index < std::min<std::size_t>(5, order.size()); ++index)
            five << u"%1 ms at %2 s"_s.arg(m_gaps[order[index]] - 1.0, 0, 'f', 1).arg(m_ends[order[index]], 0, 'f', 2);
        return five.join(u", "_s);
    }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    QElapsedTimer m_wall;
    std::vector<double> m_gaps;
    std::vector<double> m_ends;
};

struct FloodOptions
{
    int rate = 20000;
    int seconds = 10;
    int devices = 50;
};

// One flood from `genaiops edge simulate`, with the meter running from its start to the moment
// `counted` reaches what was published (or the simulator ends, when nothing is counted here).
struct Flood
{
    qint64 published = 0;
    double publishSeconds = 0;
    double wallSeconds = 0;
    double ownCpuMs = 0; // this process
    double simulatorCpuMs = 0;
    double otherShare = 0; // of the host's cores, beyond this process, the simulator and `alsoLoad`
};

template<typename Counted>
Flood flood(const FloodOptions &options, const LocalBroker &broker, const QString &workspace, Meter &meter,
            TimingApplication &app, Counted counted, qint64 alsoLoadPid = 0)
{
    QProcess simulator;
    OtherLoad others;
    const double alsoBefore = alsoLoadPid > 0 ? processCpuMs(alsoLoadPid) : 0;
    const double brokerBefore = processCpuMs(broker.processId());
    simulator.start(QStringLiteral(GENAIOPS_CLI_PATH),
                    {u"--workspace"_s, workspace, u"edge"_s, u"simulate"_s, u"--broker"_s, broker.url(), u"--devices"_s,
                     QString::number(options.devices), u"--rate"_s, QString::number(options.rate), u"--duration"_s,
                     QString::number(options.seconds), u"--image-every"_s, u"50"_s, u"--malformed-every"_s, u"500"_s,
                     u"--json"_s});
    simulator.waitForStarted(5000);
    const double cpuBefore = processCpuMs();
    QElapsedTimer wall;
    wall.start();
    others.start();
    meter.start();
    app.measuring = true;
    double simulatorCpuMs = 0;
    waitUntil(
        [&]() {
            if (simulator.state() != QProcess::Running)
                return true;
            simulatorCpuMs = processCpuMs(simulator.processId()); // while it can still be read
            return false;
        },
        (options.seconds + 30) * 1000);
    simulator.waitForFinished(5000);
    Flood result;
    const QJsonObject published = QJsonDocument::fromJson(simulator.readAllStandardOutput()).object();
    result.published = published.value(u"published"_s).toInteger();
    result.publishSeconds = published.value(u"seconds"_s).toDouble();
    waitUntil([&]() { return counted() >= result.published; }, 10000);
    meter.stop();
    app.measuring = false;
    result.wallSeconds = double(wall.elapsed()) / 1000.0;
    result.ownCpuMs = processCpuMs() - cpuBefore;
    result.simulatorCpuMs = simulatorCpuMs;
    const double children = simulatorCpuMs + (processCpuMs(broker.processId()) - brokerBefore)
        + (alsoLoadPid > 0 ? processCpuMs(alsoLoadPid) - alsoBefore : 0);
    result.otherShare = others.share(children);
    return result;
}

QString stallLine(const Meter &meter)
{
    return u"worst stall %1 ms, gaps p99 %2 ms, p99.9 %3 ms; stalls over 16 ms: %4, over 33 ms: %5; %6 ticks"_s
        .arg(meter.worstStall(), 0, 'f', 1)
        .arg(meter.p99(), 0, 'f', 1)
        .arg(meter.p999(), 0, 'f', 1)
        .arg(meter.over(16))
        .arg(meter.over(33))
        .arg(meter.ticks());
}

// Where the UI thread's time went, by kind of event: the longest single one and the total.
void printEventKinds(const TimingApplication &app)
{
    std::vector<std::pair<int, TimingApplication::Longest>> kinds(app.longestByType.begin(), app.longestByType.end());
    std::sort(kinds.begin(), kinds.end(),
              [](const auto &a, const auto &b) { return a.second.totalMs > b.second.totalMs; });
    for (std::size_t index = 0; index < std::min<std::size_t>(4, kinds.size()); ++index)
        print(u"    %1: longest %2 ms (%3 ms of it on the CPU), %4 ms in all over %5 events"_s
                  .arg(eventName(kinds[index].first))
                  .arg(kinds[index].second.ms, 0, 'f', 1)
                  .arg(kinds[index].second.cpuMs, 0, 'f', 1)
                  .arg(kinds[index].second.totalMs, 0, 'f', 0)
                  .arg(kinds[index].second.count));
}

// The floor: mosquitto_sub takes the flood as the panel would, and the event loop runs only the meter.
bool floorPhase(const FloodOptions &options, const LocalBroker &broker, const QString &workspace,
                TimingApplication &app, Meter &meter)
{
    QProcess subscriber;
    subscriber.setStandardOutputFile(QProcess::nullDevice());
    subscriber.start(u"mosquitto_sub"_s,
                     {u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(broker.port()), u"-t"_s,
                      MqttSettings::defaultTopic(), u"-q"_s, u"0"_s});
    if (!subscriber.waitForStarted(5000)) {
        std::fprintf(stderr, "bench_edge_ui_stall: mosquitto_sub did not start: %s\n",
                     qPrintable(subscriber.errorString()));
        return false;
    }
    QElapsedTimer settle;
    settle.start();
    waitUntil([&]() { return settle.elapsed() > 500; }, 1000); // subscribed before the flood
    const Flood result = flood(
        options, broker, workspace, meter, app, []() { return qint64(0); }, subscriber.processId());
    subscriber.terminate();
    subscriber.waitForFinished(5000);
    print(u"floor (a bare event loop; mosquitto_sub takes the flood): published %1 messages in %2 s; %3"_s
              .arg(result.published)
              .arg(result.publishSeconds, 0, 'f', 1)
              .arg(stallLine(meter)));
    print(u"  other processes took %1 % of the host's %2 cores"_s.arg(result.otherShare * 100, 0, 'f', 0)
              .arg(QThread::idealThreadCount()));
    return result.published > 0;
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
    const QCommandLineOption repeatsOption(u"repeats"_s, u"floods the panel takes (default 3)"_s, u"N"_s, u"3"_s);
    parser.addOptions({rateOption, secondsOption, devicesOption, repeatsOption});
    parser.process(app);
    FloodOptions options{parser.value(rateOption).toInt(), parser.value(secondsOption).toInt(),
                         parser.value(devicesOption).toInt()};
    const int repeats = parser.value(repeatsOption).toInt();
    if (options.rate < 1 || options.seconds < 1 || options.devices < 1 || repeats < 1) {
        std::fprintf(stderr,
                     "bench_edge_ui_stall: --rate, --seconds, --devices and --repeats take whole numbers ≥ 1\n");
        return 1;
    }

    QTemporaryDir directory;
    const QString simulatorWorkspace = directory.filePath(u"simulator.genaiops"_s);
    LocalBroker broker;
    if (Status started = broker.start(); !started) {
        std::fprintf(stderr, "bench_edge_ui_stall: %s\n", qPrintable(started.error().describe()));
        return 1;
    }
    print(u"%1 msg/s from %2 devices for %3 s, one in 50 with an inline image; %4 cores"_s.arg(options.rate)
              .arg(options.devices)
              .arg(options.seconds)
              .arg(QThread::idealThreadCount()));
    Meter floorMeter(options.seconds);
    if (!floorPhase(options, broker, simulatorWorkspace, app, floorMeter))
        return 1;
    app.longestByType.clear();

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

    Repeats worst, p99, others;
    bool allCounted = true;
    qint64 publishedInAll = 0;
    for (int repeat = 1; repeat <= repeats; ++repeat) {
        const qint64 countedBefore = panel.fleet().messages;
        Meter meter(options.seconds);
        const Flood result = flood(options, broker, simulatorWorkspace, meter, app,
                                   [&]() { return panel.fleet().messages - countedBefore; });
        const qint64 counted = panel.fleet().messages - countedBefore;
        allCounted = allCounted && result.published > 0 && counted == result.published;
        publishedInAll += result.published;
        worst.add(meter.worstStall());
        p99.add(meter.p99());
        others.add(result.otherShare * 100);
        print(u"panel, flood %1 of %2: published %3 in %4 s, the panel counted %5; %6"_s.arg(repeat)
                  .arg(repeats)
                  .arg(result.published)
                  .arg(result.publishSeconds, 0, 'f', 1)
                  .arg(counted)
                  .arg(stallLine(meter)));
        print(u"  worst five stalls: "_s + meter.worstFive());
        print(u"  process CPU %1 % of one core over %2 s; other processes took %3 % of the host's cores"_s
                  .arg(result.ownCpuMs / result.wallSeconds / 10.0, 0, 'f', 0)
                  .arg(result.wallSeconds, 0, 'f', 1)
                  .arg(result.otherShare * 100, 0, 'f', 0));
        printEventKinds(app);
        app.longestByType.clear();
    }
    const double addedWorst = std::max(0.0, worst.worst() - floorMeter.worstStall());
    const double addedP99 = std::max(0.0, p99.worst() - floorMeter.p99());
    const bool met = addedWorst < worstLimitMs && addedP99 < p99LimitMs;
    print(
        u"panel over %1 floods (median / worst): worst stall %2 ms, p99 gap %3 ms; other processes %4 %"_s.arg(repeats)
            .arg(worst.medianAndWorst())
            .arg(p99.medianAndWorst())
            .arg(others.medianAndWorst(0)));
    print(u"  against the floor (worst stall %1 ms, p99 %2 ms): ratio %3 and %4; the panel adds %5 ms to the worst "
          u"stall (limit %6) and %7 ms to p99 (limit %8): %9"_s.arg(floorMeter.worstStall(), 0, 'f', 1)
              .arg(floorMeter.p99(), 0, 'f', 1)
              .arg(worst.worst() / std::max(0.1, floorMeter.worstStall()), 0, 'f', 2)
              .arg(p99.worst() / std::max(0.1, floorMeter.p99()), 0, 'f', 2)
              .arg(addedWorst, 0, 'f', 1)
              .arg(worstLimitMs, 0, 'f', 0)
              .arg(addedP99, 0, 'f', 1)
              .arg(p99LimitMs, 0, 'f', 0)
              .arg(QString::fromLatin1(verdict(met))));
    print(u"  absolute (limits p99 < 16 ms, worst < 33 ms): p99 %1, worst %2; every message counted: %3"_s
              .arg(QString::fromLatin1(verdict(p99.worst() < p99LimitMs)))
              .arg(QString::fromLatin1(verdict(worst.worst() < worstLimitMs)))
              .arg(allCounted ? u"yes"_s : u"NO"_s));
    print(u"panel: %1 updates applied, %2 event rows (capped at %3), %4 devices; peak RSS %5 MiB"_s
              .arg(panel.updatesApplied())
              .arg(panel.eventLog()->model()->rowCount())
              .arg(EventLogModel::capacity)
              .arg(panel.fleet().devices.size())
              .arg(double(peakResidentSetKiB()) / 1024.0, 0, 'f', 1));
    print(QString::fromUtf8(QJsonDocument(QJsonObject{{u"published"_s, publishedInAll},
                                                      {u"rate"_s, options.rate},
                                                      {u"repeats"_s, repeats},
                                                      {u"floor_worst_stall_ms"_s, floorMeter.worstStall()},
                                                      {u"floor_p99_gap_ms"_s, floorMeter.p99()},
                                                      {u"worst_stall_ms"_s, worst.worst()},
                                                      {u"median_worst_stall_ms"_s, worst.median()},
                                                      {u"p99_gap_ms"_s, p99.worst()},
                                                      {u"added_worst_stall_ms"_s, addedWorst},
                                                      {u"all_counted"_s, allCounted},
                                                      {u"met"_s, met},
                                                      {u"peak_rss_mib"_s, double(peakResidentSetKiB()) / 1024.0}})
                                .toJson(QJsonDocument::Compact)));
    return allCounted ? 0 : 1;
}
