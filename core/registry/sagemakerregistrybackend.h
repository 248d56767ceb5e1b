#pragma once

#include "core/registry/registrybackend.h"
#include "core/registry/sagemakerclient.h"

#include <QCoreApplication>

// Amazon SageMaker Model Registry: model package groups are groups, versioned model packages are
// versions. Approval is ModelApprovalStatus + ApprovalDescription, the stage is ModelLifeCycle
// (Stage "Dev" | "Test" | "Prod" | "Archived"), metrics and linked evaluation runs are
// CustomerMetadataProperties (see VersionProperties), and modifiedAt is LastModifiedTime.
class SageMakerRegistryBackend : public RegistryBackend
{
    Q_DECLARE_TR_FUNCTIONS(SageMakerRegistryBackend)

public:
    static constexpr qsizetype MaximumDescription = 1024; // ApprovalDescription, StageDescription …
    static constexpr int PageSize = 100; // the most a List call may ask for

    explicit SageMakerRegistryBackend(const SageMakerConnection &connection);

    // versions() describes every listed version, for registrant, metrics, artifact and modifiedAt
    // (one DescribeModelPackage each, several in flight). Off, it makes only the ListModelPackages
    // calls and leaves those fields empty.
    void setDescribeVersions(bool describe) { m_describeVersions = describe; }

    QString name() const override;
    Result<QString> callerIdentity() override;
    Result<QList<ModelGroup>> groups() override;
    Result<QList<ModelVersion>> versions(const QString &group,
                                         std::optional<ApprovalStatus> status = std::nullopt) override;
    Result<ModelVersion> version(const QString &group, int version) override;
    Result<ModelVersion> registerVersion(const ModelVersion &version) override;
    Result<ModelVersion> update(const ModelVersion &current, std::optional<ApprovalStatus> status,
                                std::optional<Stage> stage, const QString &description) override;

    // A ListModelPackages summary or a DescribeModelPackage answer as a version.
    static ModelVersion fromPackage(const QJsonObject &package);

private:
    // Every page of several List calls, fetched side by side; one list of items per input.
    Result<QList<QJsonArray>> listAll(const QString &operation, const QString &listKey,
                                      const QList<QJsonObject> &inputs);
    Result<ModelVersion> describe(const QString &modelPackageName);
    Result<QJsonObject> createPackage(const QJsonObject &input, const QString &group);

    SageMakerClient m_client;
    bool m_describeVersions = true;
    QString m_callerArn;
};
