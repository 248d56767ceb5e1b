#pragma once

#include "core/aws/awscredentials.h"
#include "core/common/result.h"
#include "core/registry/registrybackend.h"

#include <QCoreApplication>

#include <memory>

class Workspace;

// Where a registry lives and how to reach it, as the CLI flags and the panel's settings give it.
// No secret is ever stored from here: the credentials are resolved by the caller (environment,
// AWS_PROFILE or the keyring) just before create().
struct RegistryOptions
{
    QString backend; // "workspace" (default), "sagemaker", "mlflow"
    QString region; // SageMaker
    QString endpointUrl; // SageMaker endpoint override (a local test server)
    QString trackingUri; // MLflow tracking server
    AwsCredentials aws; // SageMaker
    QString mlflowToken; // MLflow bearer token, when the server wants one
    Workspace *workspace = nullptr;
};

// Makes the backend `kind` names (empty: options.backend, then "workspace").
class RegistryBackends
{
    Q_DECLARE_TR_FUNCTIONS(RegistryBackends)

public:
    static QStringList kinds();
    static Result<std::unique_ptr<RegistryBackend>> create(const QString &kind, const RegistryOptions &options);
};
