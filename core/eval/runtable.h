#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"
#include "core/eval/runchartdata.h"
#include "core/eval/runfilterindex.h"

#include <vector>

class Workspace;

// One line of a run's item table apart from its scores, which RunTable keeps per metric; full
// explanations are fetched per item when one is opened.
struct RunRow
{
    qint64 index = 0;
    QString question;
    QString response; // first few hundred characters
    bool hasResult = false;
    bool ok = true;
    QString error; // the item's error, or the first metric error
    bool unstable = false; // a repeated run: some metric's repeats fall on both sides of its threshold
    bool guardrailIntervened = false; // a guarded run: the guardrail blocked or masked this item

    // What the Errors filter and the table's error marks show: the item or one of its metrics failed.
    bool hasError() const { return !error.isEmpty() || (hasResult && !ok); }
};

// What the item table, its filters and the charts show of one run, read and prepared on the
// workspace thread: rows, one float column per metric (not a QVariant per cell), the filters'
// row sets and search text, and the charts' figures, so that the UI thread only displays them.
struct RunTable
{
    EvalRun run;
    QStringList metrics;
    std::vector<RunRow> rows;
    std::vector<std::vector<float>> scores; // [metric][row], NaN where the metric has no value
    RunFilterIndex filters;
    RunChartData charts;

    // A row as a live run completes it, scores included.
    struct Update
    {
        RunRow row;
        std::vector<float> values; // per metric
    };

    // Reads the run, its dataset's items and its results; with `itemLimit` ≥ 0 only the items
    // below that index (the first screen, shown while the whole run loads).
    static Result<RunTable> load(Workspace &workspace, qint64 runId, qint64 itemLimit = -1);
    // From this many items on, load() reads the two halves of a run at once, the upper one on a
    // second connection; below it one connection costs less than opening another.
    static constexpr qint64 itemsReadInTwoHalves = 20000;
    int metricColumn(const QString &metric) const { return int(metrics.indexOf(metric)); }
    float score(std::size_t row, int metric) const { return scores[std::size_t(metric)][row]; }
    // The row a result that just arrived makes, as load() would have read it (question aside).
    Update updateOf(const ItemResult &result) const;
    // Puts an update into row `row`, its filters included (the charts are refreshed apart).
    void apply(std::size_t row, const Update &update);
    // Builds the filters and chart figures from the rows and scores; `search` is the rows' text.
    void prepare(RunSearchText search);
};
