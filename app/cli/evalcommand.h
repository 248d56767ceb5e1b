#pragma once

#include <QCoreApplication>

class CommandContext;
struct RunSummary;

// genaiops eval run|resume|list|show|import|export …
class EvalCommand
{
    Q_DECLARE_TR_FUNCTIONS(EvalCommand)

public:
    static int run(CommandContext &context);
    // The run in words: counts, tokens and cost, skipped lines, each metric's statistics, each gate.
    static void printSummary(const RunSummary &summary);

private:
    static int list(CommandContext &context);
    static int show(CommandContext &context);
    static int import(CommandContext &context);
    static int exportRun(CommandContext &context);
};
