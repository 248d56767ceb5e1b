#include "core/common/backgroundpriority.h"

#include <QThread>

#include <cerrno>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

bool BackgroundPriority::lowerCurrentThread()
{
#ifdef Q_OS_LINUX
    const auto thread = static_cast<id_t>(::syscall(SYS_gettid));
    errno = 0;
    const int current = ::getpriority(PRIO_PROCESS, thread);
    if (current == -1 && errno != 0)
        return false;
    return ::setpriority(PRIO_PROCESS, thread, current + niceIncrement) == 0;
#else
    QThread::currentThread()->setPriority(QThread::LowPriority);
    return true;
#endif
}

void BackgroundPriority::lowerWhenStarted(QThread &thread)
{
    QObject::connect(&thread, &QThread::started, &thread, &lowerCurrentThread, Qt::DirectConnection);
}
