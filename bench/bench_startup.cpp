// Start-up and idle memory of the GUI, as a person meets them: the time from starting
// genaiops-workbench to its window's first paint (a fresh workspace, then with --demo), against a
// floor measured in the same run (this program showing a bare QMainWindow: what Qt itself costs
// here), and the resident set of a running --demo after some minutes (default 10; the Edge demo
// publishes about 160 inspections a second into the event log the whole time).
//
//   bench_startup [--runs N] [--minutes M] [--platform offscreen|xcb]
//
// The offscreen platform by default; --platform xcb uses $DISPLAY (an X server such as Xvfb), as
// a person's desktop would. The figures are for this machine only; the verdicts are on the limits
// the product promises: first paint under 300 ms, idle RSS under 100 MB.

#include "processmemory.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEvent>
#include <QMainWindow>
#include <QProcess>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>

namespace {

constexpr double firstPaintLimitMs = 300;
constexpr double idleRssLimitMb = 100;

// The floor: a bare window in a process of its own, reporting its first paint as the workbench does.
class BareWindowProbe : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && watched->isWidgetType()) {
            std::fputs("first-paint\n", stderr);
            std::fflush(stderr);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
            qApp->removeEventFilter(this);
        }
        return false;
    }
};

int bareWindow(int argc, char *argv[])
{
    QApplication application(argc, argv);
    BareWindowProbe probe;
    application.installEventFilter(&probe);
    QMainWindow window;
    window.statusBar()->showMessage(QStringLiteral("floor"));
    window.resize(1280, 720);
    window.show();
    return application.exec();
}

QString platform = QStringLiteral("offscreen");

// Milliseconds from starting `program` to its "first-paint" line, or -1.
double timeToFirstPaint(const QString &program, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("GENAIOPS_FIRST_PAINT"), QStringLiteral("exit"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), platform);
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setReadChannel(QProcess::StandardError);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    QByteArray seen;
    double at = -1;
    while (at < 0 && process.state() != QProcess::NotRunning && clock.elapsed() < 20000) {
        process.waitForReadyRead(50);
        seen += process.readAllStandardError();
        if (seen.contains("first-paint\n"))
            at = double(clock.nsecsElapsed()) / 1e6;
    }
    process.waitForFinished(10000);
    return at;
}

struct Spread
{
    double median = -1;
    double worst = -1;
};

Spread spreadOf(QList<double> values)
{
    if (values.isEmpty() || *std::min_element(values.begin(), values.end()) < 0)
        return {};
    std::sort(values.begin(), values.end());
    return {values[values.size() / 2], values.last()};
}

Spread measure(int runs, const QString &program, const std::function<QStringList(int)> &arguments)
{
    QList<double> times;
    for (int run = 0; run < runs; ++run)
        times << timeToFirstPaint(program, arguments(run));
    return spreadOf(times);
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc > 1 && std::strcmp(argv[1], "--bare-window") == 0)
        return bareWindow(argc, argv);
    QCoreApplication application(argc, argv);
    int runs = 5;
    double minutes = 10;
    const QStringList arguments = application.arguments();
    if (const qsizetype at = arguments.indexOf(QStringLiteral("--runs")); at > 0 && at + 1 < arguments.size())
        runs = std::max(3, arguments[at + 1].toInt());
    if (const qsizetype at = arguments.indexOf(QStringLiteral("--minutes")); at > 0 && at + 1 < arguments.size())
        minutes = std::max(0.1, arguments[at + 1].toDouble());
    if (const qsizetype at = arguments.indexOf(QStringLiteral("--platform")); at > 0 && at + 1 < arguments.size())
        platform = arguments[at + 1];
    const QString workbench = QStringLiteral(GENAIOPS_WORKBENCH_PATH);
    QTemporaryDir directory;

    const Spread floor = measure(runs, application.applicationFilePath(),
                                 [](int) { return QStringList{QStringLiteral("--bare-window")}; });
    const Spread fresh = measure(runs, workbench, [&](int run) {
        return QStringList{QStringLiteral("--workspace"),
                           directory.filePath(QStringLiteral("fresh-%1.genaiops").arg(run))};
    });
    const Spread demo = measure(runs, workbench, [&](int run) {
        return QStringList{QStringLiteral("--workspace"),
                           directory.filePath(QStringLiteral("demo-%1.genaiops").arg(run)), QStringLiteral("--demo")};
    });
    std::printf("start-up to first paint, %s, %d runs each (median / worst):\n", qPrintable(platform), runs);
    std::printf("  floor (a bare QMainWindow)      %7.1f / %7.1f ms\n", floor.median, floor.worst);
    for (const auto &[label, spread] :
         {std::pair{"workbench, new workspace", fresh}, std::pair{"workbench --demo", demo}}) {
        std::printf("  %-31s %7.1f / %7.1f ms   %.2f× the floor   limit %.0f ms: %s\n", label, spread.median,
                    spread.worst, floor.median > 0 ? spread.median / floor.median : 0.0, firstPaintLimitMs,
                    spread.worst > 0 && spread.worst < firstPaintLimitMs ? "met" : "NOT met");
    }
    std::fflush(stdout);

    // Idle memory: the demo left running, sampled every few seconds.
    QProcess running;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), platform);
    running.setProcessEnvironment(environment);
    running.setStandardOutputFile(QProcess::nullDevice());
    running.setStandardErrorFile(QProcess::nullDevice());
    running.start(
        workbench,
        {QStringLiteral("--workspace"), directory.filePath(QStringLiteral("idle.genaiops")), QStringLiteral("--demo")});
    if (!running.waitForStarted(10000)) {
        std::printf("could not start %s\n", qPrintable(workbench));
        return 1;
    }
    const qint64 pid = running.processId();
    QElapsedTimer clock;
    clock.start();
    const qint64 durationMs = qint64(minutes * 60'000);
    qint64 firstKiB = -1, lastKiB = -1, highestKiB = 0, nextReportMs = 60'000;
    std::printf("idle RSS of genaiops-workbench --demo over %.1f min:\n", minutes);
    while (clock.elapsed() < durationMs && running.state() == QProcess::Running) {
        QThread::msleep(2000);
        lastKiB = residentSetKiB(pid);
        if (firstKiB < 0 && clock.elapsed() >= 5000)
            firstKiB = lastKiB; // once the window is up and the demo installed
        highestKiB = std::max(highestKiB, lastKiB);
        if (clock.elapsed() >= nextReportMs) {
            std::printf("  %4.1f min  %6.1f MB\n", double(clock.elapsed()) / 60'000, double(lastKiB) / 1024);
            std::fflush(stdout);
            nextReportMs += 60'000;
        }
    }
    const bool survived = running.state() == QProcess::Running;
    running.terminate();
    running.waitForFinished(10000);
    std::printf("  after 5 s %.1f MB, at the end %.1f MB, highest %.1f MB   limit %.0f MB: %s%s\n",
                double(firstKiB) / 1024, double(lastKiB) / 1024, double(highestKiB) / 1024, idleRssLimitMb,
                survived && highestKiB > 0 && double(highestKiB) / 1024 < idleRssLimitMb ? "met" : "NOT met",
                survived ? "" : " (the workbench exited early)");
    return 0;
}
