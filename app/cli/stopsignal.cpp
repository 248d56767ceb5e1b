#include "stopsignal.h"

#include <QEventLoop>
#include <QTimer>

#include <atomic>
#include <csignal>

namespace {

std::atomic<bool> interrupted{false};

extern "C" void noteInterrupt(int)
{
    interrupted = true;
}

} // namespace

void StopSignal::quitOnInterrupt(QEventLoop &loop)
{
    std::signal(SIGINT, noteInterrupt);
    std::signal(SIGTERM, noteInterrupt);
    // A signal handler may only set a flag; the loop looks at it a few times a second.
    auto *poll = new QTimer(&loop);
    QObject::connect(poll, &QTimer::timeout, &loop, [&loop]() {
        if (interrupted.exchange(false))
            loop.quit();
    });
    poll->start(100);
}
