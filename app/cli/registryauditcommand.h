#pragma once

#include <QCoreApplication>

class RegistryInvocation;

// `registry audit [GROUP] [--verify] [--in-stage STAGE --at DATE]`: the decision history, the
// integrity of its hash chain (exit 1 when broken), or which version was in a stage at a time.
class RegistryAuditCommand
{
    Q_DECLARE_TR_FUNCTIONS(RegistryAuditCommand)

public:
    static int run(RegistryInvocation &invocation);

private:
    static int verify(RegistryInvocation &invocation);
    static int inStage(RegistryInvocation &invocation);
    static int list(RegistryInvocation &invocation);
};
