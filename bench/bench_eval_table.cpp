// bench_eval_table: opening a run of 100,000 results on the Evaluations page, step by step, against
// the one-second limit.
//
//   build/<dir>/bench/bench_eval_table [--items N] [--batch B] [--keep-files]
//
// A workspace is made with a dataset of N synthetic items and a completed run with N results (four
// lexical metrics each, stored B at a time); that part is set-up and only reported. Then, on a
// fresh connection, the steps the page takes when a run is opened are timed one by one:
//   load     RunTable::load (the page runs it on its workspace thread)
//   model    ResultTableModel::setTable
//   sort     ResultFilterProxy over the model, sorted by item as the page's table is (on the page
//            the proxy already sits on the model, so this happens inside setTable's reset)
//   charts   EvalCharts::setTable (histogram, scatter, pass rates)
// "open" = load + model + sort + charts, against 1 s. The first paint of the table and charts at
// 1400 × 900 (offscreen), and one filter pass each for "below threshold" and a text search, are
// timed after that. VmRSS is read after each step (the baseline after malloc_trim).
// The last line is one JSON object with the figures. Exit status 0 on success, 1 if a step failed,
// 64 on bad arguments.

#include "core/eval/runtable.h"
#include "core/storage/workspace.h"
#include "core/workspaceschema.h"
#include "goldendatasetfile.h"
#include "processmemory.h"
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

constexpr double OpenLimitMs = 1000.0;
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

void printStep(const char *name, const Step &step, qint64 previousKiB, const QString &note = {})
{
    std::printf("  %-34s %8.1f ms   VmRSS %7lld KiB (%+lld)%s%s\n", name, step.ms,
                static_cast<long long>(step.residentKiB), static_cast<long long>(step.residentKiB - previousKiB),
                note.isEmpty() ? "" : "  ", qPrintable(note));
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
    const QCommandLineOption keepOption(u"keep-files"_s, u"keep the temporary directory with the workspace"_s);
    parser.addOptions({itemsOption, batchOption, keepOption});
    parser.process(app);
    bool itemsOk = false, batchOk = false;
    const int items = parser.value(itemsOption).toInt(&itemsOk);
    const int batch = parser.value(batchOption).toInt(&batchOk);
    if (!itemsOk || !batchOk || items < 1 || batch < 1) {
        std::fprintf(stderr, "bench_eval_table: --items and --batch take whole numbers ≥ 1\n");
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

    auto opened = openWorkspace(workspacePath);
    if (!opened)
        return fail(opened.error());
    Workspace &workspace = *opened.value();
    releaseFreeHeap();
    const qint64 residentBefore = residentSetKiB();
    std::printf("opening run %lld (VmRSS before: %lld KiB):\n", static_cast<long long>(runId),
                static_cast<long long>(residentBefore));

    std::optional<Result<RunTable>> loaded;
    const Step load = timed([&] { loaded = RunTable::load(workspace, runId); });
    if (!*loaded)
        return fail(loaded->error());
    printStep("RunTable::load", load, residentBefore, u"%1 rows"_s.arg(loaded->value().rows.size()));

    ResultTableModel model;
    const Step modelStep = timed([&] { model.setTable(std::move(loaded->value())); });
    loaded.reset();
    printStep("ResultTableModel::setTable", modelStep, load.residentKiB);

    ResultFilterProxy proxy;
    const Step sort = timed([&] {
        proxy.setSourceModel(&model);
        proxy.sort(ResultTableModel::IndexColumn, Qt::AscendingOrder);
    });
    printStep("ResultFilterProxy sorted by item", sort, modelStep.residentKiB, u"%1 rows"_s.arg(proxy.rowCount()));

    // The page outlives nothing it shows: it goes first, with the view and the charts it owns.
    QWidget page;
    auto *charts = new EvalCharts(&page);
    const Step chartsStep = timed([&] { charts->setTable(model.table()); });
    printStep("EvalCharts::setTable", chartsStep, sort.residentKiB,
              u"%1 scatter points"_s.arg(charts->scatterPointCount()));

    const double openMs = load.ms + modelStep.ms + sort.ms + chartsStep.ms;
    const double openRatio = openMs / OpenLimitMs;
    std::printf("  open = load + model + sort + charts = %.1f ms: %.3f of the %.0f ms limit (%s); "
                "without the sort %.1f ms\n",
                openMs, openRatio, OpenLimitMs, openRatio <= 1 ? "met" : "NOT met", openMs - sort.ms);

    auto *layout = new QVBoxLayout(&page);
    auto *table = new QTableView(&page);
    table->setModel(&proxy);
    table->setSortingEnabled(true);
    table->sortByColumn(ResultTableModel::IndexColumn, Qt::AscendingOrder);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    layout->addWidget(table, 2);
    layout->addWidget(charts, 1);
    page.resize(1400, 900);
    const Step paint = timed([&] { page.grab(); });
    printStep("first paint of table and charts", paint, chartsStep.residentKiB);

    qsizetype belowRows = 0;
    const Step below = timed([&] {
        proxy.setBelowThreshold(true);
        belowRows = proxy.rowCount();
    });
    printStep("filter: below threshold, any metric", below, paint.residentKiB, u"%1 rows"_s.arg(belowRows));
    proxy.setBelowThreshold(false);
    qsizetype searchRows = 0;
    const Step search = timed([&] {
        proxy.setSearchText(SearchText);
        searchRows = proxy.rowCount();
    });
    printStep("filter: text search", search, below.residentKiB, u"\"%1\": %2 rows"_s.arg(SearchText).arg(searchRows));
    proxy.setSearchText({});
    const qint64 residentAfter = residentSetKiB();
    std::printf("VmRSS %lld KiB before, %lld KiB after (+%lld KiB); peak VmHWM %lld KiB (set-up included)\n",
                static_cast<long long>(residentBefore), static_cast<long long>(residentAfter),
                static_cast<long long>(residentAfter - residentBefore), static_cast<long long>(peakResidentSetKiB()));

    const auto round1 = [](double ms) { return qRound(ms * 10) / 10.0; };
    const QJsonObject figures{{"items"_L1, items},
                              {"load_ms"_L1, round1(load.ms)},
                              {"model_ms"_L1, round1(modelStep.ms)},
                              {"sort_ms"_L1, round1(sort.ms)},
                              {"charts_ms"_L1, round1(chartsStep.ms)},
                              {"open_ms"_L1, round1(openMs)},
                              {"open_ratio"_L1, qRound(openRatio * 1000) / 1000.0},
                              {"first_paint_ms"_L1, round1(paint.ms)},
                              {"filter_below_ms"_L1, round1(below.ms)},
                              {"filter_search_ms"_L1, round1(search.ms)},
                              {"rss_before_kib"_L1, residentBefore},
                              {"rss_after_kib"_L1, residentAfter},
                              {"rss_after_open_kib"_L1, chartsStep.residentKiB}};
    std::printf("%s\n", QJsonDocument(figures).toJson(QJsonDocument::Compact).constData());
    return ExitOk;
}
