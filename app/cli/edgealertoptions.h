#pragma once

#include "core/common/result.h"
#include "core/edge/alertrules.h"
#include "core/edge/inspectionparser.h"

#include <QCommandLineOption>
#include <QCoreApplication>

class QCommandLineParser;

// The flags that say what `edge listen` counts as a problem: the low-confidence line, the alert
// thresholds and window, and which class names mean good or defective.
class EdgeAlertOptions
{
    Q_DECLARE_TR_FUNCTIONS(EdgeAlertOptions)

public:
    explicit EdgeAlertOptions(QCommandLineParser &parser);

    // The rules and classes the flags give (the defaults where none is given), or the usage error.
    Status read(const QCommandLineParser &parser, AlertRules &rules, InspectionParser::Classes &classes) const;

private:
    QCommandLineOption m_lowConfidence, m_defectRate, m_window, m_meanConfidence, m_latency, m_silent, m_drift,
        m_goodClass, m_defectiveClass;
};
