#pragma once

#include "core/common/result.h"
#include "core/storage/schemamodule.h"

#include <QCoreApplication>
#include <QMap>

// Decides, without writing a byte, whether an existing file may be opened as a workspace: it must be
// an SQLite database, carry our workspace_meta, and have no schema newer than this program knows.
class WorkspaceInspector
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceInspector)

public:
    static Status verifyOpenable(const QString &location, const QList<SchemaModule> &modules);
    // The stored format and schema.* versions are none newer than `modules` know (either engine).
    static Status verifyVersions(const QMap<QString, int> &stored, const QList<SchemaModule> &modules,
                                 const QString &location);

private:
    static Status verifyHeader(const QString &location);
    static Status verifyMeta(const QString &location, const QList<SchemaModule> &modules);
};
