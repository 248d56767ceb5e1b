#pragma once

#include "core/common/result.h"
#include "core/providers/providerconfig.h"
#include "core/providers/providerselection.h"
#include "core/secrets/credentialprofile.h"

#include <QList>
#include <QObject>
#include <QStringList>

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
    // Every selection at once (the Playground's columns, a run's generator and judge): `done` gets
    // the configs in the order of `selections`, or the first failure as "LABEL: what went wrong",
    // `labels[i]` naming selections[i] ("Model 2", "Judge model"). No selections: done({}) at once.
    // A connection profile's settings from the workspace and its secrets from the keyring, both off
    // the GUI thread; a missing profile or an unreachable keyring is the error.
    static void readProfile(const QString &name, WorkspaceWorker &worker, CredentialStore &store, QObject *context,
                            std::function<void(Result<std::pair<CredentialProfile, SecretMap>>)> done);
    static void resolveAll(const QList<ProviderSelection> &selections, const QStringList &labels,
                           WorkspaceWorker &worker, CredentialStore &store, QObject *context,
                           std::function<void(Result<QList<ProviderConfig>>)> done);
};
