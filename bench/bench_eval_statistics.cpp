// bench_eval_statistics: what the intervals and the paired comparison cost on big runs, against the
// one-second limit for opening the compare view of two 100,000-item runs.
//
//   build/<dir>/bench/bench_eval_statistics [--items N] [--repeat R]
//
// A workspace is made with a dataset of N synthetic items and two completed runs over it (four
// lexical metrics each; run B's scores shifted by a seeded random amount, so there is a difference
// to find); that is set-up and only reported. Then, on the same connection, each step is timed R
// times (median and worst printed):
//   summary   RunSummary::compute of run B: its scores, every metric's mean with SE and 95 % CI,
//             Wilson's pass-rate interval and the median's bootstrap interval
//   compare   RunComparison::compute of A and B: both runs' scores, pairing, the paired t-tests,
//             sign tests and Holm's correction
//   dialog    CompareRunsDialog from construction to its table and chart painted (offscreen,
//             1000 × 680), its comparison computed on a real WorkspaceWorker thread
// The verdict is on the dialog's worst time against the limit. The last line is one JSON object.
// Exit status 0 on success, 1 if a step failed, 64 on bad arguments.

#include "core/eval/runcomparison.h"
#include "core/eval/runsummary.h"
#include "core/storage/workspace.h"
#include "core/storage/workspaceworker.h"
#include "core/workspaceschema.h"
#include "goldendatasetfile.h"
#include "syntheticrun.h"
#include "ui/eval/comparerunsdialog.h"
#include "ui/eval/runlistmodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr double OpenLimitMs = 1000.0;
enum ExitCode { ExitOk = 0, ExitStepFailed = 1, ExitUsage = 64 };

int fail(const Error &error)
{
    std::fprintf(stderr, "bench_eval_statistics: %s\n", qPrintable(error.describe()));
    return ExitStepFailed;
}

struct Figures
{
    double median = 0;
    double worst = 0;
};

Figures figuresOf(QList<double> times)
{
    std::sort(times.begin(), times.end());
    return {times[times.size() / 2], times.last()};
}

template<typename Work> Figures repeated(int repeats, Work &&work)
{
    QList<double> times;
    for (int round = 0; round < repeats; ++round) {
        QElapsedTimer clock;
        clock.start();
        work();
        times << double(clock.nsecsElapsed()) / 1e6;
    }
    return figuresOf(times);
}

Result<std::unique_ptr<Workspace>> openWorkspace(const QString &path)
{
    return Workspace::openSqlite(path, Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules());
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Cost of the statistics and of the compare view on big runs."_s);
    parser.addHelpOption();
    const QCommandLineOption itemsOption(u"items"_s, u"items per run (default 100000)"_s, u"N"_s, u"100000"_s);
    const QCommandLineOption repeatOption(u"repeat"_s, u"times each step is measured (default 5)"_s, u"R"_s, u"5"_s);
    parser.addOptions({itemsOption, repeatOption});
    parser.process(app);
    bool itemsOk = false, repeatOk = false;
    const int items = parser.value(itemsOption).toInt(&itemsOk);
    const int repeats = parser.value(repeatOption).toInt(&repeatOk);
    if (!itemsOk || !repeatOk || items < 2 || repeats < 1) {
        std::fprintf(stderr, "bench_eval_statistics: --items takes a whole number ≥ 2, --repeat one ≥ 1\n");
        return ExitUsage;
    }

    QTemporaryDir directory;
    const QString datasetPath = directory.filePath(u"golden.jsonl"_s);
    const QString workspacePath = directory.filePath(u"workspace.db"_s);
    QElapsedTimer setupClock;
    setupClock.start();
    if (const Status written = GoldenDatasetFile::write(datasetPath, items, GoldenDatasetFile::Responses::With);
        !written)
        return fail(written.error());
    qint64 runA = 0, runB = 0;
    {
        auto workspace = openWorkspace(workspacePath);
        if (!workspace)
            return fail(workspace.error());
        for (qint64 *run : {&runA, &runB}) {
            const Result<qint64> created = SyntheticRun::create(*workspace.value(), datasetPath, 5000);
            if (!created)
                return fail(created.error());
            *run = created.value();
        }
        // Run B moves each score by −0.04 … +0.059, seeded by SQLite's random(): a small true gain.
        QSqlQuery shift(workspace.value()->database());
        if (!shift.exec(
                u"UPDATE eval_scores SET value = max(0.0, min(1.0, value + (abs(random()) %% 100) / 1000.0 - 0.04)) "
                "WHERE run_id = %1 AND value IS NOT NULL"_s.arg(runB)
                    .replace(u"%%"_s, u"%"_s)))
            return fail(makeError(Error::Kind::Storage, u"shifting run B's scores failed"_s));
    }
    std::printf("set-up: a dataset of %d items and two completed runs over it (4 lexical metrics each) in %.1f s\n",
                items, double(setupClock.elapsed()) / 1000);

    auto opened = openWorkspace(workspacePath);
    if (!opened)
        return fail(opened.error());
    Workspace &workspace = *opened.value();
    std::optional<RunSummary> summary;
    const Figures summaryFigures = repeated(repeats, [&] {
        auto computed = RunSummary::compute(workspace, runB);
        if (computed)
            summary = std::move(computed.value());
    });
    if (!summary)
        return fail(makeError(Error::Kind::Storage, u"RunSummary::compute failed"_s));
    std::printf("  %-44s median %7.1f ms  worst %7.1f ms  (%lld metrics)\n", "RunSummary::compute (run B, intervals)",
                summaryFigures.median, summaryFigures.worst, static_cast<long long>(summary->metrics.size()));
    std::optional<RunComparison> comparison;
    const Figures compareFigures = repeated(repeats, [&] {
        auto computed = RunComparison::compute(workspace, runA, runB);
        if (computed)
            comparison = std::move(computed.value());
    });
    if (!comparison)
        return fail(makeError(Error::Kind::Storage, u"RunComparison::compute failed"_s));
    std::printf("  %-44s median %7.1f ms  worst %7.1f ms  (%lld pairs)\n", "RunComparison::compute (A against B)",
                compareFigures.median, compareFigures.worst, static_cast<long long>(comparison->pairedItems));
    for (const MetricComparison &metric : std::as_const(comparison->metrics))
        std::printf("    %-18s %s\n", qPrintable(metric.metric), qPrintable(RunComparison::describe(metric)));
    opened.value().reset();

    WorkspaceWorker worker;
    bool workerOpen = false;
    QEventLoop opening;
    worker.open(workspacePath, Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules(), &app,
                [&](Result<Workspace::Info> info) {
                    workerOpen = bool(info);
                    opening.quit();
                });
    opening.exec();
    if (!workerOpen)
        return fail(makeError(Error::Kind::Storage, u"the worker could not open the workspace"_s));
    QList<RunListEntry> entries(2);
    entries[0].run = comparison->runA;
    entries[1].run = comparison->runB;
    const Figures dialogFigures = repeated(repeats, [&] {
        CompareRunsDialog dialog(worker, entries, runB);
        QEventLoop waiting;
        QObject::connect(&dialog, &CompareRunsDialog::compared, &waiting, &QEventLoop::quit);
        waiting.exec();
        dialog.grab();
    });
    const double ratio = dialogFigures.worst / OpenLimitMs;
    std::printf("  %-44s median %7.1f ms  worst %7.1f ms: %.3f of the %.0f ms limit (%s)\n",
                "compare view opened and painted", dialogFigures.median, dialogFigures.worst, ratio, OpenLimitMs,
                ratio <= 1 ? "met" : "NOT met");
    const auto round1 = [](double ms) { return qRound(ms * 10) / 10.0; };
    const QJsonObject figures{{"items"_L1, items},
                              {"summary_median_ms"_L1, round1(summaryFigures.median)},
                              {"compare_median_ms"_L1, round1(compareFigures.median)},
                              {"dialog_median_ms"_L1, round1(dialogFigures.median)},
                              {"dialog_worst_ms"_L1, round1(dialogFigures.worst)},
                              {"dialog_ratio"_L1, qRound(ratio * 1000) / 1000.0}};
    std::printf("%s\n", QJsonDocument(figures).toJson(QJsonDocument::Compact).constData());
    return ExitOk;
}
