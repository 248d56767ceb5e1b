#include "demo/democontent.h"

#include "secrets/credentialprofilerepository.h"
#include "storage/workspace.h"

Status DemoContent::install(Workspace &workspace)
{
    return workspace.transaction([&]() -> Status {
        CredentialProfileRepository profiles(workspace);
        // Local endpoints need no key, so these demo profiles need nothing from the keyring.
        CredentialProfile ollama;
        ollama.name = QStringLiteral("local-ollama");
        ollama.kind = CredentialProfile::Kind::OpenAi;
        ollama.settings.insert(QStringLiteral("base_url"), QStringLiteral("http://localhost:11434/v1"));
        CredentialProfile vllm;
        vllm.name = QStringLiteral("local-vllm");
        vllm.kind = CredentialProfile::Kind::OpenAi;
        vllm.settings.insert(QStringLiteral("base_url"), QStringLiteral("http://localhost:8000/v1"));
        for (const CredentialProfile &profile : {ollama, vllm}) {
            auto existing = profiles.find(profile.name);
            if (!existing)
                return existing.error();
            if (existing.value())
                continue;
            const Status saved = profiles.save(profile);
            if (!saved)
                return saved;
        }
        return workspace.setMetaValue(QStringLiteral("demo.installed"), QStringLiteral("1"));
    });
}
