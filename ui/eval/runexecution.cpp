#include "ui/eval/runexecution.h"

#include "core/eval/evalrunner.h"

RunExecution::RunExecution(const QString &workspacePath, qint64 runId, std::optional<ProviderConfig> generator,
                           std::optional<ProviderConfig> judge, std::optional<ProviderConfig> guardrail,
                           bool retryErrors, QObject *parent)
    : QObject(parent), m_runId(runId)
{
    m_thread.setObjectName(QStringLiteral("evaluation"));
    m_runner = new EvalRunner(workspacePath, runId, std::move(generator), std::move(judge), retryErrors);
    m_runner->setGuardrailConnection(std::move(guardrail)); // before the runner has a thread
    m_runner->moveToThread(&m_thread);
    // The runner's connection and network managers belong to its thread, so it is deleted there.
    connect(&m_thread, &QThread::finished, m_runner, &QObject::deleteLater);
    connect(m_runner, &EvalRunner::progress, this, &RunExecution::progress);
    connect(m_runner, &EvalRunner::itemFinished, this, &RunExecution::itemFinished);
    connect(m_runner, &EvalRunner::finished, this, [this](EvalRun::Status status) {
        // Queued from the runner's thread: error() is final once finished() was emitted.
        if (status == EvalRun::Status::Completed)
            emit finished(Done{});
        else if (status == EvalRun::Status::Cancelled)
            emit finished(makeError(Error::Kind::Cancelled,
                                    tr("The run was cancelled; resume it to finish the remaining items.")));
        else
            emit finished(m_runner->error().value_or(makeError(Error::Kind::Internal, tr("The run failed."))));
    });
    m_thread.start();
}

RunExecution::~RunExecution()
{
    QMetaObject::invokeMethod(m_runner, &EvalRunner::cancel, Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void RunExecution::start()
{
    QMetaObject::invokeMethod(m_runner, &EvalRunner::start, Qt::QueuedConnection);
}

void RunExecution::cancel()
{
    QMetaObject::invokeMethod(m_runner, &EvalRunner::cancel, Qt::QueuedConnection);
}
