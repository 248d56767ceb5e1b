#pragma once

#include <QCoreApplication>

class CommandContext;

// genaiops eval run|resume|list|show|import|export …
class EvalCommand
{
    Q_DECLARE_TR_FUNCTIONS(EvalCommand)

public:
    static int run(CommandContext &context);

private:
    static int list(CommandContext &context);
    static int show(CommandContext &context);
    static int import(CommandContext &context);
    static int exportRun(CommandContext &context);
};
