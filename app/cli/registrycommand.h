#pragma once

#include <QCoreApplication>

class CommandContext;

// `genaiops registry [--backend workspace|sagemaker|mlflow] [connection flags] SUBCOMMAND …`: model
// groups and versions, governed decisions and the audit trail (see registryhelp() for the list).
class RegistryCommand
{
    Q_DECLARE_TR_FUNCTIONS(RegistryCommand)

public:
    static int run(CommandContext &context);
};
