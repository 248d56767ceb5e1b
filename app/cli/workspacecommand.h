#pragma once

#include <QCoreApplication>

class CommandContext;

// genaiops workspace info|check [--json]
class WorkspaceCommand
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceCommand)

public:
    static int run(CommandContext &context);
};
