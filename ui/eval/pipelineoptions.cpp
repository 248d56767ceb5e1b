#include "ui/eval/pipelineoptions.h"

#include "core/guardrails/guardrailsetting.h"
#include "ui/common/profilemarks.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSpinBox>

PipelineOptions::PipelineOptions(QWidget *parent)
    : QGroupBox(tr("Knowledge Base and guardrail (Amazon Bedrock)"), parent), m_knowledgeBase(new QLineEdit(this)),
      m_results(new QSpinBox(this)), m_retrieveOnly(new QCheckBox(tr("Retrieve only"), this)),
      m_guardrail(new QLineEdit(this)), m_guardInput(new QCheckBox(tr("question"), this)),
      m_guardOutput(new QCheckBox(tr("response"), this)), m_connection(new QComboBox(this))
{
    m_knowledgeBase->setPlaceholderText(tr("optional: a Knowledge Base id; the models above are then model ARNs"));
    m_knowledgeBase->setObjectName(QStringLiteral("knowledgeBase"));
    m_results->setRange(1, 100);
    m_results->setValue(5);
    m_results->setPrefix(tr("retrieve "));
    m_results->setSuffix(tr(" passages"));
    m_retrieveOnly->setToolTip(tr("Score what the Knowledge Base retrieves (context recall and precision) without "
                                  "generating answers; the model ARN is not used"));
    m_guardrail->setPlaceholderText(tr("optional: a guardrail, ID:VERSION"));
    m_guardrail->setObjectName(QStringLiteral("guardrail"));
    m_guardInput->setChecked(true);
    m_guardOutput->setChecked(true);
    m_connection->setToolTip(tr("The AWS connection that applies the guardrail to responses from the dataset or "
                                "from a model outside Bedrock"));
    auto *retrieval = new QHBoxLayout;
    retrieval->addWidget(m_knowledgeBase, 1);
    retrieval->addWidget(m_results);
    retrieval->addWidget(m_retrieveOnly);
    auto *guard = new QHBoxLayout;
    guard->addWidget(m_guardrail, 1);
    guard->addWidget(m_guardInput);
    guard->addWidget(m_guardOutput);
    guard->addWidget(m_connection);
    auto *layout = new QFormLayout(this);
    layout->addRow(tr("Knowledge Base:"), retrieval);
    layout->addRow(tr("Guardrail:"), guard);
    const auto updateState = [this]() {
        const bool knowledgeBase = !m_knowledgeBase->text().trimmed().isEmpty();
        m_results->setEnabled(knowledgeBase);
        m_retrieveOnly->setEnabled(knowledgeBase);
        const bool guarded = !m_guardrail->text().trimmed().isEmpty();
        for (QWidget *widget : {static_cast<QWidget *>(m_guardInput), static_cast<QWidget *>(m_guardOutput),
                                static_cast<QWidget *>(m_connection)})
            widget->setEnabled(guarded);
    };
    connect(m_knowledgeBase, &QLineEdit::textChanged, this, updateState);
    connect(m_guardrail, &QLineEdit::textChanged, this, updateState);
    updateState();
}

void PipelineOptions::setAwsProfiles(const QStringList &names, const QSet<QString> &unverified)
{
    m_aws = QSet<QString>(names.cbegin(), names.cend());
    m_connection->clear();
    m_connection->addItems(names);
    ProfileMarks::apply(m_connection, unverified);
}

QList<ProviderSelection> PipelineOptions::adjusted(const QList<ProviderSelection> &models) const
{
    const QString knowledgeBase = m_knowledgeBase->text().trimmed();
    QList<ProviderSelection> adjusted;
    for (ProviderSelection model : models) {
        if (!knowledgeBase.isEmpty()) {
            model.provider = QStringLiteral("bedrock-kb");
            model.knowledgeBase.id = knowledgeBase;
            model.knowledgeBase.modelArn = m_retrieveOnly->isChecked() ? QString() : model.model;
            model.knowledgeBase.results = m_results->value();
            model.knowledgeBase.retrieveOnly = m_retrieveOnly->isChecked();
        } else if (m_aws.contains(model.profile)) {
            model.provider = QStringLiteral("bedrock");
        }
        // A Bedrock model (named so here) or a Knowledge Base calls the run's guardrail itself.
        adjusted << model;
    }
    return adjusted;
}

QString PipelineOptions::applyTo(RunSettings &settings) const
{
    const QString guardrail = m_guardrail->text().trimmed();
    if (guardrail.isEmpty())
        return {};
    if (const auto parsed = GuardrailSetting::parse(guardrail); !parsed)
        return parsed.error().message;
    settings.guardStages.clear();
    if (m_guardInput->isChecked())
        settings.guardStages << QStringLiteral("input");
    if (m_guardOutput->isChecked())
        settings.guardStages << QStringLiteral("output");
    if (settings.guardStages.isEmpty())
        return tr("The guardrail checks nothing: tick the question, the response, or both.");
    settings.guardrail = ProviderSelection{};
    settings.guardrail.provider = QStringLiteral("bedrock");
    settings.guardrail.model = guardrail;
    settings.guardrail.guardrail = guardrail;
    settings.guardrail.profile = m_connection->currentText();
    if (!settings.guardsThroughGenerator() && settings.guardrail.profile.isEmpty())
        return tr("The guardrail needs an AWS connection to check these responses (see Connections).");
    return {};
}

void PipelineOptions::apply(const RunSettings &settings)
{
    const KnowledgeBaseSetting &knowledgeBase = settings.generator.knowledgeBase;
    m_knowledgeBase->setText(settings.usesKnowledgeBase() ? knowledgeBase.id : QString());
    m_results->setValue(knowledgeBase.results);
    m_retrieveOnly->setChecked(knowledgeBase.retrieveOnly);
    m_guardrail->setText(settings.guardrail.guardrail);
    m_guardInput->setChecked(!settings.isGuarded() || settings.guardStages.contains(QStringLiteral("input")));
    m_guardOutput->setChecked(!settings.isGuarded() || settings.guardStages.contains(QStringLiteral("output")));
    if (!settings.guardrail.profile.isEmpty())
        m_connection->setCurrentText(settings.guardrail.profile);
}
