#pragma once

class Workspace;

// Holds a team workspace's audit trail for one writer from before its transaction begins until
// after it ends (a PostgreSQL session advisory lock). The trail is one chain, so its writers go
// one at a time anyway; taking the lock before the SERIALIZABLE snapshot (rather than inside the
// transaction, where the snapshot already predates the other writer's commit) lets every one of
// them see the entry before its own, instead of failing to serialize. Nothing on SQLite, whose
// write transactions are exclusive already.
class AuditLock
{
public:
    // `wanted` false: nothing is locked (a remote registry's calls must not hold the team's writers).
    AuditLock(Workspace &workspace, bool wanted);
    ~AuditLock();
    AuditLock(const AuditLock &) = delete;
    AuditLock &operator=(const AuditLock &) = delete;

private:
    Workspace &m_workspace;
    bool m_held = false;
};
