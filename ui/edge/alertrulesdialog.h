#pragma once

#include "edge/alertrules.h"

#include <QDialog>

class QDoubleSpinBox;
class QSpinBox;

// Edits the alert rules: the thresholds and the window the fleet statistics judge devices by.
class AlertRulesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AlertRulesDialog(const AlertRules &rules, QWidget *parent = nullptr);

    AlertRules rules() const;

private:
    AlertRules m_rules;
    QDoubleSpinBox *m_defectRate;
    QSpinBox *m_window;
    QSpinBox *m_minimum;
    QDoubleSpinBox *m_meanConfidence;
    QDoubleSpinBox *m_lowConfidence;
    QDoubleSpinBox *m_latency;
    QSpinBox *m_silent;
};
