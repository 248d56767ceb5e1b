#pragma once

#include <QtGlobal>

// Connections the kernel dropped because a listening socket's accept queue was full (TcpExt
// ListenOverflows in /proc/net/netstat), or -1 when unreadable. The counter is for the whole host,
// so other programs can add to it; a client whose SYN was dropped waits a second or more to retry.
qint64 listenQueueOverflows();
