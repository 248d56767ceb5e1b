#pragma once

#include "core/eval/evaltypes.h"

#include <QByteArray>
#include <QList>
#include <QString>

// Quality gates as a JUnit XML report, the shape GitLab (artifacts:reports:junit) and GitHub test
// reporters read: one test case per gate, a <failure> for each gate that failed.
class JUnitReport
{
public:
    // <testsuites> holding one <testsuite name="genaiops eval RUN (run ID)">; the metric summaries go
    // to its <system-out>. Gates must have been evaluated (QualityGate::evaluate).
    static QByteArray write(const QString &runName, qint64 runId, const QList<Gate> &gates,
                            const QList<MetricSummary> &summaries);

    // One line per metric: "faithfulness (judge): 40 items, mean 0.81, median 0.85, p10 0.52, …".
    static QString summaryLine(const MetricSummary &summary);
};
