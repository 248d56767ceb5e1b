#include "eval/runsummary.h"

#include "eval/datasetrepository.h"
#include "eval/evalrunrepository.h"
#include "eval/metricstatistics.h"
#include "eval/qualitygate.h"

#include <QCoreApplication>
#include <QJsonArray>

Result<RunSummary> RunSummary::compute(Workspace &workspace, qint64 runId)
{
    EvalRunRepository runs(workspace);
    auto run = runs.find(runId);
    if (!run)
        return run.error();
    if (!run.value())
        return makeError(Error::Kind::Input, QCoreApplication::translate("RunSummary", "no evaluation run %1 (see `genaiops eval list`)").arg(runId));
    RunSummary summary;
    summary.run = *run.value();
    for (const QString &metric : summary.run.settings.metrics) {
        auto values = runs.metricValues(runId, metric);
        if (!values)
            return values.error();
        summary.metrics << MetricStatistics::summarize(metric, values.value(), summary.run.settings.threshold(metric));
    }
    for (const QString &text : summary.run.settings.gates) {
        auto gate = QualityGate::parse(text);
        if (!gate)
            return gate.error();
        summary.gates << gate.value();
    }
    QualityGate::evaluate(summary.gates, summary.metrics);
    auto dataset = DatasetRepository(workspace).find(summary.run.datasetId);
    if (dataset && dataset.value())
        summary.skipped = dataset.value()->skipped;
    return summary;
}

bool RunSummary::gatesPassed() const
{
    return QualityGate::allPassed(gates);
}

QJsonObject RunSummary::toJson() const
{
    QJsonArray skippedLines;
    for (const SkippedLine &line : skipped)
        skippedLines.append(QJsonObject{{QStringLiteral("line"), line.line}, {QStringLiteral("reason"), line.reason}});
    QJsonObject metricObject;
    for (const MetricSummary &metric : metrics) {
        metricObject.insert(metric.metric, QJsonObject{{QStringLiteral("mean"), metric.mean},
                                                       {QStringLiteral("median"), metric.median},
                                                       {QStringLiteral("p10"), metric.p10},
                                                       {QStringLiteral("min"), metric.min},
                                                       {QStringLiteral("max"), metric.max},
                                                       {QStringLiteral("count"), metric.count},
                                                       {QStringLiteral("pass_rate"), metric.passRate}});
    }
    QJsonArray gateArray;
    for (const Gate &gate : gates) {
        gateArray.append(QJsonObject{{QStringLiteral("metric"), gate.metric},
                                     {QStringLiteral("op"), gate.op},
                                     {QStringLiteral("threshold"), gate.threshold},
                                     {QStringLiteral("value"), gate.value ? QJsonValue(*gate.value) : QJsonValue()},
                                     {QStringLiteral("passed"), gate.passed}});
    }
    return {{QStringLiteral("run_id"), run.id},
            {QStringLiteral("name"), run.name},
            {QStringLiteral("status"), run.displayStatus()},
            {QStringLiteral("dataset"), run.datasetName},
            {QStringLiteral("dataset_version"), run.datasetVersion},
            {QStringLiteral("model"), run.model},
            {QStringLiteral("judge_model"), run.judgeModel},
            {QStringLiteral("items"), run.itemCount},
            {QStringLiteral("completed"), run.completed},
            {QStringLiteral("failed"), run.failed},
            {QStringLiteral("input_tokens"), run.inputTokens},
            {QStringLiteral("output_tokens"), run.outputTokens},
            {QStringLiteral("cost_usd"), run.costUsd},
            {QStringLiteral("skipped_lines"), skippedLines},
            {QStringLiteral("metrics"), metricObject},
            {QStringLiteral("gates"), gateArray}};
}
