#include "core/team/teamschema.h"

#include <QFile>

namespace {

QString script(const QString &resource)
{
    QFile file(resource);
    // Compiled into the program: failing to read it is a build fault, and the empty migration then
    // fails on applying, naming this module.
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

SchemaModule TeamSchema::schema()
{
    SchemaModule module{QStringLiteral("team"),
                        {{1,
                          QStringLiteral("roles, privileges, row policies, audit chain and notifications"),
                          // One script: PostgreSQL runs a multi-statement text within the migration's transaction.
                          {script(QStringLiteral(":/team/team-v1.sql"))}}}};
    module.postgresOnly = true;
    return module;
}
