#include "core/workspaceschema.h"

#include "core/edge/edgeschema.h"
#include "core/eval/evalschema.h"
#include "core/playground/promptlibrary.h"
#include "core/providers/pricetable.h"
#include "core/registry/registryschema.h"
#include "core/secrets/credentialprofilerepository.h"
#include "core/team/teamschema.h"

QList<SchemaModule> WorkspaceSchema::modules()
{
    return {CredentialProfileRepository::schema(), PriceTable::schema(), PromptLibrary::schema(), EvalSchema::schema(),
            RegistrySchema::schema(), EdgeSchema::schema(),
            // Last: its grants and policies are over the tables above.
            TeamSchema::schema()};
}
