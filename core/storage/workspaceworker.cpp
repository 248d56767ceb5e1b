#include "core/storage/workspaceworker.h"

#include <QSemaphore>
#include <QSqlDriver>

WorkspaceWorker::WorkspaceWorker(QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("workspace"));
    m_executor = new QObject;
    m_executor->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_executor, &QObject::deleteLater);
    m_thread.start();
}

WorkspaceWorker::~WorkspaceWorker()
{
    // The connection must be closed on the thread that opened it.
    post([this]() { m_workspace.reset(); });
    m_thread.quit();
    m_thread.wait();
}

void WorkspaceWorker::open(const QString &path, Workspace::OpenMode mode, const QList<SchemaModule> &modules,
                           QObject *context, std::function<void(Result<Workspace::Info>)> done)
{
    post([this, path, mode, modules, context = QPointer<QObject>(context), done = std::move(done)]() {
        m_workspace.reset();
        auto opened = Workspace::open(path, mode, modules);
        Result<Workspace::Info> info = opened ? opened.value()->info() : Result<Workspace::Info>(opened.error());
        if (opened)
            m_workspace = std::move(opened.value());
        if (m_workspace && m_workspace->isTeam()) {
            listen();
            m_workspace->setConnectionObserver([this](const QString &state) {
                if (state == QLatin1String("reconnected"))
                    listen(); // a new session has no LISTEN of the old one
                QMetaObject::invokeMethod(
                    this, [this, state]() { emit connectionChanged(state); }, Qt::QueuedConnection);
            });
        }
        deliver(context, [this, done, info = std::move(info)]() {
            m_location = info ? info.value().location : QString();
            done(info);
        });
    });
}

void WorkspaceWorker::listen()
{
    // QPSQL watches the connection's socket on this thread's event loop and emits what arrives.
    QSqlDriver *driver = m_workspace->database().driver();
    for (const char *channel : {"genaiops_registry", "genaiops_runs"})
        driver->subscribeToNotification(QString::fromLatin1(channel));
    disconnect(m_listening);
    m_listening = connect(driver, &QSqlDriver::notification, m_executor,
                          [this](const QString &channel, QSqlDriver::NotificationSource, const QVariant &payload) {
                              QMetaObject::invokeMethod(
                                  this, [this, channel, text = payload.toString()]() { emit notified(channel, text); },
                                  Qt::QueuedConnection);
                          });
}

void WorkspaceWorker::drain()
{
    QSemaphore finished;
    post([&finished]() { finished.release(); });
    finished.acquire();
}

void WorkspaceWorker::post(std::function<void()> task)
{
    const QMutexLocker locker(&m_mutex);
    m_jobs.push_back(std::move(task));
    if (m_scheduled)
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(
        m_executor, [this]() { runQueued(); }, Qt::QueuedConnection);
}

void WorkspaceWorker::runQueued()
{
    // A nested event loop inside a job delivers the call that a later post() queued; the job on the
    // stack below will take that job from the queue when it is done, in its turn.
    if (m_running)
        return;
    m_running = true;
    for (;;) {
        std::function<void()> job;
        {
            const QMutexLocker locker(&m_mutex);
            if (m_jobs.empty()) {
                m_scheduled = false;
                break;
            }
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        job();
    }
    m_running = false;
}

void WorkspaceWorker::deliver(const QPointer<QObject> &context, std::function<void()> callback)
{
    // Queued to this object, which lives on the caller's thread and outlives every job; the context is
    // checked there, on its own thread, so a context deleted meanwhile is never touched.
    QMetaObject::invokeMethod(
        this,
        [context, callback = std::move(callback)]() {
            if (context)
                callback();
        },
        Qt::QueuedConnection);
}
