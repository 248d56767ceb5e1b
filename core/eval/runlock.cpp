#include "eval/runlock.h"

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

bool RunLock::acquire(QString *holder)
{
    if (m_file->isLocked() || m_file->tryLock(0))
        return true;
    if (m_file->error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host;
        QString application;
        if (m_file->getLockInfo(&pid, &host, &application))
            *holder = tr("pid %1 on %2").arg(pid).arg(host);
        else
            *holder = tr("another process");
    } else {
        *holder = tr("its lock file %1 cannot be written").arg(m_file->fileName());
    }
    return false;
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
