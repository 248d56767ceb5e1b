#pragma once

#include "core/edge/alertrules.h"
#include "core/edge/inspectionparser.h"

#include <QDialog>

class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

// Edits the alert rules (the thresholds and the window the fleet statistics judge devices by) and
// the class names the devices' models publish.
class AlertRulesDialog : public QDialog
{
    Q_OBJECT

public:
    AlertRulesDialog(const AlertRules &rules, const InspectionParser::Classes &classes, QWidget *parent = nullptr);

    AlertRules rules() const;
    InspectionParser::Classes classes() const;

private:
    AlertRules m_rules;
    QDoubleSpinBox *m_defectRate;
    QSpinBox *m_window;
    QSpinBox *m_minimum;
    QDoubleSpinBox *m_meanConfidence;
    QDoubleSpinBox *m_lowConfidence;
    QDoubleSpinBox *m_latency;
    QSpinBox *m_silent;
    QDoubleSpinBox *m_drift;
    QLineEdit *m_goodClasses;
    QLineEdit *m_defectiveClasses;
};
