#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"
#include "core/providers/providerconfig.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class RunExecution;

// The Evaluations page's running run: a progress bar with the items done, the failures and the time
// left, and Cancel. At most one run at a time; it runs on a thread of its own (RunExecution).
class RunProgress : public QWidget
{
    Q_OBJECT

public:
    explicit RunProgress(QWidget *parent = nullptr);
    ~RunProgress() override;

    bool isRunning() const { return !m_execution.isNull(); }
    // `generator`, `judge` and the guardrail's connection come with their secrets resolved, when
    // the run needs them.
    void start(const QString &workspacePath, qint64 runId, bool retryErrors,
               const std::optional<ProviderConfig> &generator, const std::optional<ProviderConfig> &judge,
               const std::optional<ProviderConfig> &guardrail = std::nullopt);
    void cancel();

signals:
    void itemFinished(qint64 runId, const ItemResult &result);
    void finished(qint64 runId, const Status &status);

private:
    QProgressBar *m_bar;
    QLabel *m_text;
    QPushButton *m_cancel;
    QPointer<RunExecution> m_execution;
};
