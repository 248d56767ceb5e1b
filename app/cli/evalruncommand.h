#pragma once

#include <QCoreApplication>

class CommandContext;

// genaiops eval run --dataset FILE … and genaiops eval resume RUN_ID: scores a golden dataset and
// checks the quality gates (exit 1 when one fails).
class EvalRunCommand
{
    Q_DECLARE_TR_FUNCTIONS(EvalRunCommand)

public:
    static int run(CommandContext &context);
    static int resume(CommandContext &context);
};
