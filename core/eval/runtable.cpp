#include "core/eval/runtable.h"

#include "core/eval/evaljson.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/metricstatistics.h"
#include "core/storage/workspace.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>

namespace {

// Rows are indexed by item index, which is dense from 0; fall back to a search if it is not.
RunRow *rowFor(std::vector<RunRow> &rows, qint64 index)
{
    if (index >= 0 && size_t(index) < rows.size() && rows[size_t(index)].index == index)
        return &rows[size_t(index)];
    const auto found = std::lower_bound(rows.begin(), rows.end(), index,
                                        [](const RunRow &row, qint64 wanted) { return row.index < wanted; });
    return found != rows.end() && found->index == index ? &*found : nullptr;
}

// Forward-only: Qt would otherwise keep a second copy of every row it has read (400,000 score
// rows for a run of 100,000 items), which costs both time and memory.
Result<QSqlQuery> forwardOnly(Workspace &workspace, const QString &sql, const QString &name, qint64 value)
{
    QSqlQuery query(workspace.database());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return makeError(Error::Kind::Storage, query.lastError().text(), workspace.location());
    query.bindValue(QLatin1Char(':') + name, value);
    if (!query.exec())
        return makeError(Error::Kind::Storage, query.lastError().text(), workspace.location());
    return query;
}

} // namespace

Result<RunTable> RunTable::load(Workspace &workspace, qint64 runId)
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
    const auto metricCount = size_t(table.metrics.size());

    // Three flat queries instead of one result object per item: no JSON is parsed, so 100,000 rows
    // load in a fraction of a second. Explanations are read when an item is opened.
    auto items = forwardOnly(workspace,
                             QStringLiteral("SELECT item_index, question, substr(response, 1, 400) FROM eval_items "
                                            "WHERE dataset_id = :dataset ORDER BY item_index"),
                             QStringLiteral("dataset"), table.run.datasetId);
    if (!items)
        return items.error();
    table.rows.reserve(size_t(table.run.itemCount));
    while (items.value().next()) {
        RunRow row;
        row.index = items.value().value(0).toLongLong();
        row.question = items.value().value(1).toString();
        row.response = items.value().value(2).toString();
        row.values.assign(metricCount, std::nanf(""));
        table.rows.push_back(std::move(row));
    }
    auto results
        = forwardOnly(workspace,
                      QStringLiteral("SELECT item_index, ok, error, substr(response, 1, 400) FROM eval_results "
                                     "WHERE run_id = :run"),
                      QStringLiteral("run"), runId);
    if (!results)
        return results.error();
    while (results.value().next()) {
        RunRow *row = rowFor(table.rows, results.value().value(0).toLongLong());
        if (!row)
            continue;
        row->hasResult = true;
        row->ok = results.value().value(1).toInt() != 0;
        row->error = results.value().value(2).toString();
        const QString response = results.value().value(3).toString();
        if (!response.isEmpty())
            row->response = response;
    }
    auto scores = forwardOnly(
        workspace, QStringLiteral("SELECT item_index, metric, value, error FROM eval_scores WHERE run_id = :run"),
        QStringLiteral("run"), runId);
    if (!scores)
        return scores.error();
    while (scores.value().next()) {
        RunRow *row = rowFor(table.rows, scores.value().value(0).toLongLong());
        const int column = table.metricColumn(scores.value().value(1).toString());
        if (!row || column < 0)
            continue;
        const QVariant value = scores.value().value(2);
        if (!value.isNull())
            row->values[size_t(column)] = value.toFloat();
        else if (row->error.isEmpty())
            row->error = table.metrics[column] + QStringLiteral(": ") + scores.value().value(3).toString();
    }
    if (table.run.settings.isRepeated()) {
        auto repeats
            = forwardOnly(workspace, QStringLiteral("SELECT item_index, scores FROM eval_results WHERE run_id = :run"),
                          QStringLiteral("run"), runId);
        if (!repeats)
            return repeats.error();
        while (repeats.value().next()) {
            RunRow *row = rowFor(table.rows, repeats.value().value(0).toLongLong());
            if (!row)
                continue;
            for (const MetricScore &score : EvalJson::scores(repeats.value().value(1).toString()))
                row->unstable = row->unstable
                    || MetricStatistics::crossesThreshold(score.repeats, table.run.settings.threshold(score.metric));
        }
    }
    return table;
}

RunRow RunTable::rowOf(const ItemResult &result) const
{
    RunRow row;
    row.index = result.itemIndex;
    row.response = result.response.left(400);
    row.hasResult = true;
    row.ok = result.ok;
    row.error = result.error;
    for (const QString &metric : metrics) {
        const MetricScore *score = result.score(metric);
        row.values.push_back(score && score->value ? float(*score->value) : std::nanf(""));
        if (row.error.isEmpty() && score && !score->error.isEmpty())
            row.error = metric + QStringLiteral(": ") + score->error;
        row.unstable = row.unstable
            || (score && MetricStatistics::crossesThreshold(score->repeats, run.settings.threshold(metric)));
    }
    return row;
}
