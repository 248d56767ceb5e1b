#pragma once

#include "core/providers/chatrequest.h"

#include <QWidget>

class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

// Max tokens, temperature, top-p and stop sequences. Temperature and top-p at their lowest value
// read "model default" and are left out of the request.
class ParametersEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ParametersEditor(QWidget *parent = nullptr);

    ChatParameters parameters() const;
    void setParameters(const ChatParameters &parameters);

private:
    QSpinBox *m_maxTokens;
    QDoubleSpinBox *m_temperature;
    QDoubleSpinBox *m_topP;
    QLineEdit *m_stopSequences;
};
