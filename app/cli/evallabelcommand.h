#pragma once

#include <QCoreApplication>

class CommandContext;

// genaiops eval label | eval labels | eval agreement: people's labels of judged metrics and how far
// the judge agrees with them.
class EvalLabelCommand
{
    Q_DECLARE_TR_FUNCTIONS(EvalLabelCommand)

public:
    static int label(CommandContext &context);
    static int labels(CommandContext &context);
    static int agreement(CommandContext &context);
};
