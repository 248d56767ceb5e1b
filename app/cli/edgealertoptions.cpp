#include "edgealertoptions.h"

#include "commandcontext.h"

#include <QCommandLineParser>

EdgeAlertOptions::EdgeAlertOptions(QCommandLineParser &parser)
    : m_lowConfidence(QStringLiteral("low-confidence-below"), tr("Confidence counted as low (default 0.7)."),
                      QStringLiteral("x")),
      m_defectRate(QStringLiteral("alert-defect-rate"),
                   tr("Alert when the window's defect rate exceeds X (default 0.3)."), QStringLiteral("x")),
      m_window(QStringLiteral("alert-window"), tr("Sliding window in seconds (default 60)."),
               QStringLiteral("seconds")),
      m_meanConfidence(QStringLiteral("alert-mean-confidence"),
                       tr("Alert when the window's mean confidence falls below Y (default 0.75)."),
                       QStringLiteral("y")),
      m_latency(QStringLiteral("alert-p95-latency"), tr("Alert when p95 latency exceeds Z ms (default 250)."),
                QStringLiteral("ms")),
      m_silent(QStringLiteral("alert-silent"), tr("Alert when a device is silent for S seconds (default 15)."),
               QStringLiteral("seconds")),
      m_drift(QStringLiteral("drift-below"),
              tr("A device drifts when its window's mean confidence sinks D under its baseline (default 0.05)."),
              QStringLiteral("d")),
      m_goodClass(QStringLiteral("good-class"), tr("A class name meaning good (repeatable; default good)."),
                  QStringLiteral("name")),
      m_defectiveClass(QStringLiteral("defective-class"),
                       tr("A class name meaning defective (repeatable; default defective)."), QStringLiteral("name"))
{
    parser.addOptions({m_lowConfidence, m_defectRate, m_window, m_meanConfidence, m_latency, m_silent, m_drift,
                       m_goodClass, m_defectiveClass});
}

Status EdgeAlertOptions::read(const QCommandLineParser &parser, AlertRules &rules,
                              InspectionParser::Classes &classes) const
{
    for (const auto &[option, target] :
         {std::pair{&m_lowConfidence, &rules.lowConfidenceBelow}, std::pair{&m_defectRate, &rules.defectRateAbove},
          std::pair{&m_meanConfidence, &rules.meanConfidenceBelow}, std::pair{&m_latency, &rules.p95LatencyAbove},
          std::pair{&m_drift, &rules.confidenceDriftBelow}}) {
        Result<double> value = CommandContext::numberOption(parser, option->names().first(), 0, *target);
        if (!value)
            return value.error();
        *target = value.value();
    }
    for (const auto &[option, target] :
         {std::pair{&m_window, &rules.windowSeconds}, std::pair{&m_silent, &rules.silentSeconds}}) {
        Result<double> value = CommandContext::numberOption(parser, option->names().first(), 0, *target);
        if (!value)
            return value.error();
        *target = std::max(1, int(value.value()));
    }
    if (parser.isSet(m_goodClass))
        classes.good = parser.values(m_goodClass);
    if (parser.isSet(m_defectiveClass))
        classes.defective = parser.values(m_defectiveClass);
    return Done{};
}
