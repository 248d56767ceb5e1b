#pragma once

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

#include <utility>

// Runs disk work that is not the workspace's (an image file, an export) on a thread of its own,
// so the UI thread never waits on it, and hands the result to `done` on the UI thread, dropped
// if `context` is gone by then (WorkspaceWorker does the same for workspace jobs).
class BackgroundTask
{
public:
    template<typename Work, typename Done> static void run(QObject *context, Work work, Done done)
    {
        QThread *thread = QThread::create(
            [context = QPointer<QObject>(context), work = std::move(work), done = std::move(done)]() mutable {
                auto result = work();
                QMetaObject::invokeMethod(
                    QCoreApplication::instance(),
                    [context, done = std::move(done), result = std::move(result)]() mutable {
                        if (context)
                            done(std::move(result));
                    },
                    Qt::QueuedConnection);
            });
        QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
        thread->start();
    }
};
