#include "core/registry/registryschema.h"

SchemaModule RegistrySchema::schema()
{
    return {QStringLiteral("registry"),
            {{1,
              QStringLiteral("model groups, versions and the audit trail"),
              {QStringLiteral("CREATE TABLE registry_groups ("
                              " name TEXT PRIMARY KEY,"
                              " description TEXT NOT NULL DEFAULT '',"
                              " created_at TEXT NOT NULL)"),
               QStringLiteral("CREATE TABLE registry_versions ("
                              " group_name TEXT NOT NULL REFERENCES registry_groups (name),"
                              " version INTEGER NOT NULL,"
                              " artifact_uri TEXT NOT NULL,"
                              " description TEXT NOT NULL DEFAULT '',"
                              " metrics TEXT NOT NULL DEFAULT '{}',"
                              " eval_run_ids TEXT NOT NULL DEFAULT '[]',"
                              " registrant TEXT NOT NULL,"
                              " created_at TEXT NOT NULL,"
                              " status TEXT NOT NULL,"
                              " stage TEXT NOT NULL DEFAULT '',"
                              " stage_status TEXT NOT NULL DEFAULT '',"
                              " approval_description TEXT NOT NULL DEFAULT '',"
                              " modified_at TEXT NOT NULL,"
                              " PRIMARY KEY (group_name, version))"),
               // The sequence is assigned by AuditTrail, never by the database: a gap in it is how a
               // deleted entry shows, so it must not be an auto-increment that skips on rollback.
               QStringLiteral("CREATE TABLE registry_audit ("
                              " sequence ${bigint} PRIMARY KEY,"
                              " at TEXT NOT NULL,"
                              " actor TEXT NOT NULL,"
                              " role TEXT NOT NULL DEFAULT '',"
                              " action TEXT NOT NULL,"
                              " backend TEXT NOT NULL,"
                              " group_name TEXT NOT NULL,"
                              " version INTEGER NOT NULL DEFAULT 0,"
                              " from_status TEXT NOT NULL DEFAULT '',"
                              " to_status TEXT NOT NULL DEFAULT '',"
                              " from_stage TEXT NOT NULL DEFAULT '',"
                              " to_stage TEXT NOT NULL DEFAULT '',"
                              " comment TEXT NOT NULL DEFAULT '',"
                              " override_reason TEXT NOT NULL DEFAULT '',"
                              " evidence TEXT NOT NULL DEFAULT '{}',"
                              " remote_answer TEXT NOT NULL DEFAULT '{}',"
                              " previous_hash TEXT NOT NULL,"
                              " hash TEXT NOT NULL)"),
               QStringLiteral("CREATE INDEX registry_audit_group ON registry_audit (group_name, sequence)")}}}};
}
