#include "core/registry/sagemakerregistrybackend.h"

#include "core/registry/versionproperties.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Timestamps are JSON numbers (epoch seconds with a fraction) in the AWS JSON protocols.
QString isoTime(const QJsonValue &value)
{
    if (value.isDouble())
        return VersionProperties::isoFromEpoch(value, 1000.0);
    const QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return parsed.isValid() ? VersionProperties::isoFromEpochMs(parsed.toMSecsSinceEpoch()) : QString();
}

// CreatedBy / LastModifiedBy: a Studio user profile, else the IAM identity's ARN.
QString userOf(const QJsonObject &context)
{
    const QString profile = context.value("UserProfileName"_L1).toString();
    if (!profile.isEmpty())
        return profile;
    return context.value("IamIdentity"_L1).toObject().value("Arn"_L1).toString();
}

// SageMaker's stage names are free text; other tools write "Development", "Staging", "Production".
Stage stageOf(const QString &name)
{
    if (const std::optional<Stage> stage = RegistryNames::stageFromName(name))
        return *stage;
    const QString folded = name.toLower();
    if (folded == "staging"_L1 || folded == "testing"_L1 || folded == "qa"_L1)
        return Stage::Test;
    return Stage::None;
}

// ModelLifeCycle.StageStatus for a version whose approval status is `status`.
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

} // namespace

SageMakerRegistryBackend::SageMakerRegistryBackend(const SageMakerConnection &connection) : m_client(connection)
{ }

QString SageMakerRegistryBackend::name() const
{
    return u"sagemaker"_s;
}

Result<QString> SageMakerRegistryBackend::callerIdentity()
{
    if (m_callerArn.isEmpty()) {
        Result<QString> arn = m_client.callerArn();
        if (!arn)
            return arn.error();
        m_callerArn = arn.value();
    }
    return m_callerArn;
}

ModelVersion SageMakerRegistryBackend::fromPackage(const QJsonObject &package)
{
    ModelVersion version;
    version.group = package.value("ModelPackageGroupName"_L1).toString();
    version.version = package.value("ModelPackageVersion"_L1).toInt();
    version.description = package.value("ModelPackageDescription"_L1).toString();
    version.createdAt = isoTime(package.value("CreationTime"_L1));
    version.modifiedAt
        = package.contains("LastModifiedTime"_L1) ? isoTime(package.value("LastModifiedTime"_L1)) : QString();
    version.status = RegistryNames::statusFromName(package.value("ModelApprovalStatus"_L1).toString())
                         .value_or(ApprovalStatus::PendingManualApproval);
    const QJsonObject lifeCycle = package.value("ModelLifeCycle"_L1).toObject();
    version.stage = stageOf(lifeCycle.value("Stage"_L1).toString());
    version.stageStatus = lifeCycle.value("StageStatus"_L1).toString();
    version.approvalDescription = package.value("ApprovalDescription"_L1).toString();
    version.registrant = userOf(package.value("CreatedBy"_L1).toObject());
    version.remoteId = package.value("ModelPackageArn"_L1).toString();
    version.remote = package;

    version.artifactUri = package.value("SourceUri"_L1).toString();
    if (version.artifactUri.isEmpty()) {
        const QJsonArray containers
            = package.value("InferenceSpecification"_L1).toObject().value("Containers"_L1).toArray();
        if (!containers.isEmpty())
            version.artifactUri = containers.first().toObject().value("ModelDataUrl"_L1).toString();
    }
    QMap<QString, QString> properties;
    const QJsonObject metadata = package.value("CustomerMetadataProperties"_L1).toObject();
    for (auto it = metadata.constBegin(); it != metadata.constEnd(); ++it)
        properties.insert(it.key(), it.value().toString());
    VersionProperties::read(properties, version);
    return version;
}

Result<QList<QJsonArray>> SageMakerRegistryBackend::listAll(const QString &operation, const QString &listKey,
                                                            const QList<QJsonObject> &inputs)
{
    QList<QJsonArray> items(inputs.size());
    QList<qsizetype> pending(inputs.size());
    QList<QJsonObject> requests = inputs;
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        pending[i] = i;
        requests[i].insert("MaxResults"_L1, PageSize);
    }
    while (!pending.isEmpty()) {
        QList<QJsonObject> round;
        for (qsizetype index : std::as_const(pending))
            round.append(requests.at(index));
        const QList<Result<QJsonObject>> pages = m_client.callAll(operation, round);
        QList<qsizetype> more;
        for (qsizetype i = 0; i < pages.size(); ++i) {
            if (!pages[i])
                return pages[i].error();
            const qsizetype index = pending[i];
            for (const QJsonValue &item : pages[i].value().value(listKey).toArray())
                items[index].append(item);
            const QString token = pages[i].value().value("NextToken"_L1).toString();
            if (!token.isEmpty()) {
                requests[index].insert("NextToken"_L1, token);
                more.append(index);
            }
        }
        pending = more;
    }
    return items;
}

Result<QList<ModelGroup>> SageMakerRegistryBackend::groups()
{
    const Result<QList<QJsonArray>> listed
        = listAll(u"ListModelPackageGroups"_s, u"ModelPackageGroupSummaryList"_s, {QJsonObject()});
    if (!listed)
        return listed.error();
    QList<ModelGroup> groups;
    QList<QJsonObject> countQueries;
    for (const QJsonValue &item : listed.value().first()) {
        const QJsonObject summary = item.toObject();
        ModelGroup group;
        group.name = summary.value("ModelPackageGroupName"_L1).toString();
        group.description = summary.value("ModelPackageGroupDescription"_L1).toString();
        group.createdAt = isoTime(summary.value("CreationTime"_L1));
        groups.append(group);
        countQueries.append(QJsonObject{{"ModelPackageGroupName"_L1, group.name}});
    }
    // The group summaries carry no counts: list each group's versions (summaries only) side by side.
    const Result<QList<QJsonArray>> packages
        = listAll(u"ListModelPackages"_s, u"ModelPackageSummaryList"_s, countQueries);
    if (!packages)
        return packages.error();
    for (qsizetype i = 0; i < groups.size(); ++i) {
        groups[i].versionCount = int(packages.value().at(i).size());
        for (const QJsonValue &package : packages.value().at(i))
            if (package.toObject().value("ModelApprovalStatus"_L1).toString() == "PendingManualApproval"_L1)
                ++groups[i].pendingCount;
    }
    std::sort(groups.begin(), groups.end(), [](const ModelGroup &a, const ModelGroup &b) { return a.name < b.name; });
    return groups;
}

Result<QList<ModelVersion>> SageMakerRegistryBackend::versions(const QString &group,
                                                               std::optional<ApprovalStatus> status)
{
    QJsonObject query{
        {"ModelPackageGroupName"_L1, group}, {"SortBy"_L1, u"CreationTime"_s}, {"SortOrder"_L1, u"Ascending"_s}};
    if (status)
        query.insert("ModelApprovalStatus"_L1, RegistryNames::status(*status));
    const Result<QList<QJsonArray>> listed = listAll(u"ListModelPackages"_s, u"ModelPackageSummaryList"_s, {query});
    if (!listed)
        return listed.error();
    // An unknown group lists as empty; say so rather than show an empty group.
    if (listed.value().first().isEmpty()) {
        const Result<QJsonObject> described
            = m_client.call(u"DescribeModelPackageGroup"_s, {{"ModelPackageGroupName"_L1, group}});
        if (!described)
            return described.error();
    }

    QList<ModelVersion> versions;
    QList<QJsonObject> describeInputs;
    for (const QJsonValue &item : listed.value().first()) {
        versions.append(fromPackage(item.toObject()));
        describeInputs.append(QJsonObject{{"ModelPackageName"_L1, versions.last().remoteId}});
    }
    if (m_describeVersions) {
        const QList<Result<QJsonObject>> described = m_client.callAll(u"DescribeModelPackage"_s, describeInputs);
        for (qsizetype i = 0; i < described.size(); ++i) {
            if (!described[i])
                return described[i].error();
            versions[i] = fromPackage(described[i].value());
        }
    }
    std::sort(versions.begin(), versions.end(),
              [](const ModelVersion &a, const ModelVersion &b) { return a.version < b.version; });
    return versions;
}

Result<ModelVersion> SageMakerRegistryBackend::describe(const QString &modelPackageName)
{
    const Result<QJsonObject> described
        = m_client.call(u"DescribeModelPackage"_s, {{"ModelPackageName"_L1, modelPackageName}});
    if (!described)
        return described.error();
    return fromPackage(described.value());
}

Result<ModelVersion> SageMakerRegistryBackend::version(const QString &group, int version)
{
    Result<ModelVersion> described = describe(u"%1/%2"_s.arg(group).arg(version));
    if (described || m_client.lastErrorType() != "ValidationException"_L1)
        return described;
    // "group/version" is a VersionedArnOrName; where it is refused, the ARN from the listing serves.
    const Result<QList<QJsonArray>> listed = listAll(u"ListModelPackages"_s, u"ModelPackageSummaryList"_s,
                                                     {QJsonObject{{"ModelPackageGroupName"_L1, group}}});
    if (!listed)
        return listed.error();
    for (const QJsonValue &item : listed.value().first())
        if (item.toObject().value("ModelPackageVersion"_L1).toInt() == version)
            return describe(item.toObject().value("ModelPackageArn"_L1).toString());
    return makeError(Error::Kind::Service,
                     tr("SageMaker has no version %1 in model package group %2").arg(version).arg(group),
                     u"%1/%2"_s.arg(group).arg(version));
}

Result<ModelVersion> SageMakerRegistryBackend::registerVersion(const ModelVersion &version)
{
    if (version.group.isEmpty())
        return makeError(Error::Kind::Usage, tr("a model version needs a group to be registered in"));
    QJsonObject metadata;
    const QMap<QString, QString> properties = VersionProperties::toProperties(version);
    for (auto it = properties.cbegin(); it != properties.cend(); ++it)
        metadata.insert(it.key(), it.value());
    // Minimal on purpose: no InferenceSpecification (containers, images), so the package records a
    // decision about an artifact but cannot be deployed from SageMaker until one is added.
    QJsonObject input{{"ModelPackageGroupName"_L1, version.group},
                      {"ModelApprovalStatus"_L1, RegistryNames::status(ApprovalStatus::PendingManualApproval)}};
    if (!version.description.isEmpty())
        input.insert("ModelPackageDescription"_L1,
                     VersionProperties::truncated(version.description, MaximumDescription));
    if (!metadata.isEmpty())
        input.insert("CustomerMetadataProperties"_L1, metadata);
    if (!version.artifactUri.isEmpty())
        input.insert("SourceUri"_L1, version.artifactUri);

    const Result<QJsonObject> created = createPackage(input, version.group);
    if (!created)
        return created.error();
    return describe(created.value().value("ModelPackageArn"_L1).toString());
}

Result<QJsonObject> SageMakerRegistryBackend::createPackage(const QJsonObject &input, const QString &group)
{
    Result<QJsonObject> created = m_client.call(u"CreateModelPackage"_s, input);
    if (created || created.error().kind != Error::Kind::Service)
        return created;
    // A group that does not exist yet is made on the first registration, as the SageMaker SDK does.
    const bool missingGroup = m_client.lastErrorType() == "ResourceNotFound"_L1
        || created.error().message.contains("does not exist"_L1, Qt::CaseInsensitive);
    if (!missingGroup)
        return created;
    const Result<QJsonObject> createdGroup
        = m_client.call(u"CreateModelPackageGroup"_s, {{"ModelPackageGroupName"_L1, group}});
    if (!createdGroup)
        return createdGroup.error();
    return m_client.call(u"CreateModelPackage"_s, input);
}

Result<ModelVersion> SageMakerRegistryBackend::update(const ModelVersion &current, std::optional<ApprovalStatus> status,
                                                      std::optional<Stage> stage, const QString &description)
{
    if (stage && *stage == Stage::None)
        return makeError(Error::Kind::Usage,
                         tr("SageMaker cannot take a version out of every stage; archive it instead"));
    const QString where = u"%1/%2"_s.arg(current.group).arg(current.version);
    const Result<ModelVersion> fresh = describe(current.remoteId.isEmpty() ? where : current.remoteId);
    if (!fresh)
        return fresh.error();
    // SageMaker has no conditional update; checking right before writing keeps the window small.
    if (!current.modifiedAt.isEmpty() && fresh.value().modifiedAt != current.modifiedAt)
        return makeError(Error::Kind::Refused,
                         tr("the version changed on SageMaker since it was loaded (modified %1, loaded %2); "
                            "reload it and decide again")
                             .arg(fresh.value().modifiedAt, current.modifiedAt),
                         where);

    const QString comment = VersionProperties::truncated(description, MaximumDescription);
    QJsonObject input{{"ModelPackageArn"_L1, fresh.value().remoteId}};
    if (status) {
        input.insert("ModelApprovalStatus"_L1, RegistryNames::status(*status));
        if (!comment.isEmpty())
            input.insert("ApprovalDescription"_L1, comment);
    }
    if (stage) {
        QJsonObject lifeCycle{{"Stage"_L1, RegistryNames::stage(*stage)},
                              {"StageStatus"_L1, stageStatusFor(status.value_or(fresh.value().status))}};
        if (!comment.isEmpty())
            lifeCycle.insert("StageDescription"_L1, comment);
        input.insert("ModelLifeCycle"_L1, lifeCycle);
    }
    if (!status && !stage)
        return fresh;
    const Result<QJsonObject> updated = m_client.call(u"UpdateModelPackage"_s, input);
    if (!updated)
        return updated.error();
    return describe(fresh.value().remoteId);
}
