#pragma once

#include "core/registry/mlflowclient.h"
#include "core/registry/registrybackend.h"

#include <QCoreApplication>

// MLflow Model Registry over REST 2.0: registered models are groups, model versions are versions.
// MLflow's stages are deprecated since 2.9, so decisions are written as aliases and tags:
//   approval status   tag genaiops.approval_status ("Approved" …; none means PendingManualApproval)
//   comment           tag genaiops.approval_description
//   stage             alias "dev" | "test" | "prod" on the registered model, and tag genaiops.stage
//   stage status      tag genaiops.stage_status
//   metrics, runs     tags metric.<name> and genaiops.eval_runs (see VersionProperties)
// modifiedAt is the later of last_updated_timestamp and tag genaiops.modified_at, which every
// update() writes: MLflow does not move last_updated_timestamp for tags or aliases.
class MlflowRegistryBackend : public RegistryBackend
{
    Q_DECLARE_TR_FUNCTIONS(MlflowRegistryBackend)

public:
    static constexpr qsizetype MaximumTagValue = 5000;

    explicit MlflowRegistryBackend(const MlflowConnection &connection);

    QString name() const override;
    // The configured user name, else MLFLOW_TRACKING_USERNAME, else the operating-system user.
    Result<QString> callerIdentity() override;
    Result<QList<ModelGroup>> groups() override;
    Result<QList<ModelVersion>> versions(const QString &group,
                                         std::optional<ApprovalStatus> status = std::nullopt) override;
    Result<ModelVersion> version(const QString &group, int version) override;
    Result<ModelVersion> registerVersion(const ModelVersion &version) override;
    Result<ModelVersion> update(const ModelVersion &current, std::optional<ApprovalStatus> status,
                                std::optional<Stage> stage, const QString &description) override;

    // A model_version object of the REST API as a version.
    static ModelVersion fromModelVersion(const QJsonObject &modelVersion);
    static QString aliasFor(Stage stage); // "dev", "test", "prod"; empty for None and Archived

private:
    Result<QList<QJsonObject>> searchAll(const QString &endpoint, const QString &listKey, const QString &filter);
    Status setTag(const ModelVersion &version, const QString &key, const QString &value);
    Status moveStage(const ModelVersion &version, Stage stage, ApprovalStatus status);

    MlflowClient m_client;
    MlflowConnection m_connection;
};
