#pragma once

#include <QtGlobal>

// CPU time (user + system, all threads) in milliseconds, or -1 when unreadable: of this process,
// and of another one of this user (/proc/PID/stat), e.g. a test server the bench started.
double processCpuMs();
double processCpuMs(qint64 pid);
// Of the children that have ended and been waited for (QProcess waits for its own).
double endedChildrenCpuMs();
