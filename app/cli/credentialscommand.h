#pragma once

#include <QCoreApplication>

class CommandContext;

// genaiops credentials list [--json] | set PROFILE --kind K (key=value lines on stdin) | delete PROFILE
class CredentialsCommand
{
    Q_DECLARE_TR_FUNCTIONS(CredentialsCommand)

public:
    static int run(CommandContext &context);

private:
    static int list(CommandContext &context, bool json);
    static int set(CommandContext &context, const QString &name, const QString &kindName);
    static int remove(CommandContext &context, const QString &name);
};
