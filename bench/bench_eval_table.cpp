// bench_eval_table: opening a run of 100,000 results on the Evaluations page, step by step, against
// the 500 ms limit and against a floor measured in the same run.
//
//   build/<dir>/bench/bench_eval_table [--items N] [--batch B] [--repeats R] [--keep-files]
//
// A workspace is made with a dataset of N synthetic items and a completed run with N results (four
// lexical metrics each, stored B at a time); that part is set-up and only reported. Then, R times
// (default 3) on a fresh connection, the steps the page takes when a run is opened are timed:
//   floor    the same rows read once through SQLite's C API, nothing converted (rawrunread.h)
//   first    RunTable::load of the first screen (200 items), ResultTableModel::setTable under the
//            filter proxy sorted by item, and the first paint of the table: rows on screen
//   whole    RunTable::load of the whole run (on the page's workspace thread, filters and chart
//            figures prepared in the same pass), then ResultTableModel::extendTable
//   charts   EvalCharts::setTable (histogram, scatter, pass rates from the prepared figures)
// "open" = first load + whole load + extend + charts, against 500 ms and against 3 × the floor.
// Then each filter (below threshold on any metric and on one, errors, a text search) and a sort by
// a score column, each with the table repainted, against 100 ms. Median and worst of the repeats
// are printed; the verdicts are on the worst. VmRSS is read after each step of the first repeat,
// and the share of the cores other processes took is printed beside the figures.
// The last line is one JSON object with the figures. Exit status 0 on success, 1 if a step failed,
// 64 on bad arguments.

#include "benchfigures.h"
#include "core/eval/runtable.h"
#include "core/storage/workspace.h"
#include "core/workspaceschema.h"
#include "goldendatasetfile.h"
#include "processmemory.h"
#include "rawrunread.h"
#include "syntheticrun.h"
#include "ui/eval/evalcharts.h"
#include "ui/eval/resultfilterproxy.h"
#include "ui/eval/resulttablemodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableView>
#include <QTemporaryDir>
#include <QVBoxLayout>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr double OpenLimitMs = 500.0;
constexpr double FirstRowsLimitMs = 100.0;
constexpr double FilterLimitMs = 100.0;
constexpr double FloorRatioLimit = 3.0;
constexpr qint64 FirstScreenItems = 200; // as the Evaluations panel reads first
const QString SearchText = u"turbine pressure"_s;

enum ExitCode { ExitOk = 0, ExitStepFailed = 1, ExitUsage = 64 };

int fail(const Error &error)
{
    std::fprintf(stderr, "bench_eval_table: %s\n", qPrintable(error.describe()));
    return ExitStepFailed;
}

double elapsedMs(const QElapsedTimer &clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

// One timed step: its time, and VmRSS right after it.
struct Step
{
    double ms = 0;
    qint64 residentKiB = 0;
};

template<typename Work> Step timed(Work &&work)
{
    QElapsedTimer clock;
    clock.start();
    work();
    return {elapsedMs(clock), residentSetKiB()};
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
    parser.setApplicationDescription(u"Time and memory to open a run of many results on the Evaluations page."_s);
    parser.addHelpOption();
    const QCommandLineOption itemsOption(u"items"_s, u"items and results (default 100000)"_s, u"N"_s, u"100000"_s);
    const QCommandLineOption batchOption(u"batch"_s, u"results per storeResults call (default 5000)"_s, u"B"_s,
                                         u"5000"_s);
    const QCommandLineOption repeatsOption(u"repeats"_s, u"times the run is opened (default 3)"_s, u"R"_s, u"3"_s);
    const QCommandLineOption keepOption(u"keep-files"_s, u"keep the temporary directory with the workspace"_s);
    parser.addOptions({itemsOption, batchOption, repeatsOption, keepOption});
    parser.process(app);
    bool itemsOk = false, batchOk = false, repeatsOk = false;
    const int items = parser.value(itemsOption).toInt(&itemsOk);
    const int batch = parser.value(batchOption).toInt(&batchOk);
    const int repeats = parser.value(repeatsOption).toInt(&repeatsOk);
    if (!itemsOk || !batchOk || !repeatsOk || items < 1 || batch < 1 || repeats < 1) {
        std::fprintf(stderr, "bench_eval_table: --items, --batch and --repeats take whole numbers ≥ 1\n");
        return ExitUsage;
    }

    QTemporaryDir directory;
    if (!directory.isValid())
        return fail(makeError(Error::Kind::Input, directory.errorString()));
    directory.setAutoRemove(!parser.isSet(keepOption));
    if (parser.isSet(keepOption))
        std::printf("files kept in %s\n", qPrintable(directory.path()));
    const QString datasetPath = directory.filePath(u"golden.jsonl"_s);
    const QString workspacePath = directory.filePath(u"workspace.db"_s);
    QElapsedTimer setupClock;
    setupClock.start();
    if (const Status written = GoldenDatasetFile::write(datasetPath, items, GoldenDatasetFile::Responses::With);
        !written)
        return fail(written.error());
    qint64 runId = 0;
    {
        auto workspace = openWorkspace(workspacePath);
        if (!workspace)
            return fail(workspace.error());
        const Result<qint64> created = SyntheticRun::create(*workspace.value(), datasetPath, batch);
        if (!created)
            return fail(created.error());
        runId = created.value();
    }
    std::printf("set-up: %d items and a completed run with %d results (4 lexical metrics each, %d per storeResults) "
                "in %.1f s; workspace %.1f MiB\n",
                items, items, batch, elapsedMs(setupClock) / 1000, double(QFileInfo(workspacePath).size()) / (1 << 20));

    Repeats floor, firstLoad, firstShown, wholeLoad, extend, chartsStep, open, firstRows, ratio, wholePaint;
    Repeats below, belowOne, errors, search, sortScore;
    qsizetype belowRows = 0, belowOneRows = 0, errorRows = 0, searchRows = 0;
    qint64 residentBefore = 0, residentOpen = 0, residentAfter = 0;
    OtherLoad others;
    others.start();
    for (int repeat = 0; repeat < repeats; ++repeat) {
        auto opened = openWorkspace(workspacePath);
        if (!opened)
            return fail(opened.error());
        Workspace &workspace = *opened.value();
        releaseFreeHeap();
        if (repeat == 0)
            residentBefore = residentSetKiB();

        // The page as it stands: the item table over the proxy, the charts below it.
        QWidget page;
        auto *layout = new QVBoxLayout(&page);
        auto *table = new QTableView(&page);
        auto *charts = new EvalCharts(&page);
        ResultTableModel model;
        ResultFilterProxy proxy;
        proxy.setSourceModel(&model);
        table->setModel(&proxy);
        table->setSortingEnabled(true);
        table->sortByColumn(ResultTableModel::IndexColumn, Qt::AscendingOrder);
        table->setWordWrap(false);
        table->verticalHeader()->hide();
        layout->addWidget(table, 2);
        layout->addWidget(charts, 1);
        page.resize(1400, 900);

        std::optional<Result<RunTable>> loaded;
        const Step first = timed([&] { loaded = RunTable::load(workspace, runId, FirstScreenItems); });
        if (!*loaded)
            return fail(loaded->error());
        const qint64 datasetId = loaded->value().run.datasetId;
        const QStringList metrics = loaded->value().metrics;
        const Step shown = timed([&] {
            model.setTable(std::move(loaded->value()));
            table->grab();
        });
        const Step whole = timed([&] { loaded = RunTable::load(workspace, runId); });
        if (!*loaded)
            return fail(loaded->error());
        const Step extended = timed([&] { model.extendTable(std::move(loaded->value())); });
        loaded.reset();
        const Step drawn = timed([&] { charts->setTable(model.table()); });
        const Step painted = timed([&] { page.grab(); });
        firstLoad.add(first.ms);
        firstShown.add(shown.ms);
        firstRows.add(first.ms + shown.ms);
        wholeLoad.add(whole.ms);
        extend.add(extended.ms);
        chartsStep.add(drawn.ms);
        wholePaint.add(painted.ms);
        const double openMs = first.ms + whole.ms + extended.ms + drawn.ms;
        open.add(openMs);
        if (repeat == 0)
            residentOpen = drawn.residentKiB;

        const auto filtered = [&](Repeats &figure, qsizetype &rows, const RunFilter &filter) {
            const Step step = timed([&] {
                proxy.setFilter(filter);
                rows = proxy.rowCount();
                table->grab();
            });
            figure.add(step.ms);
            proxy.setFilter({});
        };
        RunFilter anyBelow;
        anyBelow.belowThreshold = true;
        filtered(below, belowRows, anyBelow);
        RunFilter oneBelow = anyBelow;
        oneBelow.metric = 0;
        filtered(belowOne, belowOneRows, oneBelow);
        RunFilter failed;
        failed.errorsOnly = true;
        filtered(errors, errorRows, failed);
        RunFilter text;
        text.search = SearchText;
        filtered(search, searchRows, text);
        const Step sorted = timed([&] {
            table->sortByColumn(ResultTableModel::FirstMetricColumn, Qt::AscendingOrder);
            table->grab();
        });
        sortScore.add(sorted.ms);

        // The floor last, on a connection of its own, with the file as warm as the page had it.
        QString problem;
        QElapsedTimer floorClock;
        floorClock.start();
        if (readRunRaw(workspacePath, runId, datasetId, metrics, &problem) < 0)
            return fail(makeError(Error::Kind::Storage, problem, workspacePath));
        floor.add(elapsedMs(floorClock));
        ratio.add(openMs / elapsedMs(floorClock) * 1.0);
        if (repeat == 0)
            residentAfter = residentSetKiB();
    }
    const QString load = others.describe();

    std::printf("opening run %lld, %d times (median / worst):\n", static_cast<long long>(runId), repeats);
    const auto line = [](const char *name, const Repeats &figure, const QString &note = {}) {
        std::printf("  %-44s %20s ms%s%s\n", name, qPrintable(figure.medianAndWorst()), note.isEmpty() ? "" : "   ",
                    qPrintable(note));
    };
    line("floor: the same rows through SQLite's C API", floor);
    line("first screen: RunTable::load of 200 items", firstLoad);
    line("first screen: setTable and the table's paint", firstShown);
    line("whole run: RunTable::load (filters, charts)", wholeLoad);
    line("whole run: ResultTableModel::extendTable", extend);
    line("EvalCharts::setTable", chartsStep);
    line("paint of table and charts", wholePaint);
    const bool firstMet = firstRows.worst() < FirstRowsLimitMs;
    const bool openMet = open.worst() < OpenLimitMs;
    const bool ratioMet = ratio.worst() <= FloorRatioLimit;
    line("first rows on screen", firstRows,
         u"limit %1 ms: %2"_s.arg(FirstRowsLimitMs).arg(QLatin1String(verdict(firstMet))));
    line("open = first load + whole load + extend + charts", open,
         u"limit %1 ms: %2"_s.arg(OpenLimitMs).arg(QLatin1String(verdict(openMet))));
    std::printf("  %-44s %20s      limit %.0f×: %s\n", "open ÷ floor", qPrintable(ratio.medianAndWorst(2)),
                FloorRatioLimit, verdict(ratioMet));
    bool filtersMet = true;
    const auto filterLine = [&](const char *name, const Repeats &figure, qsizetype rows) {
        const bool met = figure.worst() < FilterLimitMs;
        filtersMet = filtersMet && met;
        line(name, figure, u"%1 rows; limit %2 ms: %3"_s.arg(rows).arg(FilterLimitMs).arg(QLatin1String(verdict(met))));
    };
    filterLine("filter: below threshold, any metric", below, belowRows);
    filterLine("filter: below threshold, one metric", belowOne, belowOneRows);
    filterLine("filter: errors", errors, errorRows);
    filterLine("filter: text search \"turbine pressure\"", search, searchRows);
    filterLine("sort by a score column", sortScore, items);
    std::printf("%s during the repeats\n", qPrintable(load));
    std::printf("VmRSS (first repeat) %lld KiB before, %lld KiB open, %lld KiB after; peak VmHWM %lld KiB (set-up "
                "included)\n",
                static_cast<long long>(residentBefore), static_cast<long long>(residentOpen),
                static_cast<long long>(residentAfter), static_cast<long long>(peakResidentSetKiB()));
    std::printf("verdict: %s (open under %.0f ms and within %.0f× the floor, first rows under %.0f ms, each filter "
                "under %.0f ms, on the worst of %d)\n",
                verdict(firstMet && openMet && ratioMet && filtersMet), OpenLimitMs, FloorRatioLimit, FirstRowsLimitMs,
                FilterLimitMs, repeats);

    const auto round1 = [](double ms) { return qRound(ms * 10) / 10.0; };
    const QJsonObject figures{{"items"_L1, items},
                              {"repeats"_L1, repeats},
                              {"floor_ms"_L1, round1(floor.median())},
                              {"first_rows_ms"_L1, round1(firstRows.median())},
                              {"first_rows_worst_ms"_L1, round1(firstRows.worst())},
                              {"whole_load_ms"_L1, round1(wholeLoad.median())},
                              {"charts_ms"_L1, round1(chartsStep.median())},
                              {"open_ms"_L1, round1(open.median())},
                              {"open_worst_ms"_L1, round1(open.worst())},
                              {"open_floor_ratio"_L1, qRound(ratio.worst() * 100) / 100.0},
                              {"filter_below_ms"_L1, round1(below.worst())},
                              {"filter_below_one_ms"_L1, round1(belowOne.worst())},
                              {"filter_errors_ms"_L1, round1(errors.worst())},
                              {"filter_search_ms"_L1, round1(search.worst())},
                              {"sort_score_ms"_L1, round1(sortScore.worst())},
                              {"other_load_share"_L1, qRound(others.share() * 100) / 100.0},
                              {"rss_before_kib"_L1, residentBefore},
                              {"rss_open_kib"_L1, residentOpen},
                              {"met"_L1, firstMet && openMet && ratioMet && filtersMet}};
    std::printf("%s\n", QJsonDocument(figures).toJson(QJsonDocument::Compact).constData());
    return ExitOk;
}
