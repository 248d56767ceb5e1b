#include "ui/eval/runlabelling.h"

#include "core/common/localuser.h"
#include "core/eval/judgeagreement.h"
#include "core/eval/labelexchange.h"
#include "core/storage/workspaceworker.h"
#include "ui/eval/agreementview.h"
#include "ui/eval/reviewdialog.h"

#include <QFileDialog>
#include <QMenu>
#include <QToolButton>

RunLabelling::RunLabelling(WorkspaceWorker &worker, AgreementView &view, QWidget *parent)
    : QObject(parent), m_worker(worker), m_view(view), m_parent(parent), m_button(new QToolButton(parent))
{
    m_button->setText(tr("Review…"));
    m_button->setToolTip(tr("Label items for a judged metric, blind to the judge if you like (%1)")
                             .arg(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R).toString(QKeySequence::NativeText)));
    m_button->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_button->setPopupMode(QToolButton::MenuButtonPopup);
    auto *menu = new QMenu(m_button);
    menu->addAction(tr("Export labels (JSONL)…"), this, [this]() { exchange(true); });
    menu->addAction(tr("Import labels (JSONL)…"), this, [this]() { exchange(false); });
    m_button->setMenu(menu);
    m_button->setEnabled(false);
    connect(m_button, &QToolButton::clicked, this, &RunLabelling::review);
    connect(&m_view, &AgreementView::reviewRequested, this, &RunLabelling::review);
}

void RunLabelling::setRun(qint64 runId, const QStringList &judgedMetrics, bool repeated)
{
    m_runId = runId;
    m_metrics = judgedMetrics;
    m_repeated = repeated;
    m_button->setEnabled(runId > 0 && !judgedMetrics.isEmpty());
    reload();
}

void RunLabelling::reload()
{
    const qint64 runId = m_runId;
    m_worker.run<QList<MetricAgreement>>(
        [runId](Workspace &workspace) { return JudgeAgreement::compute(workspace, runId); }, this,
        [this, runId](Result<QList<MetricAgreement>> agreement) {
            if (runId != m_runId)
                return;
            if (!agreement)
                return emit problem(agreement.error().describe());
            m_view.setAgreement(agreement.value());
            QStringList untrusted;
            for (const MetricAgreement &metric : agreement.value())
                if (metric.measured() && !metric.trustworthy())
                    untrusted << metric.metric;
            emit agreementLoaded(untrusted);
        });
}

ReviewDialog *RunLabelling::review()
{
    if (!m_runId || m_metrics.isEmpty())
        return nullptr;
    auto reviewer = LocalUser::name();
    if (!reviewer) {
        emit problem(reviewer.error().describe());
        return nullptr;
    }
    auto *dialog = new ReviewDialog(m_worker, m_runId, m_metrics, m_repeated, reviewer.value(), m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReviewDialog::labelsChanged, this, [this](qint64 runId) {
        if (runId == m_runId)
            reload();
    });
    dialog->open();
    return dialog;
}

void RunLabelling::exchange(bool exporting)
{
    if (!m_runId)
        return;
    const QString path = exporting
        ? QFileDialog::getSaveFileName(m_parent, tr("Export labels"), tr("labels-run-%1.jsonl").arg(m_runId),
                                       tr("JSON Lines (*.jsonl)"))
        : QFileDialog::getOpenFileName(m_parent, tr("Import labels into run %1").arg(m_runId), {},
                                       tr("JSON Lines (*.jsonl);;All files (*)"));
    if (path.isEmpty())
        return;
    const qint64 runId = m_runId;
    m_worker.run<qint64>(
        [runId, path, exporting](Workspace &workspace) {
            return exporting ? LabelExchange::exportLabels(workspace, runId, path)
                             : LabelExchange::importLabels(workspace, path, runId);
        },
        this,
        [this, runId, path, exporting](Result<qint64> count) {
            if (!count)
                return emit problem(count.error().describe());
            emit statusMessage(exporting ? tr("Exported %n label(s) to %1.", nullptr, int(count.value())).arg(path)
                                         : tr("Imported %n label(s) from %1.", nullptr, int(count.value())).arg(path));
            if (!exporting && runId == m_runId)
                reload();
        });
}
