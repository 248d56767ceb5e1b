#pragma once

#include "core/common/result.h"
#include "core/storage/workspace.h"

#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <deque>
#include <functional>
#include <memory>

// Owns a thread with the workspace's connection, so the GUI never waits on disk (after
// qBittorrent's DBResumeDataStorage worker: one thread, one connection, a queue). Jobs run one at a
// time in the order they were posted, even when a job spins a nested event loop (a network call
// waiting for its reply): jobs sit in a queue of their own, not in the thread's event queue, so a
// nested loop cannot start the next job inside the current one. Each callback is delivered on the
// caller's `context` thread and dropped if `context` is gone by then (after KeePassXC's AsyncTask),
// so a closed panel never receives a late result. Create it on the thread that receives the
// callbacks (the GUI thread).
class WorkspaceWorker : public QObject
{
    Q_OBJECT

public:
    explicit WorkspaceWorker(QObject *parent = nullptr);
    ~WorkspaceWorker() override;

    // Opens the workspace on the worker thread; `done` receives its Info or the refusal.
    void open(const QString &path, Workspace::OpenMode mode, const QList<SchemaModule> &modules, QObject *context,
              std::function<void(Result<Workspace::Info>)> done);

    template<typename T>
    void run(std::function<Result<T>(Workspace &)> job, QObject *context, std::function<void(Result<T>)> done)
    {
        post([this, job = std::move(job), context = QPointer<QObject>(context), done = std::move(done)]() {
            Result<T> result = m_workspace ? job(*m_workspace)
                                           : Result<T>(makeError(Error::Kind::Storage, tr("no workspace is open")));
            deliver(context, [done, result = std::move(result)]() { done(result); });
        });
    }

    // Where the open workspace is (empty before an open succeeded), for code that opens its own
    // connection on its own thread, such as an evaluation run. Read it on the owner's thread.
    QString location() const { return m_location; }

    // Blocks the caller until every job posted so far has finished. For shutdown and tests only.
    void drain();

signals:
    // A team workspace's LISTEN channels (genaiops_registry, genaiops_runs): another client
    // decided or finished something. Delivered on the owner's thread; the payload is JSON.
    void notified(const QString &channel, const QString &payload);
    // A team workspace lost its server and is trying again ("reconnecting: why"), or is back
    // ("reconnected"). Jobs wait meanwhile and carry on afterwards.
    void connectionChanged(const QString &state);

private:
    void post(std::function<void()> task);
    void listen(); // on m_thread, after a team workspace opened
    void runQueued(); // on m_thread
    void deliver(const QPointer<QObject> &context, std::function<void()> callback);

    QThread m_thread;
    QMutex m_mutex;
    std::deque<std::function<void()>> m_jobs; // guarded by m_mutex
    bool m_scheduled = false; // a runQueued() call is on its way (guarded by m_mutex)
    bool m_running = false; // touched only on m_thread: runQueued() is on the stack
    QObject *m_executor = nullptr; // lives on m_thread; tasks are queued to it
    QMetaObject::Connection m_listening; // the driver's notification signal, made again after a reconnect
    std::unique_ptr<Workspace> m_workspace; // touched only on m_thread
    QString m_location; // touched only on the owner's thread
};
