#pragma once

#include <QCoreApplication>

class CommandContext;

// genaiops edge simulate | edge replay: the commands that publish to a broker.
class EdgePublishCommands
{
    Q_DECLARE_TR_FUNCTIONS(EdgePublishCommands)

public:
    static int simulate(CommandContext &context);
    static int replay(CommandContext &context);
};
