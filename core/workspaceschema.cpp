#include "workspaceschema.h"

#include "edge/edgeschema.h"
#include "eval/evalschema.h"
#include "playground/promptlibrary.h"
#include "providers/pricetable.h"
#include "registry/registryschema.h"
#include "secrets/credentialprofilerepository.h"

QList<SchemaModule> WorkspaceSchema::modules()
{
    return {CredentialProfileRepository::schema(), PriceTable::schema(), PromptLibrary::schema(),
            EvalSchema::schema(), RegistrySchema::schema(), EdgeSchema::schema()};
}
