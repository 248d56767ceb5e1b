#pragma once

#include <QCoreApplication>

class CommandContext;

// genaiops workspace info|check|members|grant LOGIN ROLE|revoke LOGIN|migrate --from FILE --to URI [--json]
class WorkspaceCommand
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceCommand)

public:
    static int run(CommandContext &context);
};
