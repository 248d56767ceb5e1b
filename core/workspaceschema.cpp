#include "workspaceschema.h"

#include "secrets/credentialprofilerepository.h"

QList<SchemaModule> WorkspaceSchema::modules()
{
    return {CredentialProfileRepository::schema()};
}
