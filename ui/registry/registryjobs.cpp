#include "ui/registry/registryjobs.h"

#include "core/workspaceschema.h"

RegistryJobs::RegistryJobs(WorkspaceWorker &worker, QObject *parent) : QObject(parent), m_worker(worker)
{
    m_options.backend = QStringLiteral("workspace");
}

RegistryJobs::~RegistryJobs()
{
    // A remote call in flight aborts within a poll of its token instead of running to its timeout
    // while the remote worker's destructor waits for it.
    m_cancel.cancel();
}

void RegistryJobs::cancel()
{
    m_cancel.cancel();
    m_cancel = CancelToken(); // later calls start afresh
}

WorkspaceWorker &RegistryJobs::remoteWorker()
{
    if (!m_remote) {
        m_remote = std::make_unique<WorkspaceWorker>();
        m_remote->open(m_worker.location(), Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules(), this,
                       [this](Result<Workspace::Info> info) {
                           if (!info)
                               emit problem(info.error().describe());
                       });
    }
    return *m_remote;
}

void RegistryJobs::setWaiting(int waiting)
{
    m_waiting = waiting;
    emit waitingChanged(waiting);
}
