#pragma once

#include <QtGlobal>

// CPU time (user + system, all threads) in milliseconds, or -1 when unreadable: of this process,
// and of another one of this user (/proc/PID/stat), e.g. a test server the bench started.
double processCpuMs();
double processCpuMs(qint64 pid);
// Of the children that have ended and been waited for (QProcess waits for its own).
double endedChildrenCpuMs();
// Of every process on the host, over all its cores (/proc/stat), or -1 when unreadable: what other
// work took of the cores shows as the host's time less this process's and the server's.
double hostCpuMs();
