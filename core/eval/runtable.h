#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"

#include <vector>

class Workspace;

// One line of a run's item table: what the table, its filters and the charts need, kept compact so
// 100,000 of them load quickly; full explanations are fetched per item when one is opened.
struct RunRow
{
    qint64 index = 0;
    QString question;
    QString response; // first few hundred characters
    bool hasResult = false;
    bool ok = true;
    QString error; // the item's error, or the first metric error
    std::vector<float> values; // per RunTable::metrics, NaN when the metric has no value
    bool unstable = false; // a repeated run: some metric's repeats fall on both sides of its threshold
};

struct RunTable
{
    EvalRun run;
    QStringList metrics;
    std::vector<RunRow> rows;

    // Reads the run, its dataset's items and its results in pages.
    static Result<RunTable> load(Workspace &workspace, qint64 runId);
    int metricColumn(const QString &metric) const { return int(metrics.indexOf(metric)); }
    // The row a result that just arrived makes, as load() would have read it (question aside).
    RunRow rowOf(const ItemResult &result) const;
};
