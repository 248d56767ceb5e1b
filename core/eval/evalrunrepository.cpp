#include "core/eval/evalrunrepository.h"

#include "core/eval/evaljson.h"
#include "core/eval/runlock.h"
#include "core/storage/batchinsert.h"
#include "core/storage/preparedquery.h"
#include "core/storage/sqldialect.h"
#include "core/storage/workspace.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlQuery>

#include <limits>

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

EvalRun runFromRow(const QSqlQuery &query)
{
    EvalRun run;
    run.id = query.value(0).toLongLong();
    run.name = query.value(1).toString();
    run.datasetId = query.value(2).toLongLong();
    run.datasetName = query.value(3).toString();
    run.datasetVersion = query.value(4).toInt();
    run.model = query.value(5).toString();
    run.judgeModel = query.value(6).toString();
    run.status = EvalRun::statusFromName(query.value(7).toString());
    run.createdAt = query.value(8).toString();
    run.finishedAt = query.value(9).toString();
    run.itemCount = query.value(10).toLongLong();
    run.completed = query.value(11).toLongLong();
    run.failed = query.value(12).toLongLong();
    run.inputTokens = query.value(13).toLongLong();
    run.outputTokens = query.value(14).toLongLong();
    run.costUsd = query.value(15).toDouble();
    run.settings = RunSettings::fromJson(EvalJson::object(query.value(16).toString()));
    return run;
}

// What one run's totals change by while a batch of results is stored.
struct Totals
{
    qint64 completed = 0;
    qint64 failed = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    double costUsd = 0;
};

} // namespace

// What storeResults() runs, prepared on first use and kept with the repository.
struct EvalRunRepository::ResultStatements
{
    explicit ResultStatements(Workspace &workspace)
        : previous(workspace,
                   QStringLiteral("SELECT ok, input_tokens, output_tokens, cost_usd FROM eval_results"
                                  " WHERE run_id = ? AND item_index = ?")),
          store(workspace,
                workspace.dialect().upsert(
                    QStringLiteral("eval_results"), {QStringLiteral("run_id"), QStringLiteral("item_index")},
                    {QStringLiteral("run_id"), QStringLiteral("item_index"), QStringLiteral("ok"),
                     QStringLiteral("error"), QStringLiteral("response"), QStringLiteral("scores"),
                     QStringLiteral("input_tokens"), QStringLiteral("output_tokens"), QStringLiteral("cost_usd"),
                     QStringLiteral("latency_ms"), QStringLiteral("completed_at"), QStringLiteral("guardrail"),
                     QStringLiteral("retrieval")})),
          forgetScores(workspace, QStringLiteral("DELETE FROM eval_scores WHERE run_id = ? AND item_index = ?")),
          addToTotals(
              workspace,
              QStringLiteral(
                  "UPDATE eval_runs SET completed = completed + :completed, failed = failed + :failed,"
                  " input_tokens = input_tokens + :input_tokens, output_tokens = output_tokens + :output_tokens,"
                  " cost_usd = cost_usd + :cost_usd WHERE id = :id")),
          scores(workspace, QStringLiteral("eval_scores"),
                 {QStringLiteral("run_id"), QStringLiteral("item_index"), QStringLiteral("metric"),
                  QStringLiteral("value"), QStringLiteral("error")})
    { }

    PreparedQuery previous;
    PreparedQuery store;
    PreparedQuery forgetScores;
    PreparedQuery addToTotals;
    BatchInsert scores;
};

EvalRunRepository::EvalRunRepository(Workspace &workspace) : m_workspace(workspace)
{ }

EvalRunRepository::~EvalRunRepository() = default;

Result<qint64> EvalRunRepository::create(EvalRun &run)
{
    auto dataset
        = m_workspace.execute(QStringLiteral("SELECT name, version, item_count FROM eval_datasets WHERE id = :id"),
                              {{QStringLiteral("id"), run.datasetId}});
    if (!dataset)
        return dataset.error();
    if (!dataset.value().next())
        return makeError(Error::Kind::Input, tr("there is no dataset with id %1").arg(run.datasetId), run.name);
    run.datasetName = dataset.value().value(0).toString();
    run.datasetVersion = dataset.value().value(1).toInt();
    if (run.itemCount == 0)
        run.itemCount = dataset.value().value(2).toLongLong();
    if (run.createdAt.isEmpty())
        run.createdAt = now();
    auto inserted = m_workspace.execute(
        QStringLiteral("INSERT INTO eval_runs (name, dataset_id, model, judge_model, status, created_at,"
                       " finished_at, item_count, completed, failed, input_tokens, output_tokens, cost_usd,"
                       " settings) VALUES (:name, :dataset_id, :model, :judge_model, :status, :created_at,"
                       " :finished_at, :item_count, 0, 0, 0, 0, 0, :settings)"),
        {{QStringLiteral("name"), SqlDialect::text(run.name)},
         {QStringLiteral("dataset_id"), run.datasetId},
         {QStringLiteral("model"), SqlDialect::text(run.model)},
         {QStringLiteral("judge_model"), SqlDialect::text(run.judgeModel)},
         {QStringLiteral("status"), EvalRun::statusName(run.status)},
         {QStringLiteral("created_at"), run.createdAt},
         {QStringLiteral("finished_at"), SqlDialect::text(run.finishedAt)},
         {QStringLiteral("item_count"), run.itemCount},
         {QStringLiteral("settings"), EvalJson::text(run.settings.toJson())}});
    if (!inserted)
        return inserted.error();
    // Counters start at zero and only storeResults() moves them.
    run.completed = run.failed = run.inputTokens = run.outputTokens = 0;
    run.costUsd = 0;
    auto insertedId = m_workspace.insertedId(inserted.value(), QStringLiteral("eval_runs"));
    if (!insertedId)
        return insertedId.error();
    run.id = insertedId.value();
    return run.id;
}

Result<EvalRun> EvalRunRepository::require(qint64 id) const
{
    auto run = find(id);
    if (!run)
        return run.error();
    if (!run.value())
        return makeError(Error::Kind::Input, tr("there is no evaluation run %1 (see `genaiops eval list`)").arg(id));
    return *run.value();
}

Result<QList<EvalRun>> EvalRunRepository::fetch(const QString &where, const QVariantMap &bindings) const
{
    // sql-identifiers: `where` is a clause this class's own callers write; every value in it is bound.
    auto query = m_workspace.execute(
        QStringLiteral("SELECT r.id, r.name, r.dataset_id, d.name, d.version, r.model, r.judge_model,"
                       " r.status, r.created_at, r.finished_at, r.item_count, r.completed, r.failed,"
                       " r.input_tokens, r.output_tokens, r.cost_usd, r.settings"
                       " FROM eval_runs r JOIN eval_datasets d ON d.id = r.dataset_id ")
            + where,
        bindings);
    if (!query)
        return query.error();
    QList<EvalRun> runs;
    // A run's lock is a file beside a workspace file, or a PostgreSQL advisory lock in a team workspace.
    const bool lockable = m_workspace.isTeam() || QFileInfo(m_workspace.location()).isFile();
    while (query.value().next()) {
        runs << runFromRow(query.value());
        EvalRun &run = runs.last();
        run.interrupted = lockable && run.status == EvalRun::Status::Running && !RunLock::isHeld(m_workspace, run.id);
    }
    return runs;
}

Result<std::optional<EvalRun>> EvalRunRepository::find(qint64 id) const
{
    auto found = fetch(QStringLiteral("WHERE r.id = :id"), {{QStringLiteral("id"), id}});
    if (!found)
        return found.error();
    if (found.value().isEmpty())
        return std::optional<EvalRun>();
    return std::optional<EvalRun>(found.value().first());
}

Result<QList<EvalRun>> EvalRunRepository::list() const
{
    return fetch(QStringLiteral("ORDER BY r.created_at DESC, r.id DESC"), {});
}

Result<QList<EvalRun>> EvalRunRepository::runsOfDataset(const QString &datasetName) const
{
    return fetch(QStringLiteral("WHERE d.name = :name ORDER BY r.created_at, r.id"),
                 {{QStringLiteral("name"), datasetName}});
}

Status EvalRunRepository::setStatus(qint64 id, EvalRun::Status status, const QString &finishedAt)
{
    auto updated = m_workspace.execute(
        QStringLiteral("UPDATE eval_runs SET status = :status, finished_at = :finished_at WHERE id = :id"),
        {{QStringLiteral("status"), EvalRun::statusName(status)},
         {QStringLiteral("finished_at"), SqlDialect::text(finishedAt)},
         {QStringLiteral("id"), id}});
    if (!updated)
        return updated.error();
    if (updated.value().numRowsAffected() == 0)
        return makeError(Error::Kind::Input, tr("there is no evaluation run with id %1").arg(id));
    return Done{};
}

Status EvalRunRepository::remove(qint64 id)
{
    // Results and scores go with the run (ON DELETE CASCADE, through indexes that start with run_id).
    auto removed
        = m_workspace.execute(QStringLiteral("DELETE FROM eval_runs WHERE id = :id"), {{QStringLiteral("id"), id}});
    if (!removed)
        return removed.error();
    if (removed.value().numRowsAffected() == 0)
        return makeError(Error::Kind::Input, tr("there is no evaluation run with id %1").arg(id));
    return Done{};
}

Status EvalRunRepository::storeResults(const QList<ItemResult> &results)
{
    if (!m_resultStatements)
        m_resultStatements = std::make_unique<ResultStatements>(m_workspace);
    ResultStatements &statements = *m_resultStatements;
    return m_workspace.retriedTransaction([&]() -> Status {
        PreparedQuery &previous = statements.previous;
        PreparedQuery &store = statements.store;
        BatchInsert &scores = statements.scores;
        // Rows a failed transaction left behind were rolled back with it.
        scores.discard();
        QHash<qint64, Totals> totals;

        for (const ItemResult &result : results) {
            Totals &run = totals[result.runId];
            Status step = previous.run(QVariantList{result.runId, result.itemIndex});
            if (!step)
                return step;
            const bool replacing = previous.query().next();
            if (replacing) {
                run.failed -= previous.query().value(0).toInt() == 0 ? 1 : 0;
                run.inputTokens -= previous.query().value(1).toLongLong();
                run.outputTokens -= previous.query().value(2).toLongLong();
                run.costUsd -= previous.query().value(3).toDouble();
            }
            // A kept statement must not hold its read open past this item.
            previous.query().finish();
            if (replacing) {
                // Queued scores may belong to this very item; they must land before it is cleared.
                step = scores.flush();
                if (step)
                    step = statements.forgetScores.run(QVariantList{result.runId, result.itemIndex});
                if (!step)
                    return step;
            }
            run.completed += replacing ? 0 : 1;
            run.failed += result.ok ? 0 : 1;
            run.inputTokens += result.inputTokens;
            run.outputTokens += result.outputTokens;
            run.costUsd += result.costUsd;

            step = store.run(
                QVariantMap{{QStringLiteral("run_id"), result.runId},
                            {QStringLiteral("item_index"), result.itemIndex},
                            {QStringLiteral("ok"), result.ok ? 1 : 0},
                            {QStringLiteral("error"), SqlDialect::text(result.error)},
                            {QStringLiteral("response"), SqlDialect::text(result.response)},
                            {QStringLiteral("scores"), EvalJson::scoresText(result.scores)},
                            {QStringLiteral("input_tokens"), result.inputTokens},
                            {QStringLiteral("output_tokens"), result.outputTokens},
                            {QStringLiteral("cost_usd"), result.costUsd},
                            {QStringLiteral("latency_ms"), result.latencyMs},
                            {QStringLiteral("completed_at"), result.completedAt.isEmpty() ? now() : result.completedAt},
                            {QStringLiteral("guardrail"), SqlDialect::text(EvalJson::guardrailText(result.guardrail))},
                            {QStringLiteral("retrieval"),
                             SqlDialect::text(EvalJson::retrievalText(result.passages, result.citations))}});
            if (!step)
                return step;
            QSet<QString> metrics;
            for (const MetricScore &score : result.scores) {
                if (metrics.contains(score.metric))
                    return makeError(Error::Kind::Internal, tr("two scores for metric %1").arg(score.metric),
                                     tr("run %1, item %2").arg(result.runId).arg(result.itemIndex));
                metrics.insert(score.metric);
                step = scores.add({result.runId, result.itemIndex, score.metric,
                                   score.value ? QVariant(*score.value) : QVariant(QMetaType::fromType<double>()),
                                   SqlDialect::text(score.error)});
                if (!step)
                    return step;
            }
        }
        const Status flushed = scores.flush();
        if (!flushed)
            return flushed;

        for (auto it = totals.cbegin(); it != totals.cend(); ++it) {
            const Status updated
                = statements.addToTotals.run(QVariantMap{{QStringLiteral("completed"), it->completed},
                                                         {QStringLiteral("failed"), it->failed},
                                                         {QStringLiteral("input_tokens"), it->inputTokens},
                                                         {QStringLiteral("output_tokens"), it->outputTokens},
                                                         {QStringLiteral("cost_usd"), it->costUsd},
                                                         {QStringLiteral("id"), it.key()}});
            if (!updated)
                return updated;
            if (statements.addToTotals.query().numRowsAffected() == 0)
                return makeError(Error::Kind::Input, tr("there is no evaluation run with id %1").arg(it.key()));
        }
        return Done{};
    });
}

Result<QList<qint64>> EvalRunRepository::indexes(const QString &sql, qint64 runId) const
{
    auto query = m_workspace.execute(sql, {{QStringLiteral("run"), runId}});
    if (!query)
        return query.error();
    QList<qint64> result;
    while (query.value().next())
        result << query.value().value(0).toLongLong();
    return result;
}

Result<QList<qint64>> EvalRunRepository::pendingItems(qint64 runId) const
{
    return indexes(QStringLiteral("SELECT i.item_index FROM eval_runs r"
                                  " JOIN eval_items i ON i.dataset_id = r.dataset_id"
                                  " LEFT JOIN eval_results e ON e.run_id = r.id AND e.item_index = i.item_index"
                                  " WHERE r.id = :run AND e.run_id IS NULL ORDER BY i.item_index"),
                   runId);
}

Result<QList<qint64>> EvalRunRepository::failedItems(qint64 runId) const
{
    return indexes(QStringLiteral("SELECT item_index FROM eval_results WHERE run_id = :run AND ok = 0"
                                  " ORDER BY item_index"),
                   runId);
}

Result<EvalRunRepository::ErrorCount> EvalRunRepository::errorCount(qint64 runId) const
{
    auto query = m_workspace.execute(
        QStringLiteral("SELECT COUNT(*), COALESCE(SUM(CASE WHEN e.ok = 0 OR EXISTS (SELECT 1 FROM eval_scores s"
                       " WHERE s.run_id = e.run_id AND s.item_index = e.item_index AND s.error <> '')"
                       " THEN 1 ELSE 0 END), 0) FROM eval_results e WHERE e.run_id = :run"),
        {{QStringLiteral("run"), runId}});
    if (!query)
        return query.error();
    ErrorCount count;
    if (query.value().next()) {
        count.results = query.value().value(0).toLongLong();
        count.withErrors = query.value().value(1).toLongLong();
    }
    return count;
}

Result<QList<ItemResult>> EvalRunRepository::results(qint64 runId, qint64 offset, int limit) const
{
    return fetchResults(runId, QStringLiteral("ORDER BY item_index LIMIT ? OFFSET ?"),
                        {limit < 0 ? std::numeric_limits<int>::max() : limit, qMax<qint64>(0, offset)});
}

Result<std::optional<ItemResult>> EvalRunRepository::result(qint64 runId, qint64 itemIndex) const
{
    auto found = fetchResults(runId, QStringLiteral("AND item_index = ?"), {itemIndex});
    if (!found)
        return found.error();
    if (found.value().isEmpty())
        return std::optional<ItemResult>();
    return std::optional<ItemResult>(found.value().first());
}

Result<QList<ItemResult>> EvalRunRepository::fetchResults(qint64 runId, const QString &tail,
                                                          const QVariantList &bindings) const
{
    // sql-identifiers: `tail` (ORDER BY, LIMIT ?) is written by this class's callers; its values are bound.
    PreparedQuery query(
        m_workspace,
        QStringLiteral(
            "SELECT item_index, ok, error, response, scores, input_tokens, output_tokens, cost_usd, latency_ms,"
            " completed_at, guardrail, retrieval FROM eval_results WHERE run_id = ? ")
            + tail);
    const Status done = query.run(QVariantList{runId} + bindings);
    if (!done)
        return done.error();
    QList<ItemResult> results;
    QSqlQuery &row = query.query();
    while (row.next()) {
        ItemResult result;
        result.runId = runId;
        result.itemIndex = row.value(0).toLongLong();
        result.ok = row.value(1).toInt() != 0;
        result.error = row.value(2).toString();
        result.response = row.value(3).toString();
        result.scores = EvalJson::scores(row.value(4).toString());
        result.inputTokens = row.value(5).toLongLong();
        result.outputTokens = row.value(6).toLongLong();
        result.costUsd = row.value(7).toDouble();
        result.latencyMs = row.value(8).toLongLong();
        result.completedAt = row.value(9).toString();
        result.guardrail = EvalJson::guardrail(row.value(10).toString());
        EvalJson::retrieval(row.value(11).toString(), result.passages, result.citations);
        results << result;
    }
    return results;
}

Result<qint64> EvalRunRepository::resultCount(qint64 runId) const
{
    auto query = m_workspace.execute(QStringLiteral("SELECT COUNT(*) FROM eval_results WHERE run_id = :run"),
                                     {{QStringLiteral("run"), runId}});
    if (!query)
        return query.error();
    return query.value().next() ? query.value().value(0).toLongLong() : 0;
}

Result<QList<double>> EvalRunRepository::metricValues(qint64 runId, const QString &metric, QList<qint64> *items) const
{
    // An index-only scan of eval_scores_metric that hands over two numbers a row.
    PreparedQuery query(m_workspace,
                        QStringLiteral("SELECT value, item_index FROM eval_scores WHERE run_id = ? AND metric = ? AND "
                                       "value IS NOT NULL ORDER BY item_index"));
    const Status done = query.run(QVariantList{runId, metric});
    if (!done)
        return done.error();
    QList<double> values;
    while (query.query().next()) {
        values << query.query().value(0).toDouble();
        if (items)
            items->append(query.query().value(1).toLongLong());
    }
    return values;
}

Result<QList<GuardrailVerdict>> EvalRunRepository::guardrailVerdicts(qint64 runId) const
{
    PreparedQuery query(m_workspace,
                        QStringLiteral("SELECT guardrail FROM eval_results WHERE run_id = ? AND "
                                       "ok = 1 AND guardrail <> '' ORDER BY item_index"));
    const Status done = query.run(QVariantList{runId});
    if (!done)
        return done.error();
    QList<GuardrailVerdict> verdicts;
    while (query.query().next())
        if (const auto verdict = EvalJson::guardrail(query.query().value(0).toString()))
            verdicts << *verdict;
    return verdicts;
}
