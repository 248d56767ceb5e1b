#pragma once

#include "core/common/canceltoken.h"
#include "core/registry/registrybackends.h"
#include "core/registry/registryservice.h"
#include "core/storage/workspace.h"
#include "core/storage/workspaceworker.h"

#include <QCoreApplication>
#include <QObject>

#include <functional>
#include <memory>

// Where the Registry panel's calls run. The service is made per job on a worker thread, where a
// workspace connection lives (the audit trail is always local). A remote backend's blocking calls
// wait on a worker of their own, with its own connection to the same workspace, so a slow SageMaker
// or MLflow endpoint holds up neither the GUI thread nor the other panels' jobs; cancel() stops
// waiting for every remote call posted so far.
class RegistryJobs : public QObject
{
    Q_OBJECT

public:
    RegistryJobs(WorkspaceWorker &worker, QObject *parent = nullptr);
    ~RegistryJobs() override;

    // Secrets already resolved; held in memory only.
    void setOptions(RegistryOptions options) { m_options = std::move(options); }
    const RegistryOptions &options() const { return m_options; }
    bool isRemote() const { return m_options.backend != QLatin1String("workspace"); }
    // Remote calls waiting for an answer.
    int waiting() const { return m_waiting; }
    void cancel();

    // `done` runs on `context`'s thread unless `context` is gone; a cancelled remote call never
    // reaches it (cancelled() is emitted instead).
    template<typename T>
    void run(std::function<Result<T>(RegistryService &)> job, QObject *context, std::function<void(Result<T>)> done)
    {
        RegistryOptions options = m_options;
        const CancelToken token = m_cancel;
        const bool remote = isRemote();
        if (remote)
            setWaiting(m_waiting + 1);
        (remote ? remoteWorker() : m_worker)
            .run<T>(
                [job = std::move(job), options, token](Workspace &workspace) mutable -> Result<T> {
                    const CancelToken::Scope scope(token);
                    if (token.isCancelled())
                        return makeError(Error::Kind::Cancelled, tr("cancelled"));
                    options.workspace = &workspace;
                    auto backend = RegistryBackends::create(options.backend, options);
                    if (!backend)
                        return backend.error();
                    RegistryService service(*backend.value(), workspace);
                    return job(service);
                },
                context,
                [this, remote, done = std::move(done)](Result<T> result) {
                    if (remote)
                        setWaiting(m_waiting - 1);
                    if (!result && result.error().kind == Error::Kind::Cancelled)
                        emit cancelled();
                    else
                        done(std::move(result));
                });
    }

signals:
    void waitingChanged(int waiting);
    void cancelled();
    // The remote worker's own connection to the workspace could not be opened.
    void problem(const QString &message);

private:
    WorkspaceWorker &remoteWorker();
    void setWaiting(int waiting);

    WorkspaceWorker &m_worker;
    std::unique_ptr<WorkspaceWorker> m_remote;
    CancelToken m_cancel; // shared by the remote jobs posted since the last cancel
    RegistryOptions m_options;
    int m_waiting = 0;
};
