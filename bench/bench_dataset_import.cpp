// bench_dataset_import: whether importing a golden dataset takes memory that grows with the file.
//
//   build/<dir>/bench/bench_dataset_import [--megabytes 25,100,400] [--repeat R]
//
// Synthetic JSONL datasets (GoldenDatasetFile, with responses) of each size are written once. Each
// import runs in a child process of its own (this program with --child), into a new workspace, so
// every peak resident set (VmHWM) is that import's alone; the child also reports its resident set
// after opening the workspace and before reading a byte, the floor the import adds to. Printed per
// size: items, seconds, MB/s, peak RSS (median and worst of R) and what the import added to the
// floor. The verdict is on the growth: from the smallest file to the largest, the added memory may
// grow by at most 16 MiB (SQLite's page cache and the WAL index grow a little with a transaction's
// size; nothing else should). The last line is one JSON object.
// Exit status 0 on success, 1 if an import failed, 64 on bad arguments.

#include "benchfigures.h"
#include "core/eval/datasetimporter.h"
#include "core/storage/workspace.h"
#include "core/workspaceschema.h"
#include "goldendatasetfile.h"
#include "processcpu.h"
#include "processmemory.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

enum ExitCode { ExitOk = 0, ExitStepFailed = 1, ExitUsage = 64 };
constexpr double GrowthLimitMiB = 16.0;

// In the child: open a new workspace, note the resident set, import, print one JSON line.
int importOnce(const QString &dataset, const QString &workspacePath)
{
    auto workspace
        = Workspace::openSqlite(workspacePath, Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules());
    if (!workspace) {
        std::fprintf(stderr, "bench_dataset_import: %s\n", qPrintable(workspace.error().describe()));
        return ExitStepFailed;
    }
    const qint64 floorKiB = residentSetKiB();
    QElapsedTimer timer;
    timer.start();
    const Result<Dataset> imported = DatasetImporter::import(*workspace.value(), dataset);
    const qint64 elapsedMs = timer.elapsed();
    if (!imported) {
        std::fprintf(stderr, "bench_dataset_import: %s\n", qPrintable(imported.error().describe()));
        return ExitStepFailed;
    }
    const QJsonObject figures{{u"items"_s, imported.value().itemCount},
                              {u"ms"_s, elapsedMs},
                              {u"floor_kib"_s, floorKiB},
                              {u"peak_kib"_s, peakResidentSetKiB()}};
    std::printf("%s\n", QJsonDocument(figures).toJson(QJsonDocument::Compact).constData());
    return ExitOk;
}

Result<QJsonObject> runChild(const QString &dataset, const QString &workspacePath)
{
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), {u"--child"_s, dataset, u"--workspace"_s, workspacePath});
    if (!child.waitForFinished(-1) || child.exitCode() != 0)
        return makeError(Error::Kind::Internal, QString::fromUtf8(child.readAllStandardError()).trimmed(), dataset);
    return QJsonDocument::fromJson(child.readAllStandardOutput()).object();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption sizesOption(u"megabytes"_s, u"Dataset sizes in MB, comma-separated."_s, u"list"_s,
                                         u"25,100,400"_s);
    const QCommandLineOption repeatOption(u"repeat"_s, u"Imports per size (at least 1)."_s, u"r"_s, u"3"_s);
    const QCommandLineOption childOption(u"child"_s, u"(internal) import FILE and print figures."_s, u"file"_s);
    const QCommandLineOption workspaceOption(u"workspace"_s, u"(internal) the child's workspace."_s, u"file"_s);
    parser.addOptions({sizesOption, repeatOption, childOption, workspaceOption});
    parser.addHelpOption();
    parser.process(application);
    if (parser.isSet(childOption))
        return importOnce(parser.value(childOption), parser.value(workspaceOption));

    QList<int> sizes;
    for (const QString &text : parser.value(sizesOption).split(u',', Qt::SkipEmptyParts)) {
        const int megabytes = text.trimmed().toInt();
        if (megabytes <= 0) {
            std::fprintf(stderr, "bench_dataset_import: --megabytes takes positive whole numbers\n");
            return ExitUsage;
        }
        sizes << megabytes;
    }
    const int repeats = parser.value(repeatOption).toInt();
    if (sizes.isEmpty() || repeats < 1) {
        std::fprintf(stderr, "bench_dataset_import: give --megabytes and --repeat of at least 1\n");
        return ExitUsage;
    }
    std::sort(sizes.begin(), sizes.end());

    QTemporaryDir directory;
    OtherLoad load;
    load.start();
    // Items per megabyte from a sample, so each file is its size within one item.
    const QString sample = directory.filePath(u"sample.jsonl"_s);
    if (const Status written = GoldenDatasetFile::write(sample, 2000, GoldenDatasetFile::Responses::With); !written)
        return std::fprintf(stderr, "bench_dataset_import: %s\n", qPrintable(written.error().describe())),
               ExitStepFailed;
    const double itemsPerMegabyte = 2000.0 * 1e6 / double(QFileInfo(sample).size());

    std::printf("%8s %9s %9s %8s %18s %18s\n", "MB", "items", "seconds", "MB/s", "peak RSS MiB", "added MiB");
    QJsonArray rows;
    double smallestAdded = 0;
    double largestAdded = 0;
    for (const int megabytes : sizes) {
        const QString dataset = directory.filePath(u"golden-%1mb.jsonl"_s.arg(megabytes));
        const int items = int(itemsPerMegabyte * megabytes);
        if (const Status written = GoldenDatasetFile::write(dataset, items, GoldenDatasetFile::Responses::With);
            !written)
            return std::fprintf(stderr, "bench_dataset_import: %s\n", qPrintable(written.error().describe())),
                   ExitStepFailed;
        Repeats seconds;
        Repeats peak;
        Repeats added;
        for (int round = 0; round < repeats; ++round) {
            const QString workspace = directory.filePath(u"ws-%1-%2.genaiops"_s.arg(megabytes).arg(round));
            const Result<QJsonObject> figures = runChild(dataset, workspace);
            QFile::remove(workspace);
            QFile::remove(workspace + u"-wal"_s);
            QFile::remove(workspace + u"-shm"_s);
            if (!figures) {
                std::fprintf(stderr, "bench_dataset_import: %s\n", qPrintable(figures.error().describe()));
                return ExitStepFailed;
            }
            seconds.add(figures.value().value(u"ms"_s).toDouble() / 1000.0);
            peak.add(figures.value().value(u"peak_kib"_s).toDouble() / 1024.0);
            added.add(
                (figures.value().value(u"peak_kib"_s).toDouble() - figures.value().value(u"floor_kib"_s).toDouble())
                / 1024.0);
        }
        const double megabytesRead = double(QFileInfo(dataset).size()) / 1e6;
        std::printf("%8.0f %9d %9s %8.1f %18s %18s\n", megabytesRead, items, qPrintable(seconds.medianAndWorst(2)),
                    megabytesRead / seconds.median(), qPrintable(peak.medianAndWorst()),
                    qPrintable(added.medianAndWorst()));
        std::fflush(stdout);
        if (megabytes == sizes.first())
            smallestAdded = added.median();
        largestAdded = added.median();
        rows.append(QJsonObject{{u"megabytes"_s, megabytesRead},
                                {u"items"_s, items},
                                {u"seconds_median"_s, seconds.median()},
                                {u"peak_rss_mib_median"_s, peak.median()},
                                {u"peak_rss_mib_worst"_s, peak.worst()},
                                {u"added_mib_median"_s, added.median()}});
        QFile::remove(dataset);
    }
    const double growth = largestAdded - smallestAdded;
    const bool met = growth <= GrowthLimitMiB;
    std::printf("memory added from %d MB to %d MB of data: %+.1f MiB (limit %.0f MiB): %s\n", sizes.first(),
                sizes.last(), growth, GrowthLimitMiB, verdict(met));
    std::printf("%s\n", qPrintable(load.describe(endedChildrenCpuMs())));
    const QJsonObject summary{
        {u"sizes"_s, rows}, {u"growth_mib"_s, growth}, {u"limit_mib"_s, GrowthLimitMiB}, {u"met"_s, met}};
    std::printf("%s\n", QJsonDocument(summary).toJson(QJsonDocument::Compact).constData());
    return ExitOk;
}
