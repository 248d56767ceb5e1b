#pragma once

#include "core/storage/schemamodule.h"

// The "eval" domain's tables: datasets and their items, runs, one result per run and item, and each
// metric's value in a narrow table of its own so charts and gates read numbers without parsing JSON.
class EvalSchema
{
public:
    static SchemaModule schema();
};
