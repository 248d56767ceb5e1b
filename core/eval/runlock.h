#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

class QLockFile;

// Marks a run as being run by this process: a lock file beside the workspace, which goes stale the
// moment its owner dies (kill -9 and power cuts included, as QLockFile checks the process). So two
// processes never run one run at once, and a run stored as running that nobody holds was
// interrupted and waits for `resume`.
class RunLock
{
    Q_DECLARE_TR_FUNCTIONS(RunLock)

public:
    RunLock(const QString &workspacePath, qint64 runId);
    ~RunLock();
    RunLock(const RunLock &) = delete;
    RunLock &operator=(const RunLock &) = delete;

    // A storage error when another live process holds the run (the message names it: "pid 123 on
    // host") or when the lock file cannot be written: the workspace cannot give this process the run.
    Status acquire();

    // Whether a live process, this one included, holds the run. Only reads the lock file.
    static bool isHeld(const QString &workspacePath, qint64 runId);

private:
    static QString path(const QString &workspacePath, qint64 runId);

    std::unique_ptr<QLockFile> m_file;
};
