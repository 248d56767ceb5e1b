#pragma once

#include <QtGlobal>

// The resident set of this process in KiB (VmRSS in /proc/self/status), or -1 when unreadable.
qint64 residentSetKiB();
// The highest resident set this process has had so far (VmHWM), or -1 when unreadable.
qint64 peakResidentSetKiB();
// The same for another process of this user, e.g. a peer the bench started.
qint64 peakResidentSetKiB(qint64 pid);
qint64 residentSetKiB(qint64 pid);

// Hands freed heap pages back to the system, so that a baseline taken next is not inflated by what
// an earlier phase freed and a later phase would reuse without growing the resident set.
void releaseFreeHeap();
