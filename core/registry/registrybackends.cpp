#include "core/registry/registrybackends.h"

#include "core/registry/mlflowregistrybackend.h"
#include "core/registry/sagemakerregistrybackend.h"
#include "core/registry/workspaceregistrybackend.h"

QStringList RegistryBackends::kinds()
{
    return {QStringLiteral("workspace"), QStringLiteral("sagemaker"), QStringLiteral("mlflow")};
}

Result<std::unique_ptr<RegistryBackend>> RegistryBackends::create(const QString &kind, const RegistryOptions &options)
{
    QString chosen = kind.isEmpty() ? options.backend : kind;
    if (chosen.isEmpty())
        chosen = QStringLiteral("workspace");
    if (chosen == QLatin1String("workspace")) {
        if (!options.workspace)
            return makeError(Error::Kind::Internal, tr("the workspace registry needs an open workspace"));
        return std::unique_ptr<RegistryBackend>(new WorkspaceRegistryBackend(*options.workspace));
    }
    if (chosen == QLatin1String("sagemaker")) {
        SageMakerConnection connection;
        connection.region = options.region;
        connection.credentials = options.aws;
        if (!options.endpointUrl.isEmpty())
            connection.endpointUrl = QUrl::fromUserInput(options.endpointUrl);
        return std::unique_ptr<RegistryBackend>(new SageMakerRegistryBackend(connection));
    }
    if (chosen == QLatin1String("mlflow")) {
        MlflowConnection connection;
        connection.trackingUri = QUrl::fromUserInput(options.trackingUri);
        connection.token = options.mlflowToken;
        return std::unique_ptr<RegistryBackend>(new MlflowRegistryBackend(connection));
    }
    if (kinds().contains(chosen))
        return makeError(Error::Kind::Usage, tr("the %1 registry backend is not available in this build").arg(chosen));
    return makeError(
        Error::Kind::Usage,
        tr("unknown registry backend \"%1\" (expected %2)").arg(chosen, kinds().join(QStringLiteral(", "))));
}
