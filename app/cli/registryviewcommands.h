#pragma once

#include <QCoreApplication>

class RegistryInvocation;

// The read-only registry subcommands: groups, versions, show, inbox.
class RegistryViewCommands
{
    Q_DECLARE_TR_FUNCTIONS(RegistryViewCommands)

public:
    static int groups(RegistryInvocation &invocation);
    static int versions(RegistryInvocation &invocation);
    static int show(RegistryInvocation &invocation);
    static int inbox(RegistryInvocation &invocation);
};
