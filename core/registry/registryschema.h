#pragma once

#include "core/storage/schemamodule.h"

// The "registry" domain's tables: model groups and versions as the workspace backend keeps them,
// and the audit trail, which every backend writes to because decisions are recorded locally.
class RegistrySchema
{
public:
    static SchemaModule schema();
};
