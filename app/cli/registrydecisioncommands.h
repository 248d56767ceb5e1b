#pragma once

#include "core/registry/registrytypes.h"

#include <QCoreApplication>

class RegistryInvocation;

// The registry subcommands that write: register, approve, reject, promote. A policy refusal exits 1
// and names the rule; --dry-run shows the policy check and changes nothing.
class RegistryDecisionCommands
{
    Q_DECLARE_TR_FUNCTIONS(RegistryDecisionCommands)

public:
    static int registerVersion(RegistryInvocation &invocation);
    static int approve(RegistryInvocation &invocation);
    static int reject(RegistryInvocation &invocation);
    static int promote(RegistryInvocation &invocation);

private:
    static int decide(RegistryInvocation &invocation, DecisionAction action, const QString &name);
    static void printCheck(const PolicyCheck &check);
};
