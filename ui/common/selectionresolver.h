#pragma once

#include "core/common/result.h"
#include "core/providers/providerconfig.h"
#include "core/providers/providerselection.h"

#include <QObject>

#include <functional>

class CredentialStore;
class WorkspaceWorker;

// Turns a ProviderSelection into a ProviderConfig without blocking the GUI: the profile comes from
// the workspace worker, its secrets from the keyring (asynchronously), then the selection resolves.
class SelectionResolver
{
public:
    static void resolve(const ProviderSelection &selection, WorkspaceWorker &worker, CredentialStore &store,
                        QObject *context, std::function<void(Result<ProviderConfig>)> done);
};
