// A background thread started with BackgroundPriority::lowerWhenStarted runs at a nice value five
// above its starter's, and the starting thread keeps its own.
#include "core/common/backgroundpriority.h"

#include <QTest>
#include <QThread>

#include <atomic>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace {

int niceOfThisThread()
{
    return ::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)));
}

} // namespace

class TestBackgroundPriority : public QObject
{
    Q_OBJECT

private slots:
    void aStartedThreadYields();
};

void TestBackgroundPriority::aStartedThreadYields()
{
    const int before = niceOfThisThread();
    std::atomic<int> inside{-100};
    QThread *thread = QThread::create([&inside]() { inside = niceOfThisThread(); });
    BackgroundPriority::lowerWhenStarted(*thread);
    thread->start();
    QVERIFY(thread->wait(5000));
    delete thread;
    QCOMPARE(inside.load(), std::min(19, before + BackgroundPriority::niceIncrement));
    QCOMPARE(niceOfThisThread(), before);
}

QTEST_GUILESS_MAIN(TestBackgroundPriority)
#include "tst_backgroundpriority.moc"
