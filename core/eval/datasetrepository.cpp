#include "core/eval/datasetrepository.h"

#include "core/eval/evaljson.h"
#include "core/storage/workspace.h"

#include <QSqlQuery>

#include <limits>

namespace {

const QString itemColumns
    = QStringLiteral("SELECT item_index, line, question, contexts, response, reference, extra FROM eval_items ");

EvalItem itemFromRow(const QSqlQuery &query)
{
    EvalItem item;
    item.index = query.value(0).toLongLong();
    item.line = query.value(1).toInt();
    item.question = query.value(2).toString();
    item.contexts = EvalJson::contexts(query.value(3).toString());
    item.response = query.value(4).toString();
    item.reference = query.value(5).toString();
    item.extra = EvalJson::object(query.value(6).toString());
    return item;
}

} // namespace

DatasetRepository::DatasetRepository(Workspace &workspace) : m_workspace(workspace)
{ }

Result<QList<Dataset>> DatasetRepository::fetch(const QString &where, const QVariantMap &bindings) const
{
    // sql-identifiers: `where` is a clause this class's own callers write; every value in it is bound.
    auto query = m_workspace.execute(
        QStringLiteral("SELECT id, name, version, source_path, content_hash, item_count, with_responses,"
                       " skipped, created_at FROM eval_datasets ")
            + where,
        bindings);
    if (!query)
        return query.error();
    QList<Dataset> datasets;
    while (query.value().next()) {
        const QSqlQuery &row = query.value();
        Dataset dataset;
        dataset.id = row.value(0).toLongLong();
        dataset.name = row.value(1).toString();
        dataset.version = row.value(2).toInt();
        dataset.sourcePath = row.value(3).toString();
        dataset.contentHash = row.value(4).toString();
        dataset.itemCount = row.value(5).toLongLong();
        dataset.withResponses = row.value(6).toLongLong();
        dataset.skipped = EvalJson::skipped(row.value(7).toString());
        dataset.createdAt = row.value(8).toString();
        datasets << dataset;
    }
    return datasets;
}

Result<QList<Dataset>> DatasetRepository::list() const
{
    return fetch(QStringLiteral("ORDER BY name, version"), {});
}

Result<QList<Dataset>> DatasetRepository::latest() const
{
    return fetch(QStringLiteral("WHERE id IN (SELECT id FROM eval_datasets AS newest WHERE newest.version ="
                                " (SELECT MAX(version) FROM eval_datasets AS other WHERE other.name = newest.name))"
                                " ORDER BY id DESC"),
                 {});
}

Result<std::optional<Dataset>> DatasetRepository::find(qint64 id) const
{
    auto found = fetch(QStringLiteral("WHERE id = :id"), {{QStringLiteral("id"), id}});
    if (!found)
        return found.error();
    if (found.value().isEmpty())
        return std::optional<Dataset>();
    return std::optional<Dataset>(found.value().first());
}

Result<std::optional<Dataset>> DatasetRepository::findByContent(const QString &name, const QString &contentHash) const
{
    auto found = fetch(QStringLiteral("WHERE name = :name AND content_hash = :hash ORDER BY version"),
                       {{QStringLiteral("name"), name}, {QStringLiteral("hash"), contentHash}});
    if (!found)
        return found.error();
    if (found.value().isEmpty())
        return std::optional<Dataset>();
    return std::optional<Dataset>(found.value().first());
}

Result<QList<EvalItem>> DatasetRepository::items(qint64 datasetId, qint64 offset, int limit) const
{
    auto query = m_workspace.execute(
        itemColumns + QStringLiteral("WHERE dataset_id = :dataset ORDER BY item_index LIMIT :limit OFFSET :offset"),
        {{QStringLiteral("dataset"), datasetId},
         {QStringLiteral("limit"), limit < 0 ? std::numeric_limits<int>::max() : limit},
         {QStringLiteral("offset"), qMax<qint64>(0, offset)}});
    if (!query)
        return query.error();
    QList<EvalItem> items;
    while (query.value().next())
        items << itemFromRow(query.value());
    return items;
}

Result<std::optional<EvalItem>> DatasetRepository::item(qint64 datasetId, qint64 index) const
{
    auto query
        = m_workspace.execute(itemColumns + QStringLiteral("WHERE dataset_id = :dataset AND item_index = :index"),
                              {{QStringLiteral("dataset"), datasetId}, {QStringLiteral("index"), index}});
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<EvalItem>();
    return std::optional<EvalItem>(itemFromRow(query.value()));
}
