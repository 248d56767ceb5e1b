#pragma once

#include "core/storage/schemamodule.h"

// Every domain's tables, in the order they are created. The one place that knows all domains, so
// that storage itself knows none.
class WorkspaceSchema
{
public:
    static QList<SchemaModule> modules();
};
