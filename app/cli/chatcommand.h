#pragma once

#include <QCoreApplication>

class CommandContext;

// genaiops chat [provider flags] [--system TEXT] [--max-tokens N] [--temperature T] [--top-p P]
//               [--stop S]... [--no-stream] [--json] PROMPT|-
class ChatCommand
{
    Q_DECLARE_TR_FUNCTIONS(ChatCommand)

public:
    static int run(CommandContext &context);
};
