#include "core/registry/auditlock.h"

#include "core/storage/workspace.h"

#include <QSqlQuery>

AuditLock::AuditLock(Workspace &workspace, bool wanted) : m_workspace(workspace)
{
    if (wanted && workspace.isTeam())
        m_held = workspace.execute(QStringLiteral("SELECT pg_advisory_lock(hashtext('genaiops-audit-writer'))")).ok();
}

AuditLock::~AuditLock()
{
    if (m_held)
        (void)m_workspace.execute(QStringLiteral("SELECT pg_advisory_unlock(hashtext('genaiops-audit-writer'))"));
}
