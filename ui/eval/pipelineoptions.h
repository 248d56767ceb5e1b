#pragma once

#include "core/eval/evaltypes.h"

#include <QGroupBox>
#include <QSet>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

// The New run dialog's "Knowledge Base and guardrail" group. A Knowledge Base id turns each model
// into a RAG pipeline (RetrieveAndGenerate answering with that model ARN, or Retrieve alone); a
// guardrail checks every item's question and response: Bedrock models and Knowledge Bases call it
// themselves, anything else (the dataset's own responses, an OpenAI-compatible model) through
// ApplyGuardrail on the chosen AWS connection.
class PipelineOptions : public QGroupBox
{
    Q_OBJECT

public:
    explicit PipelineOptions(QWidget *parent = nullptr);

    void setAwsProfiles(const QStringList &names, const QSet<QString> &unverified);
    // The models as the run calls them.
    QList<ProviderSelection> adjusted(const QList<ProviderSelection> &models) const;
    // Sets the run's guardrail and the stages it checks; what is wrong, in words, or empty.
    QString applyTo(RunSettings &settings) const;
    // Shows a remembered run's choices.
    void apply(const RunSettings &settings);

private:
    QSet<QString> m_aws;
    QLineEdit *m_knowledgeBase;
    QSpinBox *m_results;
    QCheckBox *m_retrieveOnly;
    QLineEdit *m_guardrail;
    QCheckBox *m_guardInput;
    QCheckBox *m_guardOutput;
    QComboBox *m_connection;
};
