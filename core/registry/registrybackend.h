#pragma once

#include "core/common/result.h"
#include "core/registry/registrytypes.h"

// One interface over the places model versions live. Calls are blocking (they are made from the
// CLI or from a worker thread, never from the GUI thread). Writing backends apply exactly the change
// asked for; the policy and the audit trail are applied around them by RegistryService, so they
// are the same whichever backend holds the versions.
class RegistryBackend
{
public:
    virtual ~RegistryBackend() = default;

    virtual QString name() const = 0; // "workspace", "sagemaker", "mlflow"
    // Who the backend says we are ("you"): the OS user for the workspace, STS GetCallerIdentity's ARN
    // for SageMaker, the configured user for MLflow.
    virtual Result<QString> callerIdentity() = 0;

    virtual Result<QList<ModelGroup>> groups() = 0;
    // Every version of a group (all pages), optionally only those with one approval status.
    virtual Result<QList<ModelVersion>> versions(const QString &group,
                                                 std::optional<ApprovalStatus> status = std::nullopt)
        = 0;
    virtual Result<ModelVersion> version(const QString &group, int version) = 0;

    virtual Result<ModelVersion> registerVersion(const ModelVersion &version) = 0;
    // Sets status and/or stage; `description` is the decision's comment (SageMaker's
    // ApprovalDescription, at most 1024 characters). Returns the version as the backend now has it.
    virtual Result<ModelVersion> update(const ModelVersion &current, std::optional<ApprovalStatus> status,
                                        std::optional<Stage> stage, const QString &description)
        = 0;
};
