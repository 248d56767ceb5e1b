#include "ui/playground/parameterseditor.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

namespace {

const QString separator = QStringLiteral(" | ");

} // namespace

ParametersEditor::ParametersEditor(QWidget *parent) : QWidget(parent)
{
    m_maxTokens = new QSpinBox(this);
    m_maxTokens->setRange(1, 200000);
    m_maxTokens->setValue(512);
    m_temperature = new QDoubleSpinBox(this);
    m_temperature->setRange(-0.1, 2.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setSpecialValueText(tr("model default"));
    m_temperature->setValue(0.7);
    m_topP = new QDoubleSpinBox(this);
    m_topP->setRange(0.0, 1.0);
    m_topP->setSingleStep(0.05);
    m_topP->setSpecialValueText(tr("model default"));
    m_topP->setValue(0.0);
    m_stopSequences = new QLineEdit(this);
    m_stopSequences->setPlaceholderText(tr("none"));
    m_stopSequences->setToolTip(tr("Stop sequences, separated by \" | \""));

    auto *layout = new QFormLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addRow(tr("Max tokens:"), m_maxTokens);
    layout->addRow(tr("Temperature:"), m_temperature);
    layout->addRow(tr("Top-p:"), m_topP);
    layout->addRow(tr("Stop sequences:"), m_stopSequences);
}

ChatParameters ParametersEditor::parameters() const
{
    ChatParameters parameters;
    parameters.maxTokens = m_maxTokens->value();
    if (m_temperature->value() >= 0.0)
        parameters.temperature = m_temperature->value();
    if (m_topP->value() > 0.0)
        parameters.topP = m_topP->value();
    for (const QString &sequence : m_stopSequences->text().split(separator, Qt::SkipEmptyParts))
        parameters.stopSequences << sequence;
    return parameters;
}

void ParametersEditor::setParameters(const ChatParameters &parameters)
{
    m_maxTokens->setValue(parameters.maxTokens);
    m_temperature->setValue(parameters.temperature.value_or(m_temperature->minimum()));
    m_topP->setValue(parameters.topP.value_or(0.0));
    m_stopSequences->setText(parameters.stopSequences.join(separator));
}
