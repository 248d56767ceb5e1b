#include "core/registry/registryjson.h"

#include "core/registry/stageflow.h"

#include <QJsonArray>

QJsonObject RegistryJson::group(const ModelGroup &group)
{
    return {{QStringLiteral("name"), group.name},
            {QStringLiteral("description"), group.description},
            {QStringLiteral("created_at"), group.createdAt},
            {QStringLiteral("versions"), group.versionCount},
            {QStringLiteral("pending"), group.pendingCount}};
}

QJsonObject RegistryJson::version(const ModelVersion &version)
{
    QJsonObject metrics;
    for (auto it = version.metrics.cbegin(); it != version.metrics.cend(); ++it)
        metrics.insert(it.key(), it.value());
    QJsonArray runs;
    for (qint64 id : version.evalRunIds)
        runs.append(id);
    const std::optional<Stage> awaiting = StageFlow::awaiting(version);
    QJsonObject object{{QStringLiteral("group"), version.group},
                       {QStringLiteral("version"), version.version},
                       {QStringLiteral("artifact_uri"), version.artifactUri},
                       {QStringLiteral("description"), version.description},
                       {QStringLiteral("metrics"), metrics},
                       {QStringLiteral("eval_run_ids"), runs},
                       {QStringLiteral("registrant"), version.registrant},
                       {QStringLiteral("created_at"), version.createdAt},
                       {QStringLiteral("status"), RegistryNames::status(version.status)},
                       {QStringLiteral("stage"), RegistryNames::stage(version.stage)},
                       {QStringLiteral("stage_status"), version.stageStatus},
                       {QStringLiteral("approval_description"), version.approvalDescription},
                       {QStringLiteral("modified_at"), version.modifiedAt},
                       {QStringLiteral("awaiting"), awaiting ? RegistryNames::stage(*awaiting) : QString()}};
    if (!version.remoteId.isEmpty())
        object.insert(QStringLiteral("remote_id"), version.remoteId);
    return object;
}

QJsonObject RegistryJson::check(const PolicyCheck &check)
{
    QJsonArray rules;
    for (const PolicyRule &rule : check.rules)
        rules.append(QJsonObject{{QStringLiteral("name"), rule.name},
                                 {QStringLiteral("satisfied"), rule.satisfied},
                                 {QStringLiteral("detail"), rule.detail}});
    const PolicyRule *refusal = check.firstRefusal();
    return {{QStringLiteral("allowed"), check.allowed()},
            {QStringLiteral("refused_by"), refusal ? refusal->name : QString()},
            {QStringLiteral("rules"), rules}};
}
