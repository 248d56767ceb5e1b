#include "ui/playground/modelcolumns.h"

#include "ui/playground/responsepane.h"

#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

ModelColumns::ModelColumns(QWidget *parent)
    : QWidget(parent), m_count(new QSpinBox(this)), m_run(new QPushButton(tr("Run all"), this)),
      m_stop(new QPushButton(tr("Stop"), this)), m_status(new QLabel(this))
{
    m_count->setRange(1, maximum);
    m_count->setValue(maximum);
    m_count->setToolTip(tr("How many models to compare"));
    m_run->setDefault(true);
    m_run->setToolTip(tr("Send the prompt to every model (%1)")
                          .arg(QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText)));
    m_stop->setToolTip(
        tr("Stop every running call (%1)").arg(QKeySequence(Qt::Key_Escape).toString(QKeySequence::NativeText)));
    connect(m_run, &QPushButton::clicked, this, &ModelColumns::runRequested);
    connect(m_stop, &QPushButton::clicked, this, &ModelColumns::stopRequested);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Models:"), this));
    bar->addWidget(m_count);
    bar->addWidget(m_run);
    bar->addWidget(m_stop);
    bar->addWidget(m_status, 1);

    auto *panes = new QHBoxLayout;
    for (int slot = 0; slot < maximum; ++slot) {
        auto *pane = new ResponsePane(slot, this);
        m_panes.append(pane);
        panes->addWidget(pane, 1);
    }
    connect(m_count, &QSpinBox::valueChanged, this, [this](int shown) {
        for (int slot = 0; slot < maximum; ++slot)
            m_panes[slot]->setVisible(slot < shown);
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addLayout(panes, 1);
}

int ModelColumns::count() const
{
    return m_count->value();
}

void ModelColumns::setCount(int count)
{
    m_count->setValue(qBound(1, count, maximum));
}

ResponsePane *ModelColumns::pane(int slot) const
{
    return m_panes.value(slot);
}

void ModelColumns::setProfiles(const QStringList &names, const QSet<QString> &unverified)
{
    for (ResponsePane *pane : std::as_const(m_panes))
        pane->setProfiles(names, unverified);
}

QList<ProviderSelection> ModelColumns::selections() const
{
    QList<ProviderSelection> selections;
    for (int slot = 0; slot < count(); ++slot) {
        ProviderSelection selection;
        selection.profile = m_panes[slot]->profile();
        selection.model = m_panes[slot]->model();
        selection.guardrail = m_panes[slot]->guardrail();
        if (!m_panes[slot]->knowledgeBase().isEmpty()) {
            selection.provider = QStringLiteral("bedrock-kb");
            selection.knowledgeBase.id = m_panes[slot]->knowledgeBase();
            selection.knowledgeBase.modelArn = selection.model;
        }
        selections << selection;
    }
    return selections;
}

QString ModelColumns::missingSetting() const
{
    for (int slot = 0; slot < count(); ++slot)
        if (m_panes[slot]->profile().isEmpty() || m_panes[slot]->model().isEmpty())
            return tr("Model %1 needs a connection and a model id.").arg(slot + 1);
    return {};
}

QStringList ModelColumns::guardrails() const
{
    QStringList guardrails;
    for (int slot = 0; slot < count(); ++slot)
        guardrails << m_panes[slot]->guardrail();
    return guardrails;
}

void ModelColumns::setGuardrails(const QStringList &guardrails)
{
    for (int slot = 0; slot < maximum; ++slot)
        m_panes[slot]->setGuardrail(guardrails.value(slot));
}

void ModelColumns::setRunning(bool running)
{
    m_run->setEnabled(!running);
    m_stop->setEnabled(running);
    m_count->setEnabled(!running);
}

void ModelColumns::setStatus(const QString &text)
{
    m_status->setText(text);
}
