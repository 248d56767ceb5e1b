#include "ui/eval/runprogress.h"

#include "ui/eval/runexecution.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

RunProgress::RunProgress(QWidget *parent)
    : QWidget(parent), m_bar(new QProgressBar(this)), m_text(new QLabel(this)),
      m_cancel(new QPushButton(tr("Cancel run"), this))
{
    m_bar->setTextVisible(true);
    // A long message (an error, a German sentence) must not widen the window: it is cut to the room
    // the action row has and is whole in the tooltip.
    m_text->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_text->setMinimumWidth(120);
    m_bar->hide();
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, &RunProgress::cancel);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_text);
    layout->addWidget(m_cancel);
}

RunProgress::~RunProgress()
{
    delete m_execution;
}

void RunProgress::start(const QString &workspacePath, qint64 runId, bool retryErrors,
                        const std::optional<ProviderConfig> &generator, const std::optional<ProviderConfig> &judge,
                        const std::optional<ProviderConfig> &guardrail)
{
    m_execution = new RunExecution(workspacePath, runId, generator, judge, guardrail, retryErrors, this);
    connect(m_execution, &RunExecution::progress, this, [this](qint64 done, qint64 total, qint64 failed, double eta) {
        m_bar->setRange(0, int(qMin<qint64>(total, INT_MAX)));
        m_bar->setValue(int(done));
        m_bar->setFormat(tr("%v of %m"));
        m_text->setText(eta > 0 ? tr("%1 failed · about %2 left")
                                      .arg(failed)
                                      .arg(eta >= 90 ? tr("%1 min").arg(qRound(eta / 60)) : tr("%1 s").arg(qRound(eta)))
                                : tr("%1 failed").arg(failed));
    });
    connect(m_execution, &RunExecution::itemFinished, this,
            [this, runId](const ItemResult &result) { emit itemFinished(runId, result); });
    connect(m_execution, &RunExecution::finished, this, [this, runId](const Status &status) {
        m_execution->deleteLater();
        m_execution = nullptr;
        m_text->setText(status ? tr("Run finished.") : status.error().describe());
        m_text->setToolTip(m_text->text());
        m_bar->hide();
        m_cancel->hide();
        emit finished(runId, status);
    });
    m_bar->show();
    m_cancel->show();
    m_execution->start();
}

void RunProgress::cancel()
{
    if (m_execution)
        m_execution->cancel();
}
