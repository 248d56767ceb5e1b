#pragma once

#include "core/storage/schemamodule.h"

// The "edge" domain's tables: recorded MQTT sessions, message by message, as they came off the
// wire (malformed ones too), so a replay shows exactly what the live session showed.
class EdgeSchema
{
public:
    static SchemaModule schema();
};
