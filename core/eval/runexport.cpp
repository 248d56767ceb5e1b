#include "core/eval/runexport.h"

#include "core/eval/datasetrepository.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/judgeagreement.h"
#include "core/eval/resultexporter.h"
#include "core/eval/resultrowcursor.h"
#include "core/eval/runreport.h"
#include "core/eval/runsummary.h"
#include "core/eval/runtrend.h"

#include <QSaveFile>

namespace {

struct Fetchers
{
    ItemFetcher items;
    ResultFetcher results;
};

Fetchers fetchersFor(Workspace &workspace, const EvalRun &run)
{
    const qint64 datasetId = run.datasetId;
    const qint64 runId = run.id;
    return {[&workspace, datasetId](qint64 offset, int limit) {
                return DatasetRepository(workspace).items(datasetId, offset, limit);
            },
            [&workspace, runId](qint64 offset, int limit) {
                return EvalRunRepository(workspace).results(runId, offset, limit);
            }};
}

} // namespace

Status RunExport::write(Workspace &workspace, qint64 runId, const QString &format, const QString &path)
{
    auto summary = RunSummary::compute(workspace, runId);
    if (!summary)
        return summary.error();
    const EvalRun &run = summary.value().run;
    const Fetchers fetchers = fetchersFor(workspace, run);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(Error::Kind::Input, tr("cannot write the export: %1").arg(file.errorString()), path);
    Status written = Done{};
    if (format == QLatin1String("csv")) {
        written = ResultExporter::writeCsv(file, run, run.settings.metrics, fetchers.items, fetchers.results);
    } else if (format == QLatin1String("jsonl")) {
        written = ResultExporter::writeJsonl(file, run, fetchers.items, fetchers.results);
    } else if (format == QLatin1String("html")) {
        // The trend: each metric's mean over the runs of the same dataset, oldest first.
        QMap<QString, RunReport::Trend> trends;
        auto points = RunTrend::load(workspace, run.datasetName);
        if (!points)
            return points.error();
        for (const TrendPoint &point : std::as_const(points.value())) {
            for (const QString &metric : run.settings.metrics) {
                if (point.metrics.contains(metric))
                    trends[metric].append({point.label, point.metrics.value(metric).mean});
            }
        }
        auto agreement = JudgeAgreement::compute(workspace, run.id);
        if (!agreement)
            return agreement.error();
        written = RunReport::writeHtml(file, run, summary.value().metrics, summary.value().gates, trends,
                                       fetchers.items, fetchers.results, 50, agreement.value());
    } else {
        return makeError(Error::Kind::Usage, tr("unknown export format \"%1\" (csv, jsonl or html)").arg(format));
    }
    if (!written) {
        file.cancelWriting();
        return written;
    }
    if (!file.commit())
        return makeError(Error::Kind::Input, tr("cannot write the export: %1").arg(file.errorString()), path);
    return Done{};
}

Status RunExport::forEachResult(Workspace &workspace, qint64 runId,
                                const std::function<void(const EvalItem &, const ItemResult *)> &visit)
{
    auto run = EvalRunRepository(workspace).find(runId);
    if (!run)
        return run.error();
    if (!run.value())
        return makeError(Error::Kind::Input, tr("no evaluation run %1").arg(runId));
    const Fetchers fetchers = fetchersFor(workspace, *run.value());
    ResultRowCursor cursor(fetchers.items, fetchers.results);
    while (true) {
        auto row = cursor.next();
        if (!row)
            return row.error();
        if (!row.value())
            return Done{};
        visit(row.value()->item, row.value()->result ? &*row.value()->result : nullptr);
    }
}

QJsonObject RunExport::itemJson(const EvalItem &item, const ItemResult *result)
{
    EvalRun run;
    ResultRow row{item, result ? std::optional<ItemResult>(*result) : std::nullopt};
    return ResultExporter::rowJson(run, row);
}
