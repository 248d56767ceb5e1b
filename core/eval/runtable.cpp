#include "core/eval/runtable.h"

#include "core/common/logcategories.h"
#include "core/eval/evaljson.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/metricstatistics.h"
#include "core/storage/rowreader.h"
#include "core/storage/workspace.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <future>
#include <iterator>

#ifdef __GLIBC__
#include <malloc.h> // malloc_trim
#endif

namespace {

// Rows are indexed by item index, which is dense from the first row's; fall back to a search if not.
std::size_t rowFor(const std::vector<RunRow> &rows, qint64 index)
{
    if (rows.empty())
        return 0;
    const qint64 offset = index - rows.front().index;
    if (offset >= 0 && size_t(offset) < rows.size() && rows[size_t(offset)].index == index)
        return std::size_t(offset);
    const auto found = std::lower_bound(rows.begin(), rows.end(), index,
                                        [](const RunRow &row, qint64 wanted) { return row.index < wanted; });
    return found != rows.end() && found->index == index ? std::size_t(found - rows.begin()) : rows.size();
}

// The rows of the items in [from, to), with their scores and search text: what one connection reads.
struct Part
{
    std::vector<RunRow> rows;
    std::vector<std::vector<float>> scores; // per metric, per row
    RunSearchText search;
};

Status readItems(Workspace &workspace, const RunTable &table, const QVariantMap &bound, Part &part)
{
    // Flat queries instead of one result object per item: no JSON is parsed. Explanations are
    // read when an item is opened. Items and their results in one pass: the response shown is
    // the result's, or the dataset's when the run scored what the dataset brought.
    QVariantMap withDataset = bound;
    withDataset.insert(QStringLiteral("dataset"), table.run.datasetId);
    auto items = RowReader::open(
        workspace,
        QStringLiteral("SELECT i.item_index, i.question, CASE WHEN r.response IS NULL OR r.response = '' "
                       "THEN substr(i.response, 1, 400) ELSE substr(r.response, 1, 400) END, r.ok, r.error "
                       "FROM eval_items i LEFT JOIN eval_results r ON r.run_id = :run AND r.item_index = i.item_index "
                       "WHERE i.dataset_id = :dataset AND i.item_index >= :from AND i.item_index < :to "
                       "ORDER BY i.item_index"),
        withDataset);
    if (!items)
        return items.error();
    RowReader &rows = items.value();
    while (rows.next()) {
        RunRow row;
        row.index = rows.integer(0);
        row.question = rows.text(1);
        row.response = rows.text(2);
        row.hasResult = !rows.isNull(3);
        row.ok = !row.hasResult || rows.integer(3) != 0;
        row.error = rows.text(4);
        part.rows.push_back(std::move(row));
    }
    return rows.error() ? Status(*rows.error()) : Status(Done{});
}

Status readScores(Workspace &workspace, const RunTable &table, const QVariantMap &bound, Part &part)
{
    const std::size_t rowCount = part.rows.size();
    part.scores.assign(std::size_t(table.metrics.size()), std::vector<float>(rowCount, std::nanf("")));
    // One query per metric over the (run, metric, item, value) index: no metric name per row.
    for (qsizetype metric = 0; metric < table.metrics.size(); ++metric) {
        QVariantMap perMetric = bound;
        perMetric.insert(QStringLiteral("metric"), table.metrics[metric]);
        auto scores = RowReader::open(workspace,
                                      QStringLiteral("SELECT item_index, value FROM eval_scores WHERE run_id = :run "
                                                     "AND metric = :metric AND item_index >= :from "
                                                     "AND item_index < :to AND value IS NOT NULL"),
                                      perMetric);
        if (!scores)
            return scores.error();
        std::vector<float> &column = part.scores[std::size_t(metric)];
        RowReader &rows = scores.value();
        while (rows.next()) {
            const std::size_t at = rowFor(part.rows, rows.integer(0));
            if (at < rowCount)
                column[at] = float(rows.real(1));
        }
        if (rows.error())
            return *rows.error();
    }
    return Done{};
}

// An item whose metrics failed shows the first of them in the run's metric order, as updateOf()
// does for a live result; an error of the item itself stays.
Status readFailures(Workspace &workspace, const RunTable &table, const QVariantMap &bound, Part &part)
{
    auto failed
        = RowReader::open(workspace,
                          QStringLiteral("SELECT item_index, metric, error FROM eval_scores WHERE run_id = :run "
                                         "AND value IS NULL AND item_index >= :from AND item_index < :to"),
                          bound);
    if (!failed)
        return failed.error();
    const std::size_t rowCount = part.rows.size();
    std::vector<int> errorColumn(rowCount, int(table.metrics.size()));
    RowReader &rows = failed.value();
    while (rows.next()) {
        const std::size_t at = rowFor(part.rows, rows.integer(0));
        const QString metric = rows.text(1);
        const int column = table.metricColumn(metric);
        if (at == rowCount || column < 0 || column >= errorColumn[at]
            || (errorColumn[at] == int(table.metrics.size()) && !part.rows[at].error.isEmpty()))
            continue;
        errorColumn[at] = column;
        part.rows[at].error = metric + QStringLiteral(": ") + rows.text(2);
    }
    return rows.error() ? Status(*rows.error()) : Status(Done{});
}

// A guarded run: the items its guardrail blocked or masked (read only for such a run, so an
// unguarded one pays nothing for it).
Status readInterventions(Workspace &workspace, const QVariantMap &bound, Part &part)
{
    auto intervened = RowReader::open(
        workspace,
        QStringLiteral("SELECT item_index FROM eval_results WHERE run_id = :run AND item_index >= :from "
                       "AND item_index < :to AND guardrail LIKE '%\"intervened\":true%'"),
        bound);
    if (!intervened)
        return intervened.error();
    RowReader &rows = intervened.value();
    while (rows.next())
        if (const std::size_t at = rowFor(part.rows, rows.integer(0)); at < part.rows.size())
            part.rows[at].guardrailIntervened = true;
    return rows.error() ? Status(*rows.error()) : Status(Done{});
}

// A repeated run: an item is unstable when some metric's repeats fall on both sides of its threshold.
Status readRepeats(Workspace &workspace, const RunTable &table, const QVariantMap &bound, Part &part)
{
    auto repeats = RowReader::open(workspace,
                                   QStringLiteral("SELECT item_index, scores FROM eval_results WHERE run_id = :run "
                                                  "AND item_index >= :from AND item_index < :to"),
                                   bound);
    if (!repeats)
        return repeats.error();
    RowReader &rows = repeats.value();
    while (rows.next()) {
        const std::size_t at = rowFor(part.rows, rows.integer(0));
        if (at == part.rows.size())
            continue;
        for (const MetricScore &score : EvalJson::scores(rows.text(1)))
            part.rows[at].unstable = part.rows[at].unstable
                || MetricStatistics::crossesThreshold(score.repeats, table.run.settings.threshold(score.metric));
    }
    return rows.error() ? Status(*rows.error()) : Status(Done{});
}

// Everything of the items in [from, to) on one connection, search text folded as it goes.
Result<Part> readPart(Workspace &workspace, const RunTable &table, qint64 from, qint64 to)
{
    const QVariantMap bound{
        {QStringLiteral("run"), table.run.id}, {QStringLiteral("from"), from}, {QStringLiteral("to"), to}};
    Part part;
    part.rows.reserve(std::size_t(std::clamp<qint64>(std::min(to, table.run.itemCount) - from, 0, 10'000'000)));
    if (const Status read = readItems(workspace, table, bound, part); !read)
        return read.error();
    part.search = RunSearchText::of(part.rows);
    if (const Status read = readScores(workspace, table, bound, part); !read)
        return read.error();
    if (const Status read = readFailures(workspace, table, bound, part); !read)
        return read.error();
    if (table.run.settings.isRepeated()) {
        if (const Status read = readRepeats(workspace, table, bound, part); !read)
            return read.error();
    }
    if (table.run.settings.isGuarded()) {
        if (const Status read = readInterventions(workspace, bound, part); !read)
            return read.error();
    }
    return part;
}

// The upper half on a second connection of its own, on another core, when the workspace offers one.
Result<Part> readUpperPart(const Workspace &workspace, const RunTable &table, qint64 from, qint64 to)
{
    auto reader = workspace.openReader();
    if (!reader)
        return reader.error();
    return readPart(*reader.value(), table, from, to);
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
    // Every query stops at the same item index, so a first screen reads only its own rows. A big run
    // is read in two halves at once, the upper one on a second connection: on two cores the whole
    // load, folding and filters included, then takes about as long as one plain read of the rows.
    const qint64 end = itemLimit >= 0 ? itemLimit : std::numeric_limits<qint64>::max();
    const qint64 expected = std::min(end, table.run.itemCount);
    const qint64 middle = expected >= RunTable::itemsReadInTwoHalves ? expected / 2 : end;
    std::future<Result<Part>> upper;
    if (middle < end)
        upper = std::async(std::launch::async, [&workspace, &table, middle, end]() {
            return readUpperPart(workspace, table, middle, end);
        });
    Result<Part> lower = readPart(workspace, table, 0, middle);
    Result<Part> upperPart = upper.valid() ? upper.get() : Result<Part>(Part{});
    if (!lower)
        return lower.error();
    if (!upperPart) {
        // No second connection (or it failed): the upper half on this one, as a small run would be.
        qCInfo(lcEval) << "run" << runId << ": read in one pass:" << upperPart.error().describe();
        upperPart = readPart(workspace, table, middle, end);
        if (!upperPart)
            return upperPart.error();
    }
    Part &first = lower.value();
    Part &second = upperPart.value();
    table.rows = std::move(first.rows);
    table.rows.insert(table.rows.end(), std::make_move_iterator(second.rows.begin()),
                      std::make_move_iterator(second.rows.end()));
    table.scores = std::move(first.scores);
    for (std::size_t metric = 0; metric < table.scores.size() && metric < second.scores.size(); ++metric)
        table.scores[metric].insert(table.scores[metric].end(), second.scores[metric].begin(),
                                    second.scores[metric].end());
    first.search.join(std::move(second.search));
    table.prepare(std::move(first.search));
    second = {};
#ifdef __GLIBC__
    // What the upper half left behind (its search text, copied into the whole run's) was freed in
    // the helper thread's own heap, which glibc does not give back by itself: 25 MB for 100,000 items.
    if (middle < end)
        malloc_trim(0);
#endif
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
    row.guardrailIntervened = result.guardrail && result.guardrail->intervened;
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
