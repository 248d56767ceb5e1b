#pragma once

#include "core/common/result.h"

#include <QCoreApplication>

class Workspace;

// The Registry panel's demo: two model groups whose versions stand in every state (pending,
// approved for Dev, Test and Prod, rejected, archived), registered and decided by different people
// over the past weeks through the real policy and audit trail, so the chain verifies and "which
// version was in Prod on date X" has a history to answer from. The RAG assistant's versions link
// the demo's lexical evaluation runs when the workspace has them. Installing twice adds nothing.
class DemoRegistry
{
    Q_DECLARE_TR_FUNCTIONS(DemoRegistry)

public:
    static Status install(Workspace &workspace);
};
