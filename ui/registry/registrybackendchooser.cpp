#include "ui/registry/registrybackendchooser.h"

#include "core/secrets/credentialprofilerepository.h"
#include "core/storage/workspaceworker.h"
#include "ui/common/selectionresolver.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QSettings>
#include <QWidget>

RegistryBackendChooser::RegistryBackendChooser(WorkspaceWorker &worker, CredentialStore &store, QWidget *parent)
    : QObject(parent), m_worker(worker), m_store(store), m_parent(parent)
{ }

void RegistryBackendChooser::choose(const QString &kind, Chosen chosen,
                                    std::function<void(const QString &reason)> declined)
{
    if (kind == QLatin1String("mlflow"))
        return chooseMlflow(chosen, declined);
    if (kind == QLatin1String("sagemaker"))
        return chooseSageMaker(chosen, declined);
    RegistryOptions options;
    options.backend = QStringLiteral("workspace");
    chosen(options, tr("Workspace registry"));
}

void RegistryBackendChooser::chooseMlflow(const Chosen &chosen, const std::function<void(const QString &)> &declined)
{
    QSettings settings;
    const QString remembered
        = settings.value(QStringLiteral("registry/trackingUri"), QStringLiteral("http://localhost:5000")).toString();
    bool ok = false;
    const QString uri = QInputDialog::getText(m_parent, tr("MLflow registry"), tr("Tracking server URL:"),
                                              QLineEdit::Normal, remembered, &ok)
                            .trimmed();
    if (!ok || uri.isEmpty())
        return declined({});
    settings.setValue(QStringLiteral("registry/trackingUri"), uri);
    RegistryOptions options;
    options.backend = QStringLiteral("mlflow");
    options.trackingUri = uri;
    chosen(options, uri);
}

void RegistryBackendChooser::chooseSageMaker(const Chosen &chosen, const std::function<void(const QString &)> &declined)
{
    m_worker.run<QStringList>(
        [](Workspace &workspace) {
            return CredentialProfileRepository(workspace).names({CredentialProfile::Kind::Aws});
        },
        this,
        [this, chosen, declined](Result<QStringList> names) {
            if (!names)
                return declined(names.error().describe());
            if (names.value().isEmpty())
                return declined(tr("Add an AWS connection on the Connections page first."));
            bool ok = false;
            const QString name = QInputDialog::getItem(m_parent, tr("Amazon SageMaker Model Registry"),
                                                       tr("AWS connection:"), names.value(), 0, false, &ok);
            if (!ok)
                return declined({});
            ProviderSelection selection;
            selection.provider = QStringLiteral("bedrock");
            selection.model = QStringLiteral("registry"); // the resolver wants a model; the registry needs none
            selection.profile = name;
            SelectionResolver::resolve(selection, m_worker, m_store, this,
                                       [chosen, declined, name](Result<ProviderConfig> config) {
                                           if (!config)
                                               return declined(config.error().describe());
                                           RegistryOptions options;
                                           options.backend = QStringLiteral("sagemaker");
                                           options.region = config.value().region;
                                           options.endpointUrl = config.value().endpointUrl.toString();
                                           options.aws = config.value().aws;
                                           chosen(options, tr("SageMaker (%1, %2)").arg(name, options.region));
                                       });
        });
}
