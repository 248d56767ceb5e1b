#pragma once

#include <QCoreApplication>

class CommandContext;

// genaiops edge listen|simulate|replay|recordings …
class EdgeCommand
{
    Q_DECLARE_TR_FUNCTIONS(EdgeCommand)

public:
    static int run(CommandContext &context);

private:
    static int recordings(CommandContext &context);
};
