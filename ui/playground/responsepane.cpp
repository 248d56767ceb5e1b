#include "ui/playground/responsepane.h"

#include "ui/common/displaynames.h"
#include "ui/common/guardrailhtml.h"
#include "ui/common/profilemarks.h"
#include "ui/theme.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

QString milliseconds(qint64 value)
{
    return value < 0 ? QStringLiteral("–") : QLocale().toString(value) + QStringLiteral(" ms");
}

QString tokens(qint64 value)
{
    return value < 0 ? QStringLiteral("–") : QLocale().toString(value);
}

} // namespace

ResponsePane::ResponsePane(int slot, QWidget *parent) : QFrame(parent), m_slot(slot)
{
    setFrameShape(QFrame::StyledPanel);
    m_profile = new QComboBox(this);
    m_profile->setToolTip(tr("Connection profile (see Connections)"));
    m_profile->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_profile->setMinimumContentsLength(8);
    m_model = new QLineEdit(this);
    m_model->setPlaceholderText(tr("model id, e.g. anthropic.claude-3-haiku-20240307-v1:0"));
    m_guardrail = new QLineEdit(this);
    m_guardrail->setPlaceholderText(tr("guardrail ID:VERSION (Bedrock, optional)"));
    m_guardrail->setToolTip(tr("Every call of this column goes through this Bedrock guardrail, e.g. gr1abc2def3g:1 "
                               "or gr1abc2def3g:DRAFT; saved with the prompt version"));
    m_knowledgeBase = new QLineEdit(this);
    m_knowledgeBase->setPlaceholderText(tr("Knowledge Base id (optional)"));
    m_knowledgeBase->setToolTip(tr("Answer from this Bedrock Knowledge Base (retrieve and generate); the model field "
                                   "then holds the model ARN, e.g. arn:aws:bedrock:us-east-1::foundation-model/…"));
    m_text = new QPlainTextEdit(this);
    m_text->setReadOnly(true);
    m_text->setPlaceholderText(tr("The answer streams here."));
    m_cited = new QTextBrowser(this);
    m_cited->setOpenLinks(true); // "#passage-N" scrolls to the passage
    m_cited->hide();
    m_verdict = new QTextBrowser(this);
    m_verdict->setMaximumHeight(140);
    m_verdict->hide();
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_copy = new QToolButton(this);
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy this response"));
    connect(m_copy, &QToolButton::clicked, this,
            [this]() { QApplication::clipboard()->setText(m_text->toPlainText()); });

    m_tokens = new QLabel(this);
    m_timing = new QLabel(this);
    m_speed = new QLabel(this);
    m_cost = new QLabel(this);
    m_stopReason = new QLabel(this);
    auto *metrics = new QFormLayout;
    metrics->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // Three panes side by side on a laptop screen: figures move under their labels when narrow.
    metrics->setRowWrapPolicy(QFormLayout::WrapLongRows);
    metrics->addRow(tr("Tokens in / out:"), m_tokens);
    metrics->addRow(tr("First token / total:"), m_timing);
    metrics->addRow(tr("Tokens per second:"), m_speed);
    metrics->addRow(tr("Cost:"), m_cost);
    metrics->addRow(tr("Stop reason:"), m_stopReason);

    auto *header = new QGridLayout;
    header->addWidget(new QLabel(tr("Model %1").arg(slot + 1), this), 0, 0, 1, 2);
    header->addWidget(m_copy, 0, 2, Qt::AlignRight);
    header->addWidget(m_profile, 1, 0, 1, 3);
    header->addWidget(m_model, 2, 0, 1, 3);
    header->addWidget(m_guardrail, 3, 0, 1, 2);
    header->addWidget(m_knowledgeBase, 3, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_cited, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_verdict);
    layout->addLayout(metrics);
    connect(m_profile, &QComboBox::currentTextChanged, this, &ResponsePane::configurationChanged);
    connect(m_model, &QLineEdit::textChanged, this, &ResponsePane::configurationChanged);
    connect(m_guardrail, &QLineEdit::textChanged, this, &ResponsePane::configurationChanged);
    connect(m_knowledgeBase, &QLineEdit::textChanged, this, [this](const QString &id) {
        m_model->setPlaceholderText(id.trimmed().isEmpty()
                                        ? tr("model id, e.g. anthropic.claude-3-haiku-20240307-v1:0")
                                        : tr("model ARN, e.g. arn:aws:bedrock:us-east-1::foundation-model/…"));
        emit configurationChanged();
    });
    clear();
}

void ResponsePane::setProfiles(const QStringList &profileNames, const QSet<QString> &unverified)
{
    const QString current = profile();
    m_profile->clear();
    m_profile->addItems(profileNames);
    if (!current.isEmpty())
        setProfile(current);
    ProfileMarks::apply(m_profile, unverified);
}

QString ResponsePane::profile() const
{
    return m_profile->currentText();
}

void ResponsePane::setProfile(const QString &name)
{
    const int index = m_profile->findText(name);
    if (index >= 0)
        m_profile->setCurrentIndex(index);
}

QString ResponsePane::model() const
{
    return m_model->text().trimmed();
}

void ResponsePane::setModel(const QString &model)
{
    m_model->setText(model);
}

QString ResponsePane::guardrail() const
{
    return m_guardrail->text().trimmed();
}

void ResponsePane::setGuardrail(const QString &guardrail)
{
    m_guardrail->setText(guardrail);
}

QString ResponsePane::knowledgeBase() const
{
    return m_knowledgeBase->text().trimmed();
}

void ResponsePane::setKnowledgeBase(const QString &id)
{
    m_knowledgeBase->setText(id);
}

void ResponsePane::clear()
{
    m_text->clear();
    m_text->show();
    m_cited->clear();
    m_cited->hide();
    m_verdict->clear();
    m_verdict->hide();
    m_status->clear();
    m_status->hide();
    showMetrics(ChatResult{});
    m_cost->setText(QStringLiteral("–"));
}

void ResponsePane::begin()
{
    clear();
    m_status->setText(tr("Waiting for the first token…"));
    m_status->setStyleSheet({});
    m_status->show();
}

void ResponsePane::appendText(const QString &text)
{
    if (m_text->document()->isEmpty())
        m_status->setText(tr("Streaming…"));
    m_text->moveCursor(QTextCursor::End);
    m_text->insertPlainText(text);
}

void ResponsePane::showRetrying(int attempt, int delayMs, const QString &reason)
{
    m_status->setText(tr("%1 — retrying in %2 s (attempt %3)")
                          .arg(reason, QLocale().toString(delayMs / 1000.0, 'f', 1), QString::number(attempt)));
    m_status->show();
}

void ResponsePane::finish(const Result<ChatResult> &result)
{
    if (!result) {
        const bool cancelled = result.error().kind == Error::Kind::Cancelled;
        m_status->setText(cancelled ? tr("Stopped.") : result.error().describe());
        m_status->setStyleSheet(cancelled ? QString() : Theme::textStyle(Theme::Role::Bad));
        m_status->show();
        return;
    }
    m_status->hide();
    showMetrics(result.value());
    showExtras(result.value());
}

void ResponsePane::showExtras(const ChatResult &result)
{
    if (result.guardrail) {
        m_verdict->setHtml(GuardrailHtml::verdict(*result.guardrail, result.text));
        m_verdict->show();
        if (result.guardrail->intervened) {
            m_status->setText(tr("The guardrail intervened: what it let through is shown above."));
            m_status->setStyleSheet(Theme::textStyle(Theme::Role::Bad));
            m_status->show();
        }
    }
    if (!result.citations.isEmpty() || !result.passages.isEmpty()) {
        m_cited->setHtml(GuardrailHtml::citedAnswer(result.text, result.citations, result.passages));
        m_text->hide();
        m_cited->show();
    }
}

void ResponsePane::setCost(std::optional<double> costUsd)
{
    m_cost->setText(costUsd ? QStringLiteral("$%1").arg(*costUsd, 0, 'f', 6) : tr("no price"));
}

void ResponsePane::showStored(const QString &text, const ChatResult &metrics, std::optional<double> costUsd,
                              const QString &error)
{
    clear();
    m_text->setPlainText(text);
    showMetrics(metrics);
    showExtras(metrics);
    setCost(costUsd);
    if (!error.isEmpty()) {
        m_status->setText(error);
        m_status->setStyleSheet(Theme::textStyle(Theme::Role::Bad));
        m_status->show();
    }
}

QString ResponsePane::text() const
{
    return m_text->toPlainText();
}

void ResponsePane::showMetrics(const ChatResult &metrics)
{
    m_tokens->setText(QStringLiteral("%1 / %2").arg(tokens(metrics.inputTokens), tokens(metrics.outputTokens)));
    m_timing->setText(QStringLiteral("%1 / %2").arg(milliseconds(metrics.ttftMs),
                                                    milliseconds(metrics.latencyMs > 0 ? metrics.latencyMs : -1)));
    const double speed = metrics.tokensPerSecond();
    m_speed->setText(speed > 0 ? QLocale().toString(speed, 'f', 1) : QStringLiteral("–"));
    m_stopReason->setText(metrics.stopReason.isEmpty() ? QStringLiteral("–")
                                                       : DisplayNames::stopReason(metrics.stopReason));
}
