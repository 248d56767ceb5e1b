#include "core/eval/runtable.h"

#include "core/eval/evaljson.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/metricstatistics.h"
#include "core/storage/workspace.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>
#include <future>

namespace {

// Rows are indexed by item index, which is dense from 0; fall back to a search if it is not.
std::size_t rowFor(const std::vector<RunRow> &rows, qint64 index)
{
    if (index >= 0 && size_t(index) < rows.size() && rows[size_t(index)].index == index)
        return std::size_t(index);
    const auto found = std::lower_bound(rows.begin(), rows.end(), index,
                                        [](const RunRow &row, qint64 wanted) { return row.index < wanted; });
    return found != rows.end() && found->index == index ? std::size_t(found - rows.begin()) : rows.size();
}

// Forward-only: Qt would otherwise keep a second copy of every row it has read (400,000 score
// rows for a run of 100,000 items), which costs both time and memory.
Result<QSqlQuery> forwardOnly(Workspace &workspace, const QString &sql, const QVariantMap &values)
{
    QSqlQuery query(workspace.database());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return makeError(Error::Kind::Storage, query.lastError().text(), workspace.location());
    for (auto value = values.begin(); value != values.end(); ++value)
        query.bindValue(QLatin1Char(':') + value.key(), value.value());
    if (!query.exec())
        return makeError(Error::Kind::Storage, query.lastError().text(), workspace.location());
    return query;
}

} // namespace

Result<RunTable> RunTable::load(Workspace &workspace, qint64 runId, qint64 itemLimit)
{
    auto found = EvalRunRepository(workspace).find(runId);
    if (!found)
        return found.error();
    if (!found.value())
        return makeError(Error::Kind::Input,
                         QCoreApplication::translate("RunTable", "no evaluation run %1").arg(runId));
    RunTable table;
    table.run = *found.value();
    table.metrics = table.run.settings.metrics;
    // Every query stops at the same item index, so a first screen reads only its own rows.
    const qint64 limit = itemLimit >= 0 ? itemLimit : std::numeric_limits<qint64>::max();
    const QVariantMap bound{{QStringLiteral("run"), runId}, {QStringLiteral("limit"), limit}};
    QVariantMap withDataset = bound;
    withDataset.insert(QStringLiteral("dataset"), table.run.datasetId);

    // Flat queries instead of one result object per item: no JSON is parsed. Explanations are
    // read when an item is opened. Items and their results in one pass: the response shown is
    // the result's, or the dataset's when the run scored what the dataset brought.
    auto items = forwardOnly(
        workspace,
        QStringLiteral("SELECT i.item_index, i.question, CASE WHEN r.response IS NULL OR r.response = '' "
                       "THEN substr(i.response, 1, 400) ELSE substr(r.response, 1, 400) END, r.ok, r.error "
                       "FROM eval_items i LEFT JOIN eval_results r ON r.run_id = :run AND r.item_index = i.item_index "
                       "WHERE i.dataset_id = :dataset AND i.item_index < :limit ORDER BY i.item_index"),
        withDataset);
    if (!items)
        return items.error();
    table.rows.reserve(size_t(std::min(limit, table.run.itemCount)));
    while (items.value().next()) {
        RunRow row;
        row.index = items.value().value(0).toLongLong();
        row.question = items.value().value(1).toString();
        row.response = items.value().value(2).toString();
        const QVariant ok = items.value().value(3);
        row.hasResult = !ok.isNull();
        row.ok = !row.hasResult || ok.toInt() != 0;
        row.error = items.value().value(4).toString();
        table.rows.push_back(std::move(row));
    }
    // The search text is folded on another core while the scores are read: the rows' question and
    // response stay as they are from here on (only their error is set below).
    std::future<RunSearchText> searchText
        = std::async(std::launch::async, [&rows = table.rows]() { return RunSearchText::of(rows); });
    const std::size_t rowCount = table.rows.size();
    table.scores.assign(std::size_t(table.metrics.size()), std::vector<float>(rowCount, std::nanf("")));
    // One query per metric over the (run, metric, item, value) index: no metric name per row.
    for (qsizetype metric = 0; metric < table.metrics.size(); ++metric) {
        QVariantMap perMetric = bound;
        perMetric.insert(QStringLiteral("metric"), table.metrics[metric]);
        auto scores = forwardOnly(workspace,
                                  QStringLiteral("SELECT item_index, value FROM eval_scores WHERE run_id = :run "
                                                 "AND metric = :metric AND item_index < :limit AND value IS NOT NULL"),
                                  perMetric);
        if (!scores)
            return scores.error();
        std::vector<float> &column = table.scores[std::size_t(metric)];
        while (scores.value().next()) {
            const std::size_t at = rowFor(table.rows, scores.value().value(0).toLongLong());
            if (at < rowCount)
                column[at] = scores.value().value(1).toFloat();
        }
    }
    auto failed = forwardOnly(workspace,
                              QStringLiteral("SELECT item_index, metric, error FROM eval_scores WHERE run_id = :run "
                                             "AND value IS NULL AND item_index < :limit"),
                              bound);
    if (!failed)
        return failed.error();
    // An item whose metrics failed shows the first of them in the run's metric order, as
    // updateOf() does for a live result; an error of the item itself stays.
    std::vector<int> errorColumn(rowCount, int(table.metrics.size()));
    while (failed.value().next()) {
        const std::size_t at = rowFor(table.rows, failed.value().value(0).toLongLong());
        const QString metric = failed.value().value(1).toString();
        const int column = table.metricColumn(metric);
        if (at == rowCount || column < 0 || column >= errorColumn[at]
            || (errorColumn[at] == int(table.metrics.size()) && !table.rows[at].error.isEmpty()))
            continue;
        errorColumn[at] = column;
        table.rows[at].error = metric + QStringLiteral(": ") + failed.value().value(2).toString();
    }
    if (table.run.settings.isRepeated()) {
        auto repeats = forwardOnly(
            workspace,
            QStringLiteral("SELECT item_index, scores FROM eval_results WHERE run_id = :run AND item_index < :limit"),
            bound);
        if (!repeats)
            return repeats.error();
        while (repeats.value().next()) {
            const std::size_t at = rowFor(table.rows, repeats.value().value(0).toLongLong());
            if (at == rowCount)
                continue;
            for (const MetricScore &score : EvalJson::scores(repeats.value().value(1).toString()))
                table.rows[at].unstable = table.rows[at].unstable
                    || MetricStatistics::crossesThreshold(score.repeats, table.run.settings.threshold(score.metric));
        }
    }
    table.prepare(searchText.get());
    return table;
}

RunTable::Update RunTable::updateOf(const ItemResult &result) const
{
    Update update;
    RunRow &row = update.row;
    row.index = result.itemIndex;
    row.response = result.response.left(400);
    row.hasResult = true;
    row.ok = result.ok;
    row.error = result.error;
    for (const QString &metric : metrics) {
        const MetricScore *score = result.score(metric);
        update.values.push_back(score && score->value ? float(*score->value) : std::nanf(""));
        if (row.error.isEmpty() && score && !score->error.isEmpty())
            row.error = metric + QStringLiteral(": ") + score->error;
        row.unstable = row.unstable
            || (score && MetricStatistics::crossesThreshold(score->repeats, run.settings.threshold(metric)));
    }
    return update;
}

void RunTable::apply(std::size_t row, const Update &update)
{
    if (row >= rows.size())
        return;
    const QString question = rows[row].question;
    rows[row] = update.row;
    if (rows[row].question.isEmpty())
        rows[row].question = question;
    for (std::size_t metric = 0; metric < scores.size() && metric < update.values.size(); ++metric)
        scores[metric][row] = update.values[metric];
    filters.update(*this, row);
}

void RunTable::prepare(RunSearchText search)
{
    filters.build(*this, std::move(search));
    charts = RunChartData::of(*this);
}
