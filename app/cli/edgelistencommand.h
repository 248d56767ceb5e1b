#pragma once

#include <QCoreApplication>

class CommandContext;

// genaiops edge listen: subscribe, parse and count until --duration or --count, optionally
// recording the session, then print the fleet's figures.
class EdgeListenCommand
{
    Q_DECLARE_TR_FUNCTIONS(EdgeListenCommand)

public:
    static int run(CommandContext &context);
};
