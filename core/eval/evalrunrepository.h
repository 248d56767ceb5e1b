#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"

#include <QCoreApplication>

#include <memory>
#include <optional>

class Workspace;

// Runs and their per-item results (tables of EvalSchema). A run keeps running totals — completed,
// failed, tokens, cost — that storeResults() maintains in the same transaction as the results, so
// they stay equal to the sum over the stored results even when a result is replaced.
// storeResults() keeps its statements prepared for the repository's life: a runner that holds one
// stores batch after batch without compiling the same SQL again for each.
class EvalRunRepository
{
    Q_DECLARE_TR_FUNCTIONS(EvalRunRepository)

public:
    explicit EvalRunRepository(Workspace &workspace);
    ~EvalRunRepository();

    // Stores the run with its settings and sets run.id (and createdAt, the dataset's name and
    // version, and itemCount when it is 0, from the dataset).
    Result<qint64> create(EvalRun &run);
    Result<std::optional<EvalRun>> find(qint64 id) const;
    // find() for a run that must exist: a missing one is an input error naming it.
    Result<EvalRun> require(qint64 id) const;
    // Newest first.
    Result<QList<EvalRun>> list() const;
    // Every run on any version of the dataset, oldest first: the points of a trend chart.
    Result<QList<EvalRun>> runsOfDataset(const QString &datasetName) const;
    Status setStatus(qint64 id, EvalRun::Status status, const QString &finishedAt = {});
    Status remove(qint64 id);

    // In one transaction. One result per run and item: a second result for the same item replaces
    // the first.
    Status storeResults(const QList<ItemResult> &results);

    // Dataset indexes without a result yet, in order: what a resumed run still has to do.
    Result<QList<qint64>> pendingItems(qint64 runId) const;
    Result<QList<qint64>> failedItems(qint64 runId) const;
    // How many items have a result, and how many of those failed as a whole or lack a score
    // because a model call failed: what `eval resume --retry-errors` and Retry errors do again.
    struct ErrorCount
    {
        qint64 results = 0;
        qint64 withErrors = 0;
    };
    Result<ErrorCount> errorCount(qint64 runId) const;
    // A page of results in item order; limit < 0 means all.
    Result<QList<ItemResult>> results(qint64 runId, qint64 offset, int limit) const;
    // One item's result, when the run has one.
    Result<std::optional<ItemResult>> result(qint64 runId, qint64 itemIndex) const;
    Result<qint64> resultCount(qint64 runId) const;
    // The values one metric took over the run's items, in item order; items without a value are left
    // out. `items`, when given, receives each value's item index.
    Result<QList<double>> metricValues(qint64 runId, const QString &metric, QList<qint64> *items = nullptr) const;

    // Every guardrail verdict of the run's results, in item order (items the guardrail did not check,
    // and items that failed, are left out).
    Result<QList<GuardrailVerdict>> guardrailVerdicts(qint64 runId) const;

private:
    Result<QList<EvalRun>> fetch(const QString &where, const QVariantMap &bindings) const;
    Result<QList<qint64>> indexes(const QString &sql, qint64 runId) const;
    Result<QList<ItemResult>> fetchResults(qint64 runId, const QString &tail, const QVariantList &bindings) const;

    struct ResultStatements;

    Workspace &m_workspace;
    std::unique_ptr<ResultStatements> m_resultStatements; // made by the first storeResults()
};
