#pragma once

#include "core/eval/judgeagreement.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>

class Workspace;

// What one linked evaluation run says for a Prod decision: it counts as evidence when it exists,
// finished, has quality gates, and every gate passed (a run without gates proves nothing).
struct RunEvidence
{
    Q_DECLARE_TR_FUNCTIONS(RunEvidence)

public:
    qint64 runId = 0;
    QString name;
    bool found = false;
    bool finished = false;
    QString status;
    QStringList gates; // "context_support >= 0.6: 0.71 passed"
    bool gatesPassed = false;
    QString problem; // why it is not evidence, empty when it is
    QStringList judgedMetrics; // the run's metrics that a judge scored
    QList<MetricAgreement> agreement; // people's labels against the judge, per labelled metric

    bool passes() const { return found && finished && !gates.isEmpty() && gatesPassed; }
    // "run 4 \"support answers\": every gate passed (…)" or what keeps it from counting.
    QString describe() const;
    // "faithfulness κ 0.72 [0.61, 0.83] on 40 items; relevance: no labels yet", one entry per judged metric.
    QStringList agreementLines() const;
    const MetricAgreement *agreementOf(const QString &metric) const;
    QJsonObject toJson() const;

    // Looks each run up in the workspace; a missing run is reported, not an error.
    static QList<RunEvidence> collect(Workspace &workspace, const QList<qint64> &runIds);
};
