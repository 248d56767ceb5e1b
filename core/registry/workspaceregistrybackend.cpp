#include "core/registry/workspaceregistrybackend.h"

#include "core/common/localuser.h"
#include "core/registry/stageflow.h"
#include "core/storage/sqldialect.h"
#include "core/storage/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>

#include <cmath>

namespace {

QString metricsText(const QMap<QString, double> &metrics)
{
    QJsonObject object;
    for (auto it = metrics.cbegin(); it != metrics.cend(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString runIdsText(const QList<qint64> &runIds)
{
    QJsonArray array;
    for (qint64 id : runIds)
        array.append(id);
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

const QString selectVersions = QStringLiteral(
    "SELECT group_name, version, artifact_uri, description, metrics, eval_run_ids, registrant, created_at,"
    " status, stage, stage_status, approval_description, modified_at FROM registry_versions ");

Error missingVersion(const QString &group, int version)
{
    return makeError(
        Error::Kind::Input,
        WorkspaceRegistryBackend::tr("there is no version %1 in group \"%2\" (see `genaiops registry versions %2`)")
            .arg(version)
            .arg(group));
}

} // namespace

WorkspaceRegistryBackend::WorkspaceRegistryBackend(Workspace &workspace, Clock clock)
    : m_workspace(workspace), m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{ }

bool WorkspaceRegistryBackend::isValidGroupName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$"));
    return pattern.match(name).hasMatch();
}

QString WorkspaceRegistryBackend::changedMessage()
{
    return tr("changed by someone else since you loaded it; reload it to see what changed, then decide again");
}

Result<QString> WorkspaceRegistryBackend::callerIdentity()
{
    // A team workspace knows you as the role you logged in with, whatever the client says.
    if (m_workspace.isTeam())
        return m_workspace.sessionUser();
    return LocalUser::name();
}

Result<QList<ModelGroup>> WorkspaceRegistryBackend::groups()
{
    auto query = m_workspace.execute(QStringLiteral(
        "SELECT g.name, g.description, g.created_at, count(v.version),"
        " coalesce(sum(CASE WHEN v.status = 'PendingManualApproval' AND v.stage <> 'Archived' THEN 1 ELSE 0 END), 0)"
        " FROM registry_groups g LEFT JOIN registry_versions v ON v.group_name = g.name"
        " GROUP BY g.name, g.description, g.created_at ORDER BY g.name"));
    if (!query)
        return query.error();
    QList<ModelGroup> result;
    while (query.value().next()) {
        ModelGroup group;
        group.name = query.value().value(0).toString();
        group.description = query.value().value(1).toString();
        group.createdAt = query.value().value(2).toString();
        group.versionCount = query.value().value(3).toInt();
        group.pendingCount = query.value().value(4).toInt();
        result << group;
    }
    return result;
}

Result<QList<ModelVersion>> WorkspaceRegistryBackend::versions(const QString &group,
                                                               std::optional<ApprovalStatus> status)
{
    QVariantMap bindings{{QStringLiteral("group"), group}};
    QString where = QStringLiteral("WHERE group_name = :group");
    if (status) {
        where += QStringLiteral(" AND status = :status");
        bindings.insert(QStringLiteral("status"), RegistryNames::status(*status));
    }
    return fetch(where + QStringLiteral(" ORDER BY version DESC"), bindings);
}

Result<ModelVersion> WorkspaceRegistryBackend::version(const QString &group, int version)
{
    auto found = fetch(QStringLiteral("WHERE group_name = :group AND version = :version"),
                       {{QStringLiteral("group"), group}, {QStringLiteral("version"), version}});
    if (!found)
        return found.error();
    if (found.value().isEmpty())
        return missingVersion(group, version);
    return found.value().first();
}

Result<ModelVersion> WorkspaceRegistryBackend::registerVersion(const ModelVersion &version)
{
    if (!isValidGroupName(version.group))
        return makeError(Error::Kind::Input,
                         tr("\"%1\" is not a valid group name: 1 to 63 letters, digits and hyphens, "
                            "starting and ending with a letter or digit")
                             .arg(version.group));
    if (version.artifactUri.trimmed().isEmpty())
        return makeError(Error::Kind::Input, tr("a version needs an artifact URI"), version.group);
    for (auto it = version.metrics.cbegin(); it != version.metrics.cend(); ++it)
        if (it.key().trimmed().isEmpty() || !std::isfinite(it.value()))
            return makeError(Error::Kind::Input, tr("metric \"%1\" needs a name and a finite value").arg(it.key()),
                             version.group);
    ModelVersion stored = version;
    const Status written = m_workspace.transaction([&]() -> Status {
        const QString now = m_clock().toUTC().toString(Qt::ISODateWithMs);
        auto group = m_workspace.execute(
            m_workspace.dialect().upsert(QStringLiteral("registry_groups"), {QStringLiteral("name")},
                                         {QStringLiteral("name"), QStringLiteral("created_at")},
                                         {QStringLiteral("created_at")}),
            {{QStringLiteral("name"), version.group}, {QStringLiteral("created_at"), now}});
        if (!group)
            return group.error();
        auto highest = m_workspace.execute(
            QStringLiteral("SELECT coalesce(max(version), 0) FROM registry_versions WHERE group_name = :group"),
            {{QStringLiteral("group"), version.group}});
        if (!highest)
            return highest.error();
        stored.version = highest.value().next() ? highest.value().value(0).toInt() + 1 : 1;
        if (stored.createdAt.isEmpty())
            stored.createdAt = now;
        stored.modifiedAt = stored.createdAt;
        if (stored.stageStatus.isEmpty())
            stored.stageStatus = StageFlow::stageStatus(stored.status, stored.stage);
        auto inserted = m_workspace.execute(
            QStringLiteral("INSERT INTO registry_versions (group_name, version, artifact_uri, description, metrics,"
                           " eval_run_ids, registrant, created_at, status, stage, stage_status, approval_description,"
                           " modified_at) VALUES (:group_name, :version, :artifact_uri, :description, :metrics,"
                           " :eval_run_ids, :registrant, :created_at, :status, :stage, :stage_status,"
                           " :approval_description, :modified_at)"),
            {{QStringLiteral("group_name"), stored.group},
             {QStringLiteral("version"), stored.version},
             {QStringLiteral("artifact_uri"), stored.artifactUri},
             {QStringLiteral("description"), SqlDialect::text(stored.description)},
             {QStringLiteral("metrics"), metricsText(stored.metrics)},
             {QStringLiteral("eval_run_ids"), runIdsText(stored.evalRunIds)},
             {QStringLiteral("registrant"), SqlDialect::text(stored.registrant)},
             {QStringLiteral("created_at"), stored.createdAt},
             {QStringLiteral("status"), RegistryNames::status(stored.status)},
             {QStringLiteral("stage"), SqlDialect::text(RegistryNames::stage(stored.stage))},
             {QStringLiteral("stage_status"), stored.stageStatus},
             {QStringLiteral("approval_description"), SqlDialect::text(stored.approvalDescription)},
             {QStringLiteral("modified_at"), stored.modifiedAt}});
        if (!inserted)
            return inserted.error();
        return Done{};
    });
    if (!written)
        return written.error();
    return stored;
}

Result<ModelVersion> WorkspaceRegistryBackend::update(const ModelVersion &current, std::optional<ApprovalStatus> status,
                                                      std::optional<Stage> stage, const QString &description)
{
    ModelVersion updated = current;
    if (status)
        updated.status = *status;
    if (stage)
        updated.stage = *stage;
    updated.stageStatus = StageFlow::stageStatus(updated.status, updated.stage);
    updated.approvalDescription = description;
    updated.modifiedAt = nextTimestamp(current.modifiedAt);
    // Compare-and-set on modified_at: the row changes only if nobody changed it since `current`.
    auto written = m_workspace.execute(
        QStringLiteral("UPDATE registry_versions SET status = :status, stage = :stage, stage_status = :stage_status,"
                       " approval_description = :description, modified_at = :modified_at"
                       " WHERE group_name = :group AND version = :version AND modified_at = :expected"),
        {{QStringLiteral("status"), RegistryNames::status(updated.status)},
         {QStringLiteral("stage"), SqlDialect::text(RegistryNames::stage(updated.stage))},
         {QStringLiteral("stage_status"), updated.stageStatus},
         {QStringLiteral("description"), SqlDialect::text(description)},
         {QStringLiteral("modified_at"), updated.modifiedAt},
         {QStringLiteral("group"), current.group},
         {QStringLiteral("version"), current.version},
         {QStringLiteral("expected"), current.modifiedAt}});
    if (!written)
        return written.error();
    if (written.value().numRowsAffected() == 1)
        return updated;
    auto exists = version(current.group, current.version);
    if (!exists)
        return exists.error();
    return makeError(Error::Kind::Refused, changedMessage(),
                     tr("%1 version %2").arg(current.group).arg(current.version));
}

Result<QList<ModelVersion>> WorkspaceRegistryBackend::fetch(const QString &where, const QVariantMap &bindings) const
{
    auto query = m_workspace.execute(selectVersions + where, bindings);
    if (!query)
        return query.error();
    QList<ModelVersion> result;
    while (query.value().next())
        result << versionFromRow(query.value());
    return result;
}

ModelVersion WorkspaceRegistryBackend::versionFromRow(const QSqlQuery &query)
{
    ModelVersion version;
    version.group = query.value(0).toString();
    version.version = query.value(1).toInt();
    version.artifactUri = query.value(2).toString();
    version.description = query.value(3).toString();
    const QJsonObject metrics = QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object();
    for (auto it = metrics.constBegin(); it != metrics.constEnd(); ++it)
        version.metrics.insert(it.key(), it.value().toDouble());
    for (const QJsonValue &id : QJsonDocument::fromJson(query.value(5).toString().toUtf8()).array())
        version.evalRunIds << id.toInteger();
    version.registrant = query.value(6).toString();
    version.createdAt = query.value(7).toString();
    version.status
        = RegistryNames::statusFromName(query.value(8).toString()).value_or(ApprovalStatus::PendingManualApproval);
    version.stage = RegistryNames::stageFromName(query.value(9).toString()).value_or(Stage::None);
    version.stageStatus = query.value(10).toString();
    version.approvalDescription = query.value(11).toString();
    version.modifiedAt = query.value(12).toString();
    return version;
}

QString WorkspaceRegistryBackend::nextTimestamp(const QString &previous) const
{
    // Two changes within one millisecond must still differ, or the second would look unchanged.
    QDateTime now = m_clock().toUTC();
    const QDateTime before = QDateTime::fromString(previous, Qt::ISODateWithMs);
    if (before.isValid() && now <= before)
        now = before.addMSecs(1).toUTC();
    return now.toString(Qt::ISODateWithMs);
}
