#include "core/eval/runlock.h"

#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSysInfo>

#include <cerrno>
#include <csignal>

RunLock::RunLock(const QString &workspacePath, qint64 runId)
    : m_file(std::make_unique<QLockFile>(path(workspacePath, runId)))
{
    // A run may take hours: only a dead owner makes the lock stale, never its age.
    m_file->setStaleLockTime(0);
}

RunLock::~RunLock() = default;

QString RunLock::path(const QString &workspacePath, qint64 runId)
{
    return QFileInfo(workspacePath).absoluteFilePath() + QStringLiteral(".run-%1.lock").arg(runId);
}

Status RunLock::acquire()
{
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
