#include "core/team/workspacemigration.h"

#include "core/registry/audittrail.h"
#include "core/storage/batchinsert.h"
#include "core/storage/workspace.h"

#include <QSqlQuery>
#include <QSqlRecord>

namespace {

// workspace_meta keys that belong to the target itself, never copied from the source.
bool ownKey(const QString &key)
{
    return key == QLatin1String("application") || key == QLatin1String("format") || key == QLatin1String("created_at")
        || key == QLatin1String("created_by_version") || key.startsWith(QLatin1String("schema."))
        || key.startsWith(QLatin1String("team."))
        || key == AuditTrail::headKey()
        // A local file's chosen role means nothing where roles are grants.
        || key == QLatin1String("registry.role");
}

} // namespace

qint64 WorkspaceMigration::Report::rows() const
{
    qint64 total = 0;
    for (const Table &table : tables)
        total += table.rows;
    return total;
}

QStringList WorkspaceMigration::tables()
{
    return {QStringLiteral("credential_profiles"),  QStringLiteral("model_prices"),
            QStringLiteral("invocations"),          QStringLiteral("prompt_versions"),
            QStringLiteral("prompt_labels"),        QStringLiteral("playground_runs"),
            QStringLiteral("playground_responses"), QStringLiteral("eval_datasets"),
            QStringLiteral("eval_items"),           QStringLiteral("eval_runs"),
            QStringLiteral("eval_results"),         QStringLiteral("eval_scores"),
            QStringLiteral("eval_labels"),          QStringLiteral("registry_groups"),
            QStringLiteral("registry_versions"),    QStringLiteral("registry_audit"),
            QStringLiteral("edge_recordings"),      QStringLiteral("edge_recorded_messages"),
            QStringLiteral("edge_review_labels")};
}

Result<WorkspaceMigration::Report> WorkspaceMigration::run(Workspace &from, Workspace &to, const Progress &progress)
{
    if (!to.isTeam())
        return makeError(Error::Kind::Usage, tr("the target of a migration is a team workspace (postgresql://…)"),
                         to.location());
    auto before = AuditTrail(from).verify();
    if (!before)
        return before.error();
    if (!before.value().ok)
        return makeError(Error::Kind::Input,
                         tr("the source's audit trail does not verify, so it cannot be carried over as it is: %1")
                             .arg(before.value().detail),
                         from.location());
    Report report;
    const Status copied = to.transaction([&]() -> Status {
        if (Status empty = refuseNonEmpty(to); !empty)
            return empty;
        for (const QString &table : tables()) {
            auto rows = copyTable(from, to, table, progress);
            if (!rows)
                return rows.error();
            report.tables << Table{table, rows.value()};
        }
        return copyMeta(from, to);
    });
    if (!copied)
        return copied.error();
    auto after = AuditTrail(to).verify();
    if (!after)
        return after.error();
    if (!after.value().ok)
        return makeError(
            Error::Kind::Storage,
            tr("the audit trail was copied but does not verify in the team workspace: %1").arg(after.value().detail),
            to.location());
    report.auditEntries = after.value().entries;
    return report;
}

Status WorkspaceMigration::refuseNonEmpty(Workspace &to)
{
    for (const QString &table : tables()) {
        // sql-identifiers: the table names are this class's own list.
        auto rows = to.execute(QStringLiteral("SELECT count(*) FROM ") + table);
        if (!rows)
            return rows.error();
        // A fresh workspace holds the price table's defaults and nothing else of anyone's.
        if (rows.value().next() && rows.value().value(0).toLongLong() > 0 && table != QLatin1String("model_prices"))
            return makeError(Error::Kind::Refused,
                             tr("the team workspace already holds work (%1 has rows); a migration goes into an empty "
                                "one, so nothing is copied twice")
                                 .arg(table),
                             to.location());
    }
    return Done{};
}

Result<qint64> WorkspaceMigration::copyTable(Workspace &from, Workspace &to, const QString &table,
                                             const Progress &progress)
{
    // sql-identifiers: table names from tables(), columns from the source's own record.
    auto total = from.execute(QStringLiteral("SELECT count(*) FROM ") + table);
    if (!total)
        return total.error();
    const qint64 count = total.value().next() ? total.value().value(0).toLongLong() : 0;
    // sql-identifiers: the table name is one of tables().
    auto source = from.execute(QStringLiteral("SELECT * FROM ") + table, {}, Workspace::Rows::ForwardOnly);
    if (!source)
        return source.error();
    QSqlQuery &rows = source.value();
    const QSqlRecord record = rows.record();
    QStringList columns;
    for (int column = 0; column < record.count(); ++column)
        columns << record.fieldName(column);
    if (table == QLatin1String("model_prices")) {
        // The target's defaults give way to the source's table, edited or not.
        if (auto cleared = to.execute(QStringLiteral("DELETE FROM model_prices")); !cleared)
            return cleared.error();
    }
    // Audit entries one at a time, in order: the target's trigger checks each against the one before.
    BatchInsert insert(to, table, columns);
    qint64 copied = 0;
    const bool audit = table == QLatin1String("registry_audit");
    while (rows.next()) {
        QVariantList values;
        values.reserve(columns.size());
        for (int column = 0; column < columns.size(); ++column)
            values << rows.value(column);
        if (Status added = insert.add(values); !added)
            return added.error();
        if (audit)
            if (Status flushed = insert.flush(); !flushed)
                return flushed.error();
        if (++copied % 1000 == 0 && progress)
            progress(table, copied, count);
    }
    if (Status flushed = insert.flush(); !flushed)
        return flushed.error();
    if (progress)
        progress(table, copied, count);
    if (columns.contains(QLatin1String("id")))
        if (Status advanced = advanceSequence(to, table); !advanced)
            return advanced.error();
    return copied;
}

Status WorkspaceMigration::advanceSequence(Workspace &to, const QString &table)
{
    // Rows came with their ids; the next id the database gives must follow them.
    // sql-identifiers: the table name is one of tables().
    auto advanced = to.execute(QStringLiteral("SELECT setval(pg_get_serial_sequence(:table, 'id'),"
                                              " COALESCE((SELECT max(id) FROM %1), 0) + 1, false)")
                                   .arg(table),
                               {{QStringLiteral("table"), table}});
    if (!advanced)
        return advanced.error();
    return Done{};
}

Status WorkspaceMigration::copyMeta(Workspace &from, Workspace &to)
{
    auto meta = from.execute(QStringLiteral("SELECT key, value FROM workspace_meta"));
    if (!meta)
        return meta.error();
    while (meta.value().next()) {
        const QString key = meta.value().value(0).toString();
        if (ownKey(key))
            continue;
        if (Status stored = to.setMetaValue(key, meta.value().value(1).toString()); !stored)
            return stored;
    }
    return to.setMetaValue(QStringLiteral("team.migrated_from"), from.location());
}
