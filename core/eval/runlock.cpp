#include "core/eval/runlock.h"

#include "core/storage/workspace.h"

#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSqlQuery>
#include <QSysInfo>

#include <cerrno>
#include <csignal>

RunLock::RunLock(const QString &workspacePath, qint64 runId)
    : m_file(std::make_unique<QLockFile>(path(workspacePath, runId)))
{
    // A run may take hours: only a dead owner makes the lock stale, never its age.
    m_file->setStaleLockTime(0);
}

RunLock::RunLock(Workspace &workspace, qint64 runId) : m_runId(runId)
{
    if (workspace.isTeam()) {
        m_team = &workspace;
        return;
    }
    m_file = std::make_unique<QLockFile>(path(workspace.location(), runId));
    m_file->setStaleLockTime(0);
}

RunLock::~RunLock()
{
    // A session lock goes with its session: after a reconnect there is nothing of ours to release.
    if (m_team && m_held && m_generation == m_team->connectionGeneration())
        (void)m_team->execute(QStringLiteral("SELECT pg_advisory_unlock(hashtext('genaiops-run'), :run)"),
                              {{QStringLiteral("run"), m_runId}});
}

Status RunLock::acquireInDatabase()
{
    if (m_held)
        return Done{};
    auto locked = m_team->execute(QStringLiteral("SELECT pg_try_advisory_lock(hashtext('genaiops-run'), :run)"),
                                  {{QStringLiteral("run"), m_runId}});
    if (!locked)
        return locked.error();
    m_held = locked.value().next() && locked.value().value(0).toBool();
    m_generation = m_team->connectionGeneration();
    if (!m_held)
        return makeError(Error::Kind::Storage, tr("the run is being run by another connection to the team workspace"));
    return Done{};
}

bool RunLock::isHeld(const Workspace &workspace, qint64 runId)
{
    if (!workspace.isTeam())
        return isHeld(workspace.location(), runId);
    // pg_locks shows every session's advisory locks; the two-key form keeps the keys in classid and objid.
    auto held = workspace.execute(
        QStringLiteral("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted"
                       " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                       " AND classid = (hashtext('genaiops-run')::bigint & 4294967295)::oid"
                       " AND objid = CAST(:run AS bigint)::oid AND objsubid = 2)"),
        {{QStringLiteral("run"), runId}});
    return held && held.value().next() && held.value().value(0).toBool();
}

QString RunLock::path(const QString &workspacePath, qint64 runId)
{
    return QFileInfo(workspacePath).absoluteFilePath() + QStringLiteral(".run-%1.lock").arg(runId);
}

Status RunLock::acquire()
{
    if (m_team)
        return acquireInDatabase();
    if (m_file->isLocked())
        return Done{};
    if (m_file->tryLock(0)) {
        // Only its owner reads who holds a run (pid, host): 0600 like the workspace beside it.
        QFile::setPermissions(m_file->fileName(), QFile::ReadOwner | QFile::WriteOwner);
        return Done{};
    }
    if (m_file->error() != QLockFile::LockFailedError)
        return makeError(Error::Kind::Storage, tr("the run's lock file cannot be written"), m_file->fileName());
    qint64 pid = 0;
    QString host;
    QString application;
    const QString holder = m_file->getLockInfo(&pid, &host, &application) ? tr("pid %1 on %2").arg(pid).arg(host)
                                                                          : tr("another process");
    return makeError(Error::Kind::Storage, tr("the run is being run by another process (%1)").arg(holder));
}

bool RunLock::isHeld(const QString &workspacePath, qint64 runId)
{
    const QLockFile file(path(workspacePath, runId));
    qint64 pid = 0;
    QString host;
    QString application;
    if (!file.getLockInfo(&pid, &host, &application) || pid <= 0)
        return false;
    // A process on another machine (a shared drive) cannot be checked from here: trust the file.
    if (!host.isEmpty() && host != QSysInfo::machineHostName())
        return true;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}
