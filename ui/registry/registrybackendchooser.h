#pragma once

#include "core/registry/registrybackends.h"

#include <QObject>

#include <functional>

class CredentialStore;
class QWidget;
class WorkspaceWorker;

// Asks what a registry needs before the panel can switch to it: an MLflow tracking server's URL
// (remembered in settings), or the AWS connection whose keys (from the keyring), region and endpoint
// reach SageMaker. Secrets stay in the options it hands over, in memory.
class RegistryBackendChooser : public QObject
{
    Q_OBJECT

public:
    using Chosen = std::function<void(RegistryOptions options, const QString &label)>;

    RegistryBackendChooser(WorkspaceWorker &worker, CredentialStore &store, QWidget *parent);

    // `kind` is "workspace", "mlflow" or "sagemaker"; `chosen` runs once everything is known,
    // `declined` when the person cancels or the registry cannot be reached from here, with the
    // reason (empty when they cancelled).
    void choose(const QString &kind, Chosen chosen, std::function<void(const QString &reason)> declined);

private:
    void chooseMlflow(const Chosen &chosen, const std::function<void(const QString &)> &declined);
    void chooseSageMaker(const Chosen &chosen, const std::function<void(const QString &)> &declined);

    WorkspaceWorker &m_worker;
    CredentialStore &m_store;
    QWidget *m_parent;
};
