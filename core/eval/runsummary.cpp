#include "core/eval/runsummary.h"

#include "core/eval/datasetrepository.h"
#include "core/eval/evaljson.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/itemgroups.h"
#include "core/eval/metricstatistics.h"
#include "core/eval/qualitygate.h"
#include "core/eval/runcomparison.h"
#include "core/eval/runscores.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace {

qint64 unstableItems(const std::vector<QList<double>> &repeats, double threshold)
{
    return std::count_if(repeats.cbegin(), repeats.cend(), [threshold](const QList<double> &scores) {
        return MetricStatistics::crossesThreshold(scores, threshold);
    });
}

VarianceParts varianceOf(const std::vector<QList<double>> &repeats, int generations, int judgeCalls)
{
    QList<QList<QList<double>>> matrices;
    for (const QList<double> &scores : repeats) {
        if (scores.size() != qsizetype(generations) * judgeCalls)
            continue; // a failed repeat: this item's matrix is incomplete
        QList<QList<double>> matrix;
        for (int generation = 0; generation < generations; ++generation)
            matrix.append(scores.mid(qsizetype(generation) * judgeCalls, judgeCalls));
        matrices.append(matrix);
    }
    return VarianceParts::estimate(matrices);
}

} // namespace

Result<RunSummary> RunSummary::figures(Workspace &workspace, qint64 runId)
{
    auto scores = RunScores::load(workspace, runId, RunScores::Keys::None);
    if (!scores)
        return scores.error();
    RunSummary summary;
    summary.run = scores.value().run;
    const RunSettings &settings = summary.run.settings;
    QHash<qint64, qint64> groupOf;
    if (!settings.clusterBy.isEmpty()) {
        auto groups = ItemGroups::load(workspace, summary.run.datasetId, settings.clusterBy);
        if (!groups)
            return groups.error();
        groupOf = groups.value();
    }
    for (const QString &metric : settings.metrics) {
        const std::vector<double> *column = scores.value().metric(metric);
        QList<double> values;
        QList<qint64> groups;
        for (size_t i = 0; column && i < column->size(); ++i) {
            if (!std::isfinite((*column)[i]))
                continue;
            values.append((*column)[i]);
            if (!groupOf.isEmpty())
                groups.append(groupOf.value(scores.value().items[i], -1 - qint64(i))); // no field: a group of its own
        }
        MetricSummary metricSummary = MetricStatistics::summarize(metric, values, settings.threshold(metric), groups);
        const auto repeats = scores.value().repeats.constFind(metric);
        if (repeats != scores.value().repeats.cend()) {
            metricSummary.unstable = unstableItems(*repeats, settings.threshold(metric));
            // A lexical metric is computed once per response: one score per generation.
            summary.variance.insert(
                metric, varianceOf(*repeats, settings.repeats, Metrics::isLexical(metric) ? 1 : settings.judgeRepeats));
        }
        summary.metrics << metricSummary;
    }
    if (settings.isGuarded()) {
        auto verdicts = EvalRunRepository(workspace).guardrailVerdicts(runId);
        if (!verdicts)
            return verdicts.error();
        summary.guardrail = GuardrailSummary::of(verdicts.value());
        summary.metrics << summary.guardrail->asMetric();
    }
    return summary;
}

Result<RunSummary> RunSummary::compute(Workspace &workspace, qint64 runId)
{
    auto figured = figures(workspace, runId);
    if (!figured)
        return figured.error();
    RunSummary &summary = figured.value();
    auto errors = EvalRunRepository(workspace).errorCount(runId);
    if (!errors)
        return errors.error();
    summary.results = errors.value().results;
    summary.itemsWithErrors = errors.value().withErrors;
    const RunSettings &settings = summary.run.settings;
    bool regressionGates = false;
    for (const QString &text : settings.gates) {
        auto gate = QualityGate::parse(text);
        if (!gate)
            return gate.error();
        regressionGates = regressionGates || gate.value().statistic == Gate::Statistic::NoRegression;
        summary.gates << gate.value();
    }
    QualityGate::evaluate(summary.gates, summary.metrics);
    if (regressionGates) {
        QList<RegressionCheck> checks;
        QString missing = QCoreApplication::translate("RunSummary", "no baseline run: give --baseline RUN_ID");
        if (settings.baselineRunId > 0) {
            auto comparison = RunComparison::compute(workspace, settings.baselineRunId, runId, {},
                                                     RunComparison::Questions::Without);
            if (!comparison) {
                missing = QCoreApplication::translate("RunSummary", "the baseline run %1 cannot be compared: %2")
                              .arg(settings.baselineRunId)
                              .arg(comparison.error().describe());
            } else {
                checks = comparison.value().regressionChecks();
                missing.clear(); // a metric without a check was not scored in both runs
            }
        }
        QualityGate::evaluateRegression(summary.gates, checks, missing);
    }
    auto dataset = DatasetRepository(workspace).find(summary.run.datasetId);
    if (dataset && dataset.value())
        summary.skipped = dataset.value()->skipped;
    return summary;
}

Result<QList<RunSummary>> RunSummary::all(Workspace &workspace)
{
    auto runs = EvalRunRepository(workspace).list();
    if (!runs)
        return runs.error();
    QList<RunSummary> summaries;
    for (const EvalRun &run : runs.value()) {
        auto summary = compute(workspace, run.id);
        if (summary) {
            summaries << summary.value();
            continue;
        }
        if (summary.error().kind == Error::Kind::Storage)
            return summary.error();
        // One run that cannot be summed up (a gate its version of the program cannot read, a
        // baseline deleted since) still belongs in the list, without figures.
        RunSummary bare;
        bare.run = run;
        summaries << bare;
    }
    return summaries;
}

bool RunSummary::gatesPassed() const
{
    return QualityGate::allPassed(gates);
}

const MetricSummary *RunSummary::metric(const QString &name) const
{
    for (const MetricSummary &summary : metrics) {
        if (summary.metric == name)
            return &summary;
    }
    return nullptr;
}

QJsonObject RunSummary::metricJson(const MetricSummary &metric)
{
    QJsonObject object{{QStringLiteral("mean"), metric.mean},
                       {QStringLiteral("se"), metric.ci95.isKnown() ? QJsonValue(metric.standardError) : QJsonValue()},
                       {QStringLiteral("ci95"), EvalJson::interval(metric.ci95)},
                       {QStringLiteral("median"), metric.median},
                       {QStringLiteral("median_ci95"), EvalJson::interval(metric.medianCi95)},
                       {QStringLiteral("p10"), metric.p10},
                       {QStringLiteral("min"), metric.min},
                       {QStringLiteral("max"), metric.max},
                       {QStringLiteral("count"), metric.count},
                       {QStringLiteral("pass_rate"), metric.passRate},
                       {QStringLiteral("pass_rate_ci95"), EvalJson::interval(metric.passRateCi95)}};
    if (metric.clusters > 0)
        object.insert(QStringLiteral("clusters"), metric.clusters);
    return object;
}

QJsonObject RunSummary::toJson() const
{
    QJsonArray skippedLines;
    for (const SkippedLine &line : skipped)
        skippedLines.append(QJsonObject{{QStringLiteral("line"), line.line}, {QStringLiteral("reason"), line.reason}});
    QJsonObject metricObject;
    for (const MetricSummary &metric : metrics) {
        QJsonObject object = metricJson(metric);
        object.insert(QStringLiteral("unscored_items"), unscored(metric));
        if (variance.contains(metric.metric)) {
            const VarianceParts &parts = variance.value(metric.metric);
            object.insert(QStringLiteral("unstable_items"), metric.unstable);
            object.insert(QStringLiteral("variance"),
                          QJsonObject{{QStringLiteral("between_items"), parts.betweenItems},
                                      {QStringLiteral("between_generations"), parts.betweenGenerations},
                                      {QStringLiteral("between_judge_calls"), parts.betweenJudgeCalls},
                                      {QStringLiteral("items"), parts.items}});
        }
        metricObject.insert(metric.metric, object);
    }
    QJsonArray gateArray;
    for (const Gate &gate : gates) {
        gateArray.append(QJsonObject{{QStringLiteral("gate"), QualityGate::describe(gate)},
                                     {QStringLiteral("metric"), gate.metric},
                                     {QStringLiteral("op"), gate.op},
                                     {QStringLiteral("threshold"), gate.threshold},
                                     {QStringLiteral("value"), gate.value ? QJsonValue(*gate.value) : QJsonValue()},
                                     {QStringLiteral("figures"), gate.figures},
                                     {QStringLiteral("passed"), gate.passed}});
    }
    QJsonObject object{{QStringLiteral("run_id"), run.id},
                       {QStringLiteral("name"), run.name},
                       {QStringLiteral("status"), run.displayStatus()},
                       {QStringLiteral("dataset"), run.datasetName},
                       {QStringLiteral("dataset_version"), run.datasetVersion},
                       {QStringLiteral("model"), run.model},
                       {QStringLiteral("judge_model"), run.judgeModel},
                       {QStringLiteral("items"), run.itemCount},
                       {QStringLiteral("completed"), run.completed},
                       {QStringLiteral("failed"), run.failed},
                       {QStringLiteral("items_with_errors"), itemsWithErrors},
                       {QStringLiteral("input_tokens"), run.inputTokens},
                       {QStringLiteral("output_tokens"), run.outputTokens},
                       {QStringLiteral("cost_usd"), run.costUsd},
                       {QStringLiteral("skipped_lines"), skippedLines},
                       {QStringLiteral("metrics"), metricObject},
                       {QStringLiteral("gates"), gateArray}};
    if (!run.settings.clusterBy.isEmpty())
        object.insert(QStringLiteral("cluster_by"), run.settings.clusterBy);
    if (run.settings.isRepeated()) {
        object.insert(QStringLiteral("repeats"), run.settings.repeats);
        object.insert(QStringLiteral("judge_repeats"), run.settings.judgeRepeats);
    }
    if (run.settings.baselineRunId > 0)
        object.insert(QStringLiteral("baseline_run_id"), run.settings.baselineRunId);
    if (guardrail) {
        QJsonObject guarded = guardrail->toJson();
        guarded.insert(QStringLiteral("guardrail"), run.settings.guardrail.guardrail);
        object.insert(QStringLiteral("guardrail"), guarded);
    }
    return object;
}
