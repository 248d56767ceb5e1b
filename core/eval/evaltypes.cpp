#include "core/eval/evaltypes.h"

#include <algorithm>

QJsonObject RunSettings::toJson() const
{
    QJsonObject limits;
    for (auto it = thresholds.cbegin(); it != thresholds.cend(); ++it)
        limits.insert(it.key(), it.value());
    return {{QStringLiteral("responses_from_dataset"), responsesFromDataset},
            {QStringLiteral("generator"), generator.toJson()},
            {QStringLiteral("judge"), judge.toJson()},
            {QStringLiteral("metrics"), QJsonArray::fromStringList(metrics)},
            {QStringLiteral("concurrency"), concurrency},
            {QStringLiteral("item_timeout_ms"), itemTimeoutMs},
            {QStringLiteral("faithfulness_statements_prompt"), faithfulnessStatementsPrompt},
            {QStringLiteral("faithfulness_verdicts_prompt"), faithfulnessVerdictsPrompt},
            {QStringLiteral("relevance_prompt"), relevancePrompt},
            {QStringLiteral("thresholds"), limits},
            {QStringLiteral("gates"), QJsonArray::fromStringList(gates)},
            {QStringLiteral("cluster_by"), clusterBy},
            {QStringLiteral("baseline_run_id"), baselineRunId},
            {QStringLiteral("repeats"), repeats},
            {QStringLiteral("judge_repeats"), judgeRepeats},
            {QStringLiteral("generation_system_prompt"), generationSystemPrompt},
            {QStringLiteral("temperature"), temperature ? QJsonValue(*temperature) : QJsonValue()},
            {QStringLiteral("max_tokens"), maxTokens},
            {QStringLiteral("guardrail"), guardrail.toJson()},
            {QStringLiteral("guard_stages"), QJsonArray::fromStringList(guardStages)}};
}

RunSettings RunSettings::fromJson(const QJsonObject &object)
{
    RunSettings settings;
    settings.responsesFromDataset = object.value(QStringLiteral("responses_from_dataset")).toBool(true);
    settings.generator = ProviderSelection::fromJson(object.value(QStringLiteral("generator")).toObject());
    settings.judge = ProviderSelection::fromJson(object.value(QStringLiteral("judge")).toObject());
    for (const QJsonValue &metric : object.value(QStringLiteral("metrics")).toArray())
        settings.metrics << metric.toString();
    settings.concurrency = object.value(QStringLiteral("concurrency")).toInt(4);
    settings.itemTimeoutMs = object.value(QStringLiteral("item_timeout_ms")).toInt(120000);
    settings.faithfulnessStatementsPrompt = object.value(QStringLiteral("faithfulness_statements_prompt")).toString();
    settings.faithfulnessVerdictsPrompt = object.value(QStringLiteral("faithfulness_verdicts_prompt")).toString();
    settings.relevancePrompt = object.value(QStringLiteral("relevance_prompt")).toString();
    const QJsonObject limits = object.value(QStringLiteral("thresholds")).toObject();
    for (auto it = limits.constBegin(); it != limits.constEnd(); ++it)
        settings.thresholds.insert(it.key(), it.value().toDouble());
    for (const QJsonValue &gate : object.value(QStringLiteral("gates")).toArray())
        settings.gates << gate.toString();
    settings.clusterBy = object.value(QStringLiteral("cluster_by")).toString();
    settings.baselineRunId = object.value(QStringLiteral("baseline_run_id")).toInteger();
    settings.repeats = std::max(1, object.value(QStringLiteral("repeats")).toInt(1));
    settings.judgeRepeats = std::max(1, object.value(QStringLiteral("judge_repeats")).toInt(1));
    settings.generationSystemPrompt = object.value(QStringLiteral("generation_system_prompt")).toString();
    if (object.value(QStringLiteral("temperature")).isDouble())
        settings.temperature = object.value(QStringLiteral("temperature")).toDouble();
    settings.maxTokens = std::max(1, object.value(QStringLiteral("max_tokens")).toInt(1024));
    settings.guardrail = ProviderSelection::fromJson(object.value(QStringLiteral("guardrail")).toObject());
    if (object.contains(QStringLiteral("guard_stages"))) {
        settings.guardStages.clear();
        for (const QJsonValue &stage : object.value(QStringLiteral("guard_stages")).toArray())
            settings.guardStages << stage.toString();
    }
    return settings;
}

GuardrailSetting RunSettings::generatorGuardrail() const
{
    if (!guardsThroughGenerator())
        return {};
    const auto parsed = GuardrailSetting::parse(
        guardrail.guardrail, guardrail.guardrailTrace.isEmpty() ? QStringLiteral("enabled") : guardrail.guardrailTrace);
    return parsed ? parsed.value() : GuardrailSetting{};
}

QString EvalRun::statusName(Status status)
{
    switch (status) {
    case Status::Running:
        return QStringLiteral("running");
    case Status::Completed:
        return QStringLiteral("completed");
    case Status::Cancelled:
        return QStringLiteral("cancelled");
    case Status::Failed:
        return QStringLiteral("failed");
    case Status::Imported:
        return QStringLiteral("imported");
    }
    return {};
}

QString EvalRun::displayStatus() const
{
    return interrupted ? QStringLiteral("interrupted") : statusName(status);
}

EvalRun::Status EvalRun::statusFromName(const QString &name)
{
    for (Status status : {Status::Running, Status::Completed, Status::Cancelled, Status::Failed, Status::Imported}) {
        if (statusName(status) == name)
            return status;
    }
    return Status::Failed;
}
