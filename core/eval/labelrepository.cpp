#include "core/eval/labelrepository.h"

#include "core/eval/evalrunrepository.h"
#include "core/storage/workspace.h"

#include <QDateTime>
#include <QHash>
#include <QSqlQuery>

Status LabelRepository::store(const QList<HumanLabel> &labels, const QStringList &places)
{
    QHash<qint64, std::optional<EvalRun>> runs; // an import names the same run thousands of times
    return m_workspace.transaction([&]() -> Status {
        for (qsizetype i = 0; i < labels.size(); ++i) {
            HumanLabel label = labels[i];
            const QString where = i < places.size() ? places[i]
                : labels.size() > 1                 ? tr("label %1").arg(i + 1)
                                                    : QString();
            const Status valid = label.validate(where);
            if (!valid)
                return valid;
            if (!runs.contains(label.runId)) {
                auto run = EvalRunRepository(m_workspace).find(label.runId);
                if (!run)
                    return run.error();
                runs.insert(label.runId, run.value());
            }
            const Status target = checkTarget(label, runs.value(label.runId), where);
            if (!target)
                return target;
            if (label.createdAt.isEmpty())
                label.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
            auto removed
                = m_workspace.execute(QStringLiteral("DELETE FROM eval_labels WHERE run_id = :run AND metric = :metric"
                                                     " AND item_index = :item AND reviewer = :reviewer"),
                                      {{QStringLiteral("run"), label.runId},
                                       {QStringLiteral("metric"), label.metric},
                                       {QStringLiteral("item"), label.itemIndex},
                                       {QStringLiteral("reviewer"), label.reviewer}});
            if (!removed)
                return removed.error();
            auto inserted = m_workspace.execute(
                QStringLiteral("INSERT INTO eval_labels (run_id, item_index, metric, reviewer, verdict, value, comment,"
                               " source, created_at) VALUES (:run, :item, :metric, :reviewer, :verdict, :value,"
                               " :comment, :source, :created_at)"),
                {{QStringLiteral("run"), label.runId},
                 {QStringLiteral("item"), label.itemIndex},
                 {QStringLiteral("metric"), label.metric},
                 {QStringLiteral("reviewer"), label.reviewer},
                 {QStringLiteral("verdict"), HumanLabel::verdictName(label.verdict)},
                 {QStringLiteral("value"), label.value},
                 {QStringLiteral("comment"), SqlDialect::text(label.comment)},
                 {QStringLiteral("source"), SqlDialect::text(label.source)},
                 {QStringLiteral("created_at"), label.createdAt}});
            if (!inserted)
                return inserted.error();
        }
        return Done{};
    });
}

Result<HumanLabel> LabelRepository::storeOne(HumanLabel label)
{
    if (label.createdAt.isEmpty())
        label.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const Status stored = store({label});
    if (!stored)
        return stored.error();
    return label;
}

Status LabelRepository::checkTarget(const HumanLabel &label, const std::optional<EvalRun> &run, const QString &where)
{
    if (!run)
        return makeError(Error::Kind::Input, tr("there is no evaluation run %1").arg(label.runId), where);
    if (!run->settings.metrics.contains(label.metric))
        return makeError(Error::Kind::Input,
                         tr("run %1 has no metric \"%2\" (it has %3)")
                             .arg(label.runId)
                             .arg(label.metric, run->settings.metrics.join(QStringLiteral(", "))),
                         where);
    if (Metrics::isLexical(label.metric))
        return makeError(
            Error::Kind::Input,
            tr("%1 is computed from the text, not judged: people label the judged metrics").arg(label.metric), where);
    if (label.itemIndex < 0 || label.itemIndex >= run->itemCount)
        return makeError(
            Error::Kind::Input,
            tr("run %1 has items 0 to %2, not %3").arg(label.runId).arg(run->itemCount - 1).arg(label.itemIndex),
            where);
    return Done{};
}

Result<QList<HumanLabel>> LabelRepository::labels(qint64 runId, const QString &metric) const
{
    QVariantMap bindings{{QStringLiteral("run"), runId}};
    if (metric.isEmpty())
        return fetch(QStringLiteral("run_id = :run"), bindings);
    bindings.insert(QStringLiteral("metric"), metric);
    return fetch(QStringLiteral("run_id = :run AND metric = :metric"), bindings);
}

Result<QList<HumanLabel>> LabelRepository::itemLabels(qint64 runId, qint64 itemIndex) const
{
    return fetch(QStringLiteral("run_id = :run AND item_index = :item"),
                 {{QStringLiteral("run"), runId}, {QStringLiteral("item"), itemIndex}});
}

Result<QList<HumanLabel>> LabelRepository::fetch(const QString &where, const QVariantMap &bindings) const
{
    // sql-identifiers: `where` is a clause this class's own callers write; every value in it is bound.
    auto query = m_workspace.execute(
        QStringLiteral("SELECT run_id, item_index, metric, reviewer, verdict, value, comment, source,"
                       " created_at FROM eval_labels WHERE %1 ORDER BY metric, item_index, reviewer")
            .arg(where),
        bindings);
    if (!query)
        return query.error();
    QList<HumanLabel> result;
    while (query.value().next()) {
        HumanLabel label;
        label.runId = query.value().value(0).toLongLong();
        label.itemIndex = query.value().value(1).toLongLong();
        label.metric = query.value().value(2).toString();
        label.reviewer = query.value().value(3).toString();
        label.verdict
            = HumanLabel::verdictFromName(query.value().value(4).toString()).value_or(HumanLabel::Verdict::Score);
        label.value = query.value().value(5).toDouble();
        label.comment = query.value().value(6).toString();
        label.source = query.value().value(7).toString();
        label.createdAt = query.value().value(8).toString();
        result << label;
    }
    return result;
}
