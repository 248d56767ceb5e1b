#include "core/eval/datasetwriter.h"

#include "core/eval/evaljson.h"
#include "core/storage/sqldialect.h"
#include "core/storage/workspace.h"

#include <QDateTime>
#include <QSqlQuery>

DatasetWriter::DatasetWriter(Workspace &workspace)
    : m_workspace(workspace),
      m_items(workspace, QStringLiteral("eval_items"),
              {QStringLiteral("dataset_id"), QStringLiteral("item_index"), QStringLiteral("line"),
               QStringLiteral("question"), QStringLiteral("contexts"), QStringLiteral("response"),
               QStringLiteral("reference"), QStringLiteral("extra")})
{ }

Status DatasetWriter::begin(const QString &name, const QString &sourcePath)
{
    auto latest
        = m_workspace.execute(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM eval_datasets WHERE name = :name"),
                              {{QStringLiteral("name"), name}});
    if (!latest)
        return latest.error();
    m_dataset = Dataset{};
    m_dataset.name = name;
    m_dataset.sourcePath = sourcePath;
    m_dataset.version = (latest.value().next() ? latest.value().value(0).toInt() : 0) + 1;
    m_dataset.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    auto inserted
        = m_workspace.execute(QStringLiteral("INSERT INTO eval_datasets (name, version, source_path, created_at)"
                                             " VALUES (:name, :version, :source_path, :created_at)"),
                              {{QStringLiteral("name"), name},
                               {QStringLiteral("version"), m_dataset.version},
                               {QStringLiteral("source_path"), SqlDialect::text(sourcePath)},
                               {QStringLiteral("created_at"), m_dataset.createdAt}});
    if (!inserted)
        return inserted.error();
    auto insertedId = m_workspace.insertedId(inserted.value(), QStringLiteral("eval_datasets"));
    if (!insertedId)
        return insertedId.error();
    m_dataset.id = insertedId.value();
    return Done{};
}

Status DatasetWriter::add(EvalItem item)
{
    item.index = m_dataset.itemCount++;
    if (!item.response.isEmpty())
        ++m_dataset.withResponses;
    return m_items.add({m_dataset.id, item.index, item.line, SqlDialect::text(item.question),
                        EvalJson::contextsText(item.contexts), SqlDialect::text(item.response),
                        SqlDialect::text(item.reference), EvalJson::text(item.extra)});
}

Result<Dataset> DatasetWriter::finish(const QString &contentHash, const QList<SkippedLine> &skipped)
{
    const Status flushed = m_items.flush();
    if (!flushed)
        return flushed.error();
    m_dataset.contentHash = contentHash;
    m_dataset.skipped = skipped;
    auto updated = m_workspace.execute(
        QStringLiteral("UPDATE eval_datasets SET content_hash = :content_hash, item_count = :item_count,"
                       " with_responses = :with_responses, skipped = :skipped WHERE id = :id"),
        {{QStringLiteral("content_hash"), contentHash},
         {QStringLiteral("item_count"), m_dataset.itemCount},
         {QStringLiteral("with_responses"), m_dataset.withResponses},
         {QStringLiteral("skipped"), EvalJson::skippedText(skipped)},
         {QStringLiteral("id"), m_dataset.id}});
    if (!updated)
        return updated.error();
    return m_dataset;
}
