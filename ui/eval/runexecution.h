#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"
#include "core/providers/providerconfig.h"

#include <QObject>
#include <QThread>

#include <optional>

class EvalRunner;

// One evaluation run on a thread of its own, with its own workspace connection and network access,
// so scoring thousands of items never touches the GUI thread. Signals arrive queued on the owner.
class RunExecution : public QObject
{
    Q_OBJECT

public:
    // `guardrail` is the AWS connection ApplyGuardrail uses (EvalRunner::setGuardrailConnection).
    RunExecution(const QString &workspacePath, qint64 runId, std::optional<ProviderConfig> generator,
                 std::optional<ProviderConfig> judge, std::optional<ProviderConfig> guardrail, bool retryErrors,
                 QObject *parent = nullptr);
    ~RunExecution() override;

    qint64 runId() const { return m_runId; }
    void start();
    void cancel();

signals:
    void progress(qint64 done, qint64 total, qint64 failed, double etaSeconds);
    void itemFinished(const ItemResult &result);
    void finished(const Status &status);

private:
    qint64 m_runId;
    QThread m_thread;
    EvalRunner *m_runner = nullptr;
};
