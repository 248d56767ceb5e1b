#include "core/registry/mlflowregistrybackend.h"

#include "core/registry/versionproperties.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QString StatusTag = u"genaiops.approval_status"_s;
const QString DescriptionTag = u"genaiops.approval_description"_s;
const QString StageTag = u"genaiops.stage"_s;
const QString StageStatusTag = u"genaiops.stage_status"_s;
const QString ModifiedTag = u"genaiops.modified_at"_s;
const QString RegistrantTag = u"genaiops.registrant"_s;

QMap<QString, QString> tagsOf(const QJsonObject &object)
{
    QMap<QString, QString> tags;
    for (const QJsonValue &tag : object.value("tags"_L1).toArray())
        tags.insert(tag.toObject().value("key"_L1).toString(), tag.toObject().value("value"_L1).toString());
    return tags;
}

// MLflow's search filter is SQL-like: a name goes in single quotes, or double quotes if it has one.
Result<QString> nameFilter(const QString &name)
{
    if (!name.contains(u'\''))
        return u"name = '%1'"_s.arg(name);
    if (!name.contains(u'"'))
        return u"name = \"%1\""_s.arg(name);
    return makeError(
        Error::Kind::Usage,
        MlflowRegistryBackend::tr("an MLflow search cannot name a model with both kinds of quotes: %1").arg(name));
}

// Legacy MLflow stages, for versions nobody has decided on through the workbench.
Stage stageOfLegacy(const QString &currentStage)
{
    if (currentStage == "Staging"_L1)
        return Stage::Test;
    if (currentStage == "Production"_L1)
        return Stage::Prod;
    if (currentStage == "Archived"_L1)
        return Stage::Archived;
    return Stage::None;
}

QString stageStatusFor(ApprovalStatus status)
{
    switch (status) {
    case ApprovalStatus::Approved:
        return u"Approved"_s;
    case ApprovalStatus::Rejected:
        return u"Rejected"_s;
    case ApprovalStatus::PendingManualApproval:
        return u"PendingApproval"_s;
    }
    return u"PendingApproval"_s;
}

QString nowIso()
{
    return VersionProperties::isoFromEpochMs(QDateTime::currentMSecsSinceEpoch());
}

} // namespace

MlflowRegistryBackend::MlflowRegistryBackend(const MlflowConnection &connection)
    : m_client(connection), m_connection(connection)
{ }

QString MlflowRegistryBackend::name() const
{
    return u"mlflow"_s;
}

Result<QString> MlflowRegistryBackend::callerIdentity()
{
    if (!m_connection.userName.isEmpty())
        return m_connection.userName;
    // MLflow's own clients name the user in MLFLOW_TRACKING_USERNAME (basic authentication).
    for (const char *variable : {"MLFLOW_TRACKING_USERNAME", "USER", "USERNAME"})
        if (const QString user = qEnvironmentVariable(variable); !user.isEmpty())
            return user;
    return makeError(Error::Kind::Input,
                     tr("cannot tell who you are on MLflow: none of MLFLOW_TRACKING_USERNAME, USER "
                        "and USERNAME is set"));
}

QString MlflowRegistryBackend::aliasFor(Stage stage)
{
    switch (stage) {
    case Stage::Dev:
        return u"dev"_s;
    case Stage::Test:
        return u"test"_s;
    case Stage::Prod:
        return u"prod"_s;
    case Stage::None:
    case Stage::Archived:
        return {};
    }
    return {};
}

ModelVersion MlflowRegistryBackend::fromModelVersion(const QJsonObject &modelVersion)
{
    const QMap<QString, QString> tags = tagsOf(modelVersion);
    ModelVersion version;
    version.group = modelVersion.value("name"_L1).toString();
    // MLflow writes the number as a string; QJsonValue::toInt() refuses a number that is no int.
    const QJsonValue number = modelVersion.value("version"_L1);
    version.version = number.isString() ? number.toString().toInt() : number.toInt();
    version.artifactUri = modelVersion.value("source"_L1).toString();
    version.description = modelVersion.value("description"_L1).toString();
    version.registrant = modelVersion.value("user_id"_L1).toString();
    if (version.registrant.isEmpty())
        version.registrant = tags.value(RegistrantTag);
    version.createdAt = VersionProperties::isoFromEpoch(modelVersion.value("creation_timestamp"_L1), 1.0);
    version.modifiedAt = VersionProperties::isoFromEpoch(modelVersion.value("last_updated_timestamp"_L1), 1.0);
    // Same ISO form on both sides, so the later one is the greater string.
    version.modifiedAt = std::max(version.modifiedAt, tags.value(ModifiedTag));
    version.status
        = RegistryNames::statusFromName(tags.value(StatusTag)).value_or(ApprovalStatus::PendingManualApproval);
    version.approvalDescription = tags.value(DescriptionTag);

    // The aliases are the truth about dev/test/prod (anyone may move them); the tag says which one
    // we meant, and is all that marks an archived version.
    const QJsonArray aliases = modelVersion.value("aliases"_L1).toArray();
    const Stage tagged = RegistryNames::stageFromName(tags.value(StageTag)).value_or(Stage::None);
    if (tagged != Stage::None && tagged != Stage::Archived && aliases.contains(aliasFor(tagged)))
        version.stage = tagged;
    else if (aliases.contains(u"prod"_s))
        version.stage = Stage::Prod;
    else if (aliases.contains(u"test"_s))
        version.stage = Stage::Test;
    else if (aliases.contains(u"dev"_s))
        version.stage = Stage::Dev;
    else if (tagged == Stage::Archived)
        version.stage = Stage::Archived;
    else
        version.stage = stageOfLegacy(modelVersion.value("current_stage"_L1).toString());
    version.stageStatus = version.stage == tagged ? tags.value(StageStatusTag) : QString();
    version.remoteId = u"models:/%1/%2"_s.arg(version.group).arg(version.version);
    version.remote = modelVersion;
    VersionProperties::read(tags, version);
    return version;
}

Result<QList<QJsonObject>> MlflowRegistryBackend::searchAll(const QString &endpoint, const QString &listKey,
                                                            const QString &filter)
{
    QList<QJsonObject> items;
    QString token;
    do {
        MlflowClient::Query query{{u"max_results"_s, QString::number(m_connection.pageSize)}};
        if (!filter.isEmpty())
            query.append({u"filter"_s, filter});
        if (!token.isEmpty())
            query.append({u"page_token"_s, token});
        const Result<QJsonObject> page = m_client.get(endpoint, query);
        if (!page)
            return page.error();
        for (const QJsonValue &item : page.value().value(listKey).toArray())
            items.append(item.toObject());
        token = page.value().value("next_page_token"_L1).toString();
    } while (!token.isEmpty());
    return items;
}

Result<QList<ModelGroup>> MlflowRegistryBackend::groups()
{
    const Result<QList<QJsonObject>> models = searchAll(u"registered-models/search"_s, u"registered_models"_s, {});
    if (!models)
        return models.error();
    // Counts come from one search over every version rather than one search per model.
    const Result<QList<QJsonObject>> versions = searchAll(u"model-versions/search"_s, u"model_versions"_s, {});
    if (!versions)
        return versions.error();
    QHash<QString, QPair<int, int>> counts; // name → (versions, pending)
    for (const QJsonObject &modelVersion : versions.value()) {
        const ModelVersion version = fromModelVersion(modelVersion);
        ++counts[version.group].first;
        if (version.status == ApprovalStatus::PendingManualApproval)
            ++counts[version.group].second;
    }
    QList<ModelGroup> groups;
    for (const QJsonObject &model : models.value()) {
        ModelGroup group;
        group.name = model.value("name"_L1).toString();
        group.description = model.value("description"_L1).toString();
        group.createdAt = VersionProperties::isoFromEpoch(model.value("creation_timestamp"_L1), 1.0);
        group.versionCount = counts.value(group.name).first;
        group.pendingCount = counts.value(group.name).second;
        groups.append(group);
    }
    std::sort(groups.begin(), groups.end(), [](const ModelGroup &a, const ModelGroup &b) { return a.name < b.name; });
    return groups;
}

Result<QList<ModelVersion>> MlflowRegistryBackend::versions(const QString &group, std::optional<ApprovalStatus> status)
{
    const Result<QString> filter = nameFilter(group);
    if (!filter)
        return filter.error();
    const Result<QList<QJsonObject>> found = searchAll(u"model-versions/search"_s, u"model_versions"_s, filter.value());
    if (!found)
        return found.error();
    // Searching an unknown model finds nothing; ask for the model so that says so.
    if (found.value().isEmpty()) {
        const Result<QJsonObject> model = m_client.get(u"registered-models/get"_s, {{u"name"_s, group}});
        if (!model)
            return model.error();
    }
    QList<ModelVersion> versions;
    for (const QJsonObject &modelVersion : found.value()) {
        ModelVersion version = fromModelVersion(modelVersion);
        // The approval status is a tag, and "no tag" means pending: filter here, not in the search.
        if (!status || version.status == *status)
            versions.append(version);
    }
    std::sort(versions.begin(), versions.end(),
              [](const ModelVersion &a, const ModelVersion &b) { return a.version < b.version; });
    return versions;
}

Result<ModelVersion> MlflowRegistryBackend::version(const QString &group, int version)
{
    const Result<QJsonObject> found
        = m_client.get(u"model-versions/get"_s, {{u"name"_s, group}, {u"version"_s, QString::number(version)}});
    if (!found)
        return found.error();
    return fromModelVersion(found.value().value("model_version"_L1).toObject());
}

Result<ModelVersion> MlflowRegistryBackend::registerVersion(const ModelVersion &version)
{
    if (version.group.isEmpty())
        return makeError(Error::Kind::Usage, tr("a model version needs a registered model to be created in"));
    if (version.artifactUri.isEmpty())
        return makeError(Error::Kind::Usage,
                         tr("MLflow needs the artifact URI (the version's source) to register a version"));
    QMap<QString, QString> properties = VersionProperties::toProperties(version);
    properties.insert(StatusTag, RegistryNames::status(ApprovalStatus::PendingManualApproval));
    const Result<QString> registrant
        = version.registrant.isEmpty() ? callerIdentity() : Result<QString>(version.registrant);
    if (registrant)
        properties.insert(RegistrantTag, registrant.value());
    QJsonArray tags;
    for (auto it = properties.cbegin(); it != properties.cend(); ++it)
        tags.append(QJsonObject{{"key"_L1, it.key()}, {"value"_L1, it.value()}});
    const QJsonObject body{{"name"_L1, version.group},
                           {"source"_L1, version.artifactUri},
                           {"description"_L1, version.description},
                           {"tags"_L1, tags}};

    Result<QJsonObject> created = m_client.post(u"model-versions/create"_s, body);
    // The first version of a new group creates its registered model.
    if (!created && m_client.lastErrorCode() == "RESOURCE_DOES_NOT_EXIST"_L1) {
        const Result<QJsonObject> model = m_client.post(u"registered-models/create"_s, {{"name"_L1, version.group}});
        if (!model)
            return model.error();
        created = m_client.post(u"model-versions/create"_s, body);
    }
    if (!created)
        return created.error();
    return fromModelVersion(created.value().value("model_version"_L1).toObject());
}

Status MlflowRegistryBackend::setTag(const ModelVersion &version, const QString &key, const QString &value)
{
    const Result<QJsonObject> set = m_client.post(u"model-versions/set-tag"_s,
                                                  {{"name"_L1, version.group},
                                                   {"version"_L1, QString::number(version.version)},
                                                   {"key"_L1, key},
                                                   {"value"_L1, value}});
    if (!set)
        return set.error();
    return Done();
}

Status MlflowRegistryBackend::moveStage(const ModelVersion &version, Stage stage, ApprovalStatus status)
{
    // An alias names one version: the version leaves the stage aliases it held before.
    const QString alias = aliasFor(stage);
    for (const QJsonValue &held : version.remote.value("aliases"_L1).toArray()) {
        const QString old = held.toString();
        if (old != alias && (old == "dev"_L1 || old == "test"_L1 || old == "prod"_L1)) {
            const Result<QJsonObject> removed
                = m_client.remove(u"registered-models/alias"_s, {{"name"_L1, version.group}, {"alias"_L1, old}});
            if (!removed)
                return removed.error();
        }
    }
    if (!alias.isEmpty()) {
        const Result<QJsonObject> set = m_client.post(
            u"registered-models/alias"_s,
            {{"name"_L1, version.group}, {"alias"_L1, alias}, {"version"_L1, QString::number(version.version)}});
        if (!set)
            return set.error();
    }
    if (Status tagged = setTag(version, StageTag, RegistryNames::stage(stage)); !tagged)
        return tagged;
    return setTag(version, StageStatusTag, stageStatusFor(status));
}

Result<ModelVersion> MlflowRegistryBackend::update(const ModelVersion &current, std::optional<ApprovalStatus> status,
                                                   std::optional<Stage> stage, const QString &description)
{
    const Result<ModelVersion> fresh = version(current.group, current.version);
    if (!fresh)
        return fresh.error();
    const QString where = u"%1/%2"_s.arg(current.group).arg(current.version);
    if (!current.modifiedAt.isEmpty() && fresh.value().modifiedAt != current.modifiedAt)
        return makeError(Error::Kind::Refused,
                         tr("the version changed on MLflow since it was loaded (modified %1, loaded %2); "
                            "reload it and decide again")
                             .arg(fresh.value().modifiedAt, current.modifiedAt),
                         where);
    if (!status && !stage)
        return fresh;

    // Marked first: should a later call fail, the version still reads as changed to everyone.
    QString stamp = nowIso();
    if (stamp <= fresh.value().modifiedAt)
        stamp = VersionProperties::isoFromEpochMs(
            QDateTime::fromString(fresh.value().modifiedAt, Qt::ISODateWithMs).toMSecsSinceEpoch() + 1);
    Status done = setTag(fresh.value(), ModifiedTag, stamp);
    if (done && status)
        done = setTag(fresh.value(), StatusTag, RegistryNames::status(*status));
    if (done && !description.isEmpty())
        done = setTag(fresh.value(), DescriptionTag, VersionProperties::truncated(description, MaximumTagValue));
    if (done && stage)
        done = moveStage(fresh.value(), *stage, status.value_or(fresh.value().status));
    if (!done) {
        Error error = done.error();
        error.message = tr("%1 (the decision may be partly applied; reload the version)").arg(error.message);
        return error;
    }
    return version(current.group, current.version);
}
