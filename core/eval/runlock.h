#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

class QLockFile;
class Workspace;

// Marks a run as being run by this process: a lock file beside the workspace, which goes stale the
// moment its owner dies (kill -9 and power cuts included, as QLockFile checks the process). So two
// processes never run one run at once, and a run stored as running that nobody holds was
// interrupted and waits for `resume`.
class RunLock
{
    Q_DECLARE_TR_FUNCTIONS(RunLock)

public:
    RunLock(const QString &workspacePath, qint64 runId);
    // For the workspace the run is run in: a file's lock file, or, in a team workspace, a session
    // advisory lock in PostgreSQL, which the server releases when the holder's connection ends (its
    // process died or its network went). `workspace` must outlive the lock.
    RunLock(Workspace &workspace, qint64 runId);
    ~RunLock();
    RunLock(const RunLock &) = delete;
    RunLock &operator=(const RunLock &) = delete;

    // A storage error when another live process holds the run (the message names it: "pid 123 on
    // host") or when the lock file cannot be written: the workspace cannot give this process the run.
    Status acquire();

    // Whether a live process, this one included, holds the run. Only reads the lock file.
    static bool isHeld(const QString &workspacePath, qint64 runId);
    // Either kind, for the workspace the run is in.
    static bool isHeld(const Workspace &workspace, qint64 runId);

private:
    static QString path(const QString &workspacePath, qint64 runId);
    Status acquireInDatabase();

    std::unique_ptr<QLockFile> m_file;
    Workspace *m_team = nullptr; // set in a team workspace
    qint64 m_runId = 0;
    bool m_held = false;
    int m_generation = 0; // the team workspace's connection the lock was taken on
};
