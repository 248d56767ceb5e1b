#pragma once

#include <QCoreApplication>

class CommandContext;

// genaiops eval compare RUN_A RUN_B | eval plan: paired comparison and sample-size planning.
class EvalCompareCommand
{
    Q_DECLARE_TR_FUNCTIONS(EvalCompareCommand)

public:
    static int compare(CommandContext &context);
    static int plan(CommandContext &context);
};
