#include "ui/common/selectionresolver.h"

#include "core/secrets/credentialprofilerepository.h"
#include "core/secrets/credentialstore.h"
#include "core/storage/workspaceworker.h"

#include <QDir>

#include <memory>
#include <optional>

void SelectionResolver::resolve(const ProviderSelection &selection, WorkspaceWorker &worker, CredentialStore &store,
                                QObject *context, std::function<void(Result<ProviderConfig>)> done)
{
    auto finish = [selection, done](const std::optional<CredentialProfile> &profile, const SecretMap &secrets) {
        done(selection.resolve(QProcessEnvironment::systemEnvironment(), QDir::homePath(), profile, secrets));
    };
    if (selection.profile.isEmpty()) {
        finish(std::nullopt, {});
        return;
    }
    const QString name = selection.profile;
    worker.run<std::optional<CredentialProfile>>(
        [name](Workspace &workspace) { return CredentialProfileRepository(workspace).find(name); }, context,
        [&store, context, finish, done](Result<std::optional<CredentialProfile>> found) {
            if (!found) {
                done(found.error());
                return;
            }
            const std::optional<CredentialProfile> profile = found.value();
            if (!profile || CredentialProfile::secretFields(profile->kind).isEmpty()) {
                finish(profile, {});
                return;
            }
            store.read(profile->name, context, [finish, done, profile](Result<SecretMap> secrets) {
                if (!secrets)
                    return done(secrets.error()); // a locked keyring: say so, never go on without the key
                finish(profile, secrets.value());
            });
        });
}

void SelectionResolver::resolveAll(const QList<ProviderSelection> &selections, const QStringList &labels,
                                   WorkspaceWorker &worker, CredentialStore &store, QObject *context,
                                   std::function<void(Result<QList<ProviderConfig>>)> done)
{
    if (selections.isEmpty()) {
        done(QList<ProviderConfig>());
        return;
    }
    struct Pending
    {
        QList<std::optional<ProviderConfig>> configs;
        qsizetype remaining = 0;
        bool failed = false;
    };
    auto pending = std::make_shared<Pending>();
    pending->configs.resize(selections.size());
    pending->remaining = selections.size();
    for (qsizetype index = 0; index < selections.size(); ++index) {
        const QString label = labels.value(index);
        resolve(selections[index], worker, store, context,
                [pending, index, label, done](Result<ProviderConfig> config) {
                    if (pending->failed)
                        return;
                    if (!config) {
                        pending->failed = true;
                        Error error = config.error();
                        error.message = QStringLiteral("%1: %2").arg(label, error.message);
                        done(error);
                        return;
                    }
                    pending->configs[index] = config.value();
                    if (--pending->remaining > 0)
                        return;
                    QList<ProviderConfig> configs;
                    for (const std::optional<ProviderConfig> &each : std::as_const(pending->configs))
                        configs << *each;
                    done(configs);
                });
    }
}

void SelectionResolver::readProfile(const QString &name, WorkspaceWorker &worker, CredentialStore &store,
                                    QObject *context,
                                    std::function<void(Result<std::pair<CredentialProfile, SecretMap>>)> done)
{
    worker.run<CredentialProfile>(
        [name](Workspace &workspace) { return CredentialProfileRepository(workspace).require(name); }, context,
        [&store, context, done](Result<CredentialProfile> profile) {
            if (!profile)
                return done(profile.error());
            store.read(profile.value().name, context, [done, profile = profile.value()](Result<SecretMap> secrets) {
                if (!secrets)
                    return done(secrets.error());
                done(std::pair{profile, secrets.value()});
            });
        });
}
