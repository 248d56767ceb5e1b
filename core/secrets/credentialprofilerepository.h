#pragma once

#include "core/common/result.h"
#include "core/secrets/credentialprofile.h"
#include "core/storage/schemamodule.h"

class Workspace;

// The workspace table of connection profiles: names and non-secret settings only.
class CredentialProfileRepository
{
public:
    explicit CredentialProfileRepository(Workspace &workspace);

    static SchemaModule schema();

    Result<QList<CredentialProfile>> list() const;
    Result<std::optional<CredentialProfile>> find(const QString &name) const;
    Status save(const CredentialProfile &profile);
    Status remove(const QString &name);

private:
    Workspace &m_workspace;
};
