#include "ui/eval/reviewdialog.h"

#include "core/eval/labelrepository.h"
#include "core/eval/metricstatistics.h"
#include "core/eval/reviewqueue.h"
#include "core/storage/workspaceworker.h"
#include "ui/eval/itemdetailhtml.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

ReviewDialog::ReviewDialog(WorkspaceWorker &worker, qint64 runId, const QStringList &judgedMetrics, bool repeated,
                           const QString &reviewer, QWidget *parent)
    : QDialog(parent), m_worker(worker), m_runId(runId), m_reviewer(reviewer)
{
    setWindowTitle(tr("Review run %1").arg(runId));
    buildLayout(judgedMetrics, repeated);
    resize(900, 720);
    updateStatus();
}

void ReviewDialog::buildLayout(const QStringList &judgedMetrics, bool repeated)
{
    m_metric = new QComboBox(this);
    m_metric->addItems(judgedMetrics);
    m_sampling = new QComboBox(this);
    m_sampling->addItem(tr("Random sample"), ReviewQueue::samplingName(ReviewQueue::Sampling::Random));
    m_sampling->addItem(tr("Stratified by score"), ReviewQueue::samplingName(ReviewQueue::Sampling::Stratified));
    m_sampling->addItem(tr("Unstable items"), ReviewQueue::samplingName(ReviewQueue::Sampling::Unstable));
    m_sampling->setToolTip(
        tr("Random: what the corrected mean needs. Stratified: equal numbers from each fifth of the "
           "score range. Unstable: items whose repeated judge calls disagreed (repeated runs only)."));
    if (!repeated)
        m_sampling->setItemData(2, 0, Qt::UserRole - 1); // disabled: a run judged once has no unstable items
    m_size = new QSpinBox(this);
    m_size->setRange(1, 10000);
    m_size->setValue(30);
    m_size->setSuffix(tr(" items"));
    m_blind = new QCheckBox(tr("Blind"), this);
    m_blind->setChecked(true);
    m_blind->setToolTip(tr("Hide the judge's verdict and explanation until your label is saved"));
    m_start = new QPushButton(tr("Start queue"), this);
    m_start->setDefault(true);
    connect(m_start, &QPushButton::clicked, this, &ReviewDialog::startQueue);
    connect(m_blind, &QCheckBox::toggled, this, [this]() { showJudge(); });
    auto *setup = new QHBoxLayout;
    setup->addWidget(new QLabel(tr("Metric"), this));
    setup->addWidget(m_metric);
    setup->addWidget(m_sampling);
    setup->addWidget(m_size);
    setup->addWidget(m_blind);
    setup->addStretch();
    setup->addWidget(m_start);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setFormat(tr("%v of %m labelled"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_item = new QTextBrowser(this);
    m_item->setPlaceholderText(tr("Choose a metric and a sampling, then Start queue."));
    m_judge = new QTextBrowser(this);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_item);
    split->addWidget(m_judge);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    m_comment = new QLineEdit(this);
    m_comment->setPlaceholderText(tr("Comment (optional): why it passes or fails"));
    m_comment->setMaxLength(4000);
    m_score = new QDoubleSpinBox(this);
    m_score->setRange(0, 1);
    m_score->setSingleStep(0.05);
    m_score->setDecimals(2);
    m_score->setValue(0.5);
    m_pass = new QPushButton(tr("Pass (P)"), this);
    m_fail = new QPushButton(tr("Fail (F)"), this);
    m_saveScore = new QPushButton(tr("Save score (S)"), this);
    m_previous = new QPushButton(tr("◀ Previous"), this);
    m_next = new QPushButton(tr("Next (N) ▶"), this);
    connect(m_pass, &QPushButton::clicked, this, [this]() { saveLabel(HumanLabel::Verdict::Pass); });
    connect(m_fail, &QPushButton::clicked, this, [this]() { saveLabel(HumanLabel::Verdict::Fail); });
    connect(m_saveScore, &QPushButton::clicked, this, [this]() { saveLabel(HumanLabel::Verdict::Score); });
    connect(m_previous, &QPushButton::clicked, this, &ReviewDialog::previous);
    connect(m_next, &QPushButton::clicked, this, &ReviewDialog::next);
    // Plain letters: a line edit with focus keeps them for typing (it claims printable keys first).
    const QList<std::pair<QKeySequence, std::function<void()>>> keys{
        {QKeySequence(Qt::Key_P), [this]() { saveLabel(HumanLabel::Verdict::Pass); }},
        {QKeySequence(Qt::Key_F), [this]() { saveLabel(HumanLabel::Verdict::Fail); }},
        {QKeySequence(Qt::Key_S), [this]() { saveLabel(HumanLabel::Verdict::Score); }},
        {QKeySequence(Qt::Key_N), [this]() { next(); }},
        {QKeySequence(Qt::Key_Right), [this]() { next(); }},
        {QKeySequence(Qt::Key_Left), [this]() { previous(); }}};
    for (const auto &[sequence, action] : keys) {
        auto *shortcut = new QShortcut(sequence, this);
        connect(shortcut, &QShortcut::activated, this, action);
    }
    auto *labelRow = new QHBoxLayout;
    labelRow->addWidget(m_pass);
    labelRow->addWidget(m_fail);
    labelRow->addSpacing(12);
    labelRow->addWidget(new QLabel(tr("or a score"), this));
    labelRow->addWidget(m_score);
    labelRow->addWidget(m_saveScore);
    labelRow->addStretch();
    labelRow->addWidget(m_previous);
    labelRow->addWidget(m_next);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(setup);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(split, 1);
    layout->addWidget(m_comment);
    layout->addLayout(labelRow);
    layout->addWidget(buttons);
}

QString ReviewDialog::chosenMetric() const
{
    return m_queueMetric.isEmpty() ? m_metric->currentText() : m_queueMetric;
}

void ReviewDialog::setMetric(const QString &metric)
{
    m_metric->setCurrentText(metric);
}

void ReviewDialog::setBlind(bool blind)
{
    m_blind->setChecked(blind);
}

void ReviewDialog::startQueue()
{
    const QString chosen = m_metric->currentText();
    const auto sampling
        = ReviewQueue::samplingFromName(m_sampling->currentData().toString()).value_or(ReviewQueue::Sampling::Random);
    const int size = m_size->value();
    const qint64 runId = m_runId;
    const QString reviewer = m_reviewer;
    const quint64 seed = QRandomGenerator::global()->generate64();
    m_start->setEnabled(false);
    m_worker.run<QList<qint64>>(
        [=](Workspace &workspace) {
            return ReviewQueue::build(workspace, runId, chosen, sampling, size, reviewer, seed);
        },
        this,
        [this, chosen, sampling](Result<QList<qint64>> queue) {
            m_start->setEnabled(true);
            if (!queue) {
                m_status->setText(queue.error().describe().toHtmlEscaped());
                return;
            }
            m_queue = queue.value();
            m_queueMetric = chosen;
            m_queueSource = ReviewQueue::samplingName(sampling);
            m_labelled = 0;
            m_progress->setRange(0, int(qMax<qsizetype>(1, m_queue.size())));
            m_progress->setValue(0);
            m_detail.reset();
            emit queueReady();
            if (m_queue.isEmpty()) {
                m_position = -1;
                m_item->setHtml(
                    sampling == ReviewQueue::Sampling::Unstable
                        ? tr("<p>No unstable item is left for you: every item whose repeated judge calls disagreed "
                             "on %1 has your label, or none disagreed.</p>")
                              .arg(chosen.toHtmlEscaped())
                        : tr("<p>Nothing left to review: every item with a judge score for %1 has your label.</p>")
                              .arg(chosen.toHtmlEscaped()));
                m_judge->clear();
                updateStatus();
                return;
            }
            showItem(0);
        });
}

void ReviewDialog::showItem(qsizetype position)
{
    if (position < 0 || position >= m_queue.size())
        return;
    m_position = position;
    const qint64 runId = m_runId;
    const qint64 itemIndex = m_queue[position];
    m_worker.run<ItemDetail>(
        [runId, itemIndex](Workspace &workspace) { return ItemDetail::load(workspace, runId, itemIndex); }, this,
        [this, itemIndex](Result<ItemDetail> detail) {
            if (currentItem() != itemIndex)
                return;
            if (!detail) {
                m_item->setPlainText(detail.error().describe());
                return;
            }
            m_detail = detail.value();
            const HumanLabel *own = m_detail->labelOf(m_reviewer, chosenMetric());
            m_revealed = own != nullptr;
            m_comment->setText(own ? own->comment : QString());
            m_item->setHtml(ItemDetailHtml::item(m_detail->item, m_detail->result));
            showJudge();
            updateStatus();
            emit itemShown(itemIndex);
        });
}

void ReviewDialog::showJudge()
{
    if (!m_detail) {
        m_judge->clear();
        return;
    }
    const HumanLabel *own = m_detail->labelOf(m_reviewer, chosenMetric());
    QString html;
    if (own) {
        const QString verdict = own->verdict == HumanLabel::Verdict::Score ? QString::number(own->value, 'f', 2)
                                                                           : HumanLabel::verdictName(own->verdict);
        html += tr("<p><b>Your label:</b> %1%2</p>")
                    .arg(verdict,
                         own->comment.isEmpty() ? QString()
                                                : QStringLiteral(" — ") + ItemDetailHtml::escaped(own->comment));
    }
    if (m_blind->isChecked() && !m_revealed) {
        html += tr(
            "<p><i>Blind review: the judge's verdict and explanation stay hidden until you save your label.</i></p>");
        m_judge->setHtml(html);
        return;
    }
    const double threshold = m_detail->run.settings.threshold(chosenMetric());
    const MetricScore *score = m_detail->result ? m_detail->result->score(chosenMetric()) : nullptr;
    if (score && score->value) {
        const bool judgePasses = MetricStatistics::passes(*score->value, threshold);
        html += tr("<p><b>Judge:</b> %1 — %2 (threshold %3)</p>")
                    .arg(QString::number(*score->value, 'f', 3), judgePasses ? tr("pass") : tr("fail"),
                         QString::number(threshold));
        if (own)
            html += own->passes(threshold) == judgePasses ? tr("<p>You and the judge agree.</p>")
                                                          : tr("<p><b>You and the judge disagree.</b></p>");
    }
    if (m_detail->result)
        html += ItemDetailHtml::scores(*m_detail->result, chosenMetric());
    m_judge->setHtml(html);
}

void ReviewDialog::saveLabel(HumanLabel::Verdict verdict)
{
    const std::optional<qint64> item = currentItem();
    if (!item || !m_detail)
        return;
    HumanLabel label = verdict == HumanLabel::Verdict::Pass ? HumanLabel::pass()
        : verdict == HumanLabel::Verdict::Fail              ? HumanLabel::fail()
                                                            : HumanLabel::score(m_score->value());
    label.runId = m_runId;
    label.itemIndex = *item;
    label.metric = chosenMetric();
    label.reviewer = m_reviewer;
    label.comment = m_comment->text().trimmed();
    label.source = m_queueSource;
    const bool first = m_detail->labelOf(m_reviewer, label.metric) == nullptr;
    m_worker.run<HumanLabel>(
        [label](Workspace &workspace) { return LabelRepository(workspace).storeOne(label); }, this,
        [this, first](Result<HumanLabel> stored) {
            if (!stored) {
                m_status->setText(tr("Not saved: %1").arg(stored.error().describe().toHtmlEscaped()));
                return;
            }
            if (!m_detail || currentItem() != stored.value().itemIndex)
                return;
            m_detail->labels.removeIf([&](const HumanLabel &given) {
                return given.reviewer == stored.value().reviewer && given.metric == stored.value().metric;
            });
            m_detail->labels << stored.value();
            m_labelled += first ? 1 : 0;
            m_revealed = true;
            showJudge();
            updateStatus();
            emit labelSaved(stored.value().itemIndex);
            emit labelsChanged(m_runId);
        });
}

void ReviewDialog::next()
{
    if (m_position + 1 < m_queue.size())
        showItem(m_position + 1);
}

void ReviewDialog::previous()
{
    if (m_position > 0)
        showItem(m_position - 1);
}

std::optional<qint64> ReviewDialog::currentItem() const
{
    if (m_position < 0 || m_position >= m_queue.size())
        return std::nullopt;
    return m_queue[m_position];
}

bool ReviewDialog::isJudgeShown() const
{
    return !m_blind->isChecked() || m_revealed;
}

QString ReviewDialog::itemText() const
{
    return m_item->toPlainText();
}

QString ReviewDialog::judgeText() const
{
    return m_judge->toPlainText();
}

void ReviewDialog::updateStatus()
{
    const bool onItem = currentItem().has_value() && m_detail.has_value();
    for (QPushButton *button : {m_pass, m_fail, m_saveScore})
        button->setEnabled(onItem);
    m_comment->setEnabled(onItem);
    m_score->setEnabled(onItem);
    m_previous->setEnabled(m_position > 0);
    m_next->setEnabled(m_position + 1 < m_queue.size());
    m_progress->setValue(int(m_labelled));
    if (m_queue.isEmpty()) {
        m_status->setText(
            tr("Labelling as <b>%1</b>. Labels are stored as you give them; labelling an item again replaces "
               "your earlier label.")
                .arg(m_reviewer.toHtmlEscaped()));
        return;
    }
    m_status->setText(tr("Labelling <b>%1</b> as <b>%2</b> · item %3 of %4 in the queue (item %5 of the run) · "
                         "P pass, F fail, S score, N next")
                          .arg(chosenMetric().toHtmlEscaped(), m_reviewer.toHtmlEscaped())
                          .arg(m_position + 1)
                          .arg(m_queue.size())
                          .arg(currentItem().value_or(-1)));
}
