#include "ui/common/selectionresolver.h"

#include "core/secrets/credentialprofilerepository.h"
#include "core/secrets/credentialstore.h"
#include "core/storage/workspaceworker.h"

#include <QDir>

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
            store.read(profile->name, context, [finish, profile](Result<SecretMap> secrets) {
                finish(profile, secrets ? secrets.value() : SecretMap());
            });
        });
}
