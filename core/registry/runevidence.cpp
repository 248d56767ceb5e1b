#include "core/registry/runevidence.h"

#include "core/eval/evaljson.h"
#include "core/eval/qualitygate.h"
#include "core/eval/runsummary.h"

#include <QJsonArray>

QString RunEvidence::describe() const
{
    if (!found)
        return tr("run %1: %2").arg(runId).arg(problem);
    const QString run = tr("run %1 \"%2\"").arg(runId).arg(name);
    if (!problem.isEmpty())
        return run + QStringLiteral(": ") + problem;
    return tr("%1: every gate passed (%2)").arg(run, gates.join(QStringLiteral("; ")));
}

QStringList RunEvidence::agreementLines() const
{
    QStringList lines;
    for (const QString &metric : judgedMetrics) {
        const MetricAgreement *figures = agreementOf(metric);
        lines << (figures ? tr("%1 %2").arg(metric, figures->describe()) : tr("%1: no labels yet").arg(metric));
    }
    return lines;
}

const MetricAgreement *RunEvidence::agreementOf(const QString &metric) const
{
    for (const MetricAgreement &figures : agreement)
        if (figures.metric == metric)
            return &figures;
    return nullptr;
}

QJsonObject RunEvidence::toJson() const
{
    QJsonArray agreements;
    for (const MetricAgreement &figures : agreement)
        agreements.append(QJsonObject{
            {QStringLiteral("metric"), figures.metric},
            {QStringLiteral("n"), figures.labelledItems},
            {QStringLiteral("kappa"), figures.judgeKappa.kappa ? QJsonValue(*figures.judgeKappa.kappa) : QJsonValue()},
            {QStringLiteral("kappa_ci95"), EvalJson::interval(figures.judgeKappa.ci95)},
            {QStringLiteral("trustworthy"), figures.trustworthy()}});
    return {{QStringLiteral("agreement"), agreements},
            {QStringLiteral("run_id"), runId},
            {QStringLiteral("name"), name},
            {QStringLiteral("found"), found},
            {QStringLiteral("status"), status},
            {QStringLiteral("gates"), QJsonArray::fromStringList(gates)},
            {QStringLiteral("passed"), passes()},
            {QStringLiteral("problem"), problem}};
}

QList<RunEvidence> RunEvidence::collect(Workspace &workspace, const QList<qint64> &runIds)
{
    QList<RunEvidence> result;
    for (qint64 runId : runIds) {
        RunEvidence evidence;
        evidence.runId = runId;
        auto summary = RunSummary::compute(workspace, runId);
        if (!summary) {
            evidence.problem = tr("not in this workspace (%1)").arg(summary.error().message);
            result << evidence;
            continue;
        }
        const EvalRun &run = summary.value().run;
        evidence.found = true;
        evidence.name = run.name;
        evidence.status = run.displayStatus();
        // Gates on a run that is still going (or was stopped) describe items that happen to be done.
        evidence.finished = run.status == EvalRun::Status::Completed || run.status == EvalRun::Status::Imported;
        QStringList failures;
        for (const Gate &gate : summary.value().gates) {
            const QString value = gate.value ? QualityGate::formatScore(*gate.value, gate.threshold) : tr("no values");
            evidence.gates
                << tr("%1: %2 %3").arg(QualityGate::describe(gate), value, gate.passed ? tr("passed") : tr("failed"));
            if (!gate.passed)
                failures
                    << tr("gate %1 failed (%2)").arg(QualityGate::describe(gate), QualityGate::failureMessage(gate));
        }
        evidence.gatesPassed = summary.value().gatesPassed();
        evidence.judgedMetrics = JudgeAgreement::judgedMetrics(run.settings.metrics);
        if (auto agreement = JudgeAgreement::compute(workspace, runId))
            evidence.agreement = agreement.value();
        if (!evidence.finished)
            evidence.problem = tr("the run is %1, not finished").arg(evidence.status.toLower());
        else if (evidence.gates.isEmpty())
            evidence.problem = tr("the run has no quality gates, so it proves nothing");
        else if (!evidence.gatesPassed)
            evidence.problem = failures.join(QStringLiteral("; "));
        result << evidence;
    }
    return result;
}
