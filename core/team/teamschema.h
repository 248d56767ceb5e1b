#pragma once

#include "core/storage/schemamodule.h"

// A team workspace's roles, privileges, row policies and triggers (team-v1.sql, compiled in), so
// that PostgreSQL itself enforces who may do what. Applied after every domain's tables, only on
// PostgreSQL, by the role that owns the workspace.
class TeamSchema
{
public:
    static SchemaModule schema();
};
