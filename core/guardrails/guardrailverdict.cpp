#include "core/guardrails/guardrailverdict.h"

#include <QJsonArray>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

const QStringList policyOrder{u"topic"_s, u"content"_s, u"word"_s, u"pii"_s, u"grounding"_s};

Error malformed(const QString &field, const QString &expected)
{
    return makeError(Error::Kind::Service,
                     GuardrailVerdict::tr("the guardrail's answer is malformed: %1 is not %2").arg(field, expected));
}

// Each entry of `entries` (an array of objects) as a finding of `policy`.
Status readEntries(const QJsonValue &entries, const QString &field, const QString &policy, const QString &stage,
                   const std::function<void(const QJsonObject &, GuardrailFinding &)> &fill,
                   QList<GuardrailFinding> &findings)
{
    if (entries.isUndefined() || entries.isNull())
        return Done{};
    if (!entries.isArray())
        return malformed(field, GuardrailVerdict::tr("a list"));
    for (const QJsonValue &value : entries.toArray()) {
        if (!value.isObject())
            return malformed(field, GuardrailVerdict::tr("a list of objects"));
        const QJsonObject entry = value.toObject();
        GuardrailFinding finding;
        finding.policy = policy;
        finding.stage = stage;
        finding.action = entry.value("action"_L1).toString();
        finding.detected = entry.value("detected"_L1).toBool(finding.fired());
        fill(entry, finding);
        findings << finding;
    }
    return Done{};
}

} // namespace

QStringList GuardrailVerdict::firedPolicies() const
{
    QStringList fired;
    for (const QString &policy : policyOrder) {
        for (const GuardrailFinding &finding : findings) {
            if (finding.policy == policy && finding.fired()) {
                fired << policy;
                break;
            }
        }
    }
    return fired;
}

QStringList GuardrailVerdict::firedFilterTypes() const
{
    QStringList types;
    for (const GuardrailFinding &finding : findings)
        if (finding.policy == "content"_L1 && finding.fired() && !types.contains(finding.type))
            types << finding.type;
    return types;
}

std::optional<GuardrailFinding> GuardrailVerdict::grounding(const QString &type) const
{
    for (const GuardrailFinding &finding : findings)
        if (finding.policy == "grounding"_L1 && finding.type == type)
            return finding;
    return std::nullopt;
}

bool GuardrailVerdict::anonymized() const
{
    return std::any_of(findings.cbegin(), findings.cend(),
                       [](const GuardrailFinding &finding) { return finding.action == "ANONYMIZED"_L1; });
}

Status GuardrailVerdict::readAssessment(const QJsonValue &value, const QString &stage, GuardrailVerdict &verdict)
{
    if (!value.isObject())
        return malformed(u"an assessment"_s, tr("an object"));
    const QJsonObject assessment = value.toObject();
    QList<GuardrailFinding> &found = verdict.findings;
    const auto field
        = [&](const QString &policy, const QString &list) { return assessment.value(policy).toObject().value(list); };
    Status read = readEntries(
        field(u"topicPolicy"_s, u"topics"_s), u"topicPolicy.topics"_s, u"topic"_s, stage,
        [](const QJsonObject &entry, GuardrailFinding &finding) { finding.type = entry.value("name"_L1).toString(); },
        found);
    if (read)
        read = readEntries(
            field(u"contentPolicy"_s, u"filters"_s), u"contentPolicy.filters"_s, u"content"_s, stage,
            [](const QJsonObject &entry, GuardrailFinding &finding) {
                finding.type = entry.value("type"_L1).toString();
                finding.confidence = entry.value("confidence"_L1).toString();
                finding.strength = entry.value("filterStrength"_L1).toString();
            },
            found);
    const auto word = [](const QJsonObject &entry, GuardrailFinding &finding) {
        finding.match = entry.value("match"_L1).toString();
        finding.type = finding.match;
    };
    if (read)
        read = readEntries(field(u"wordPolicy"_s, u"customWords"_s), u"wordPolicy.customWords"_s, u"word"_s, stage,
                           word, found);
    if (read)
        read = readEntries(field(u"wordPolicy"_s, u"managedWordLists"_s), u"wordPolicy.managedWordLists"_s, u"word"_s,
                           stage, word, found);
    if (read)
        read = readEntries(
            field(u"sensitiveInformationPolicy"_s, u"piiEntities"_s), u"sensitiveInformationPolicy.piiEntities"_s,
            u"pii"_s, stage,
            // The matched PII itself is not kept (GuardrailFinding::match).
            [](const QJsonObject &entry, GuardrailFinding &finding) {
                finding.type = entry.value("type"_L1).toString();
            },
            found);
    if (read)
        read = readEntries(
            field(u"sensitiveInformationPolicy"_s, u"regexes"_s), u"sensitiveInformationPolicy.regexes"_s, u"pii"_s,
            stage,
            [](const QJsonObject &entry, GuardrailFinding &finding) {
                finding.type = entry.value("name"_L1).toString();
            },
            found);
    if (read)
        read = readEntries(
            field(u"contextualGroundingPolicy"_s, u"filters"_s), u"contextualGroundingPolicy.filters"_s, u"grounding"_s,
            stage,
            [](const QJsonObject &entry, GuardrailFinding &finding) {
                finding.type = entry.value("type"_L1).toString();
                finding.score = entry.value("score"_L1).toDouble(-1);
                finding.threshold = entry.value("threshold"_L1).toDouble(-1);
            },
            found);
    if (!read)
        return read;
    const QJsonObject usage = assessment.value("invocationMetrics"_L1).toObject().value("usage"_L1).toObject();
    for (auto it = usage.constBegin(); it != usage.constEnd(); ++it)
        if (it.key().endsWith("PolicyUnits"_L1))
            verdict.units += qMax<qint64>(0, it.value().toInteger());
    return Done{};
}

Result<GuardrailVerdict> GuardrailVerdict::fromConverseTrace(const QJsonValue &value, bool intervened)
{
    GuardrailVerdict verdict;
    verdict.intervened = intervened;
    if (value.isUndefined() || value.isNull())
        return verdict;
    if (!value.isObject())
        return malformed(u"trace.guardrail"_s, tr("an object"));
    const QJsonObject trace = value.toObject();
    verdict.actionReason = trace.value("actionReason"_L1).toString();
    for (const QJsonValue &output : trace.value("modelOutput"_L1).toArray())
        verdict.modelOutput << output.toString();
    const QJsonValue input = trace.value("inputAssessment"_L1);
    if (!input.isUndefined() && !input.isObject())
        return malformed(u"trace.guardrail.inputAssessment"_s, tr("an object"));
    for (const QJsonValue &assessment : input.toObject())
        if (const Status read = readAssessment(assessment, u"input"_s, verdict); !read)
            return read.error();
    const QJsonValue outputs = trace.value("outputAssessments"_L1);
    if (!outputs.isUndefined() && !outputs.isObject())
        return malformed(u"trace.guardrail.outputAssessments"_s, tr("an object"));
    for (const QJsonValue &list : outputs.toObject()) {
        if (!list.isArray())
            return malformed(u"trace.guardrail.outputAssessments"_s, tr("a map of lists"));
        for (const QJsonValue &assessment : list.toArray())
            if (const Status read = readAssessment(assessment, u"output"_s, verdict); !read)
                return read.error();
    }
    return verdict;
}

Result<GuardrailVerdict> GuardrailVerdict::fromApplyAnswer(const QJsonObject &answer, const QString &stage)
{
    GuardrailVerdict verdict;
    const QString action = answer.value("action"_L1).toString();
    if (action != "GUARDRAIL_INTERVENED"_L1 && action != "NONE"_L1)
        return makeError(
            Error::Kind::Service,
            tr("the ApplyGuardrail answer's action is \"%1\", neither GUARDRAIL_INTERVENED nor NONE").arg(action));
    verdict.intervened = action == "GUARDRAIL_INTERVENED"_L1;
    verdict.actionReason = answer.value("actionReason"_L1).toString();
    const QJsonValue outputs = answer.value("outputs"_L1);
    if (!outputs.isUndefined() && !outputs.isArray())
        return malformed(u"outputs"_s, tr("a list"));
    for (const QJsonValue &output : outputs.toArray())
        verdict.outputs << output.toObject().value("text"_L1).toString();
    const QJsonValue assessments = answer.value("assessments"_L1);
    if (!assessments.isUndefined() && !assessments.isArray())
        return malformed(u"assessments"_s, tr("a list"));
    for (const QJsonValue &assessment : assessments.toArray())
        if (const Status read = readAssessment(assessment, stage, verdict); !read)
            return read.error();
    // The answer's own usage is authoritative; assessments repeat it when they carry metrics.
    const QJsonObject usage = answer.value("usage"_L1).toObject();
    if (!usage.isEmpty()) {
        verdict.units = 0;
        for (auto it = usage.constBegin(); it != usage.constEnd(); ++it)
            if (it.key().endsWith("PolicyUnits"_L1))
                verdict.units += qMax<qint64>(0, it.value().toInteger());
    }
    return verdict;
}

void GuardrailVerdict::merge(const GuardrailVerdict &other)
{
    intervened = intervened || other.intervened;
    if (actionReason.isEmpty())
        actionReason = other.actionReason;
    modelOutput << other.modelOutput;
    outputs << other.outputs;
    findings << other.findings;
    units += other.units;
}

QJsonObject GuardrailVerdict::toJson() const
{
    QJsonArray entries;
    for (const GuardrailFinding &finding : findings)
        entries.append(finding.toJson());
    QJsonObject object{{"intervened"_L1, intervened},
                       {"policies"_L1, QJsonArray::fromStringList(firedPolicies())},
                       {"findings"_L1, entries},
                       {"units"_L1, units}};
    if (!actionReason.isEmpty())
        object.insert("action_reason"_L1, actionReason);
    if (!modelOutput.isEmpty())
        object.insert("model_output"_L1, QJsonArray::fromStringList(modelOutput));
    if (!outputs.isEmpty())
        object.insert("outputs"_L1, QJsonArray::fromStringList(outputs));
    return object;
}

GuardrailVerdict GuardrailVerdict::fromJson(const QJsonObject &object)
{
    GuardrailVerdict verdict;
    verdict.intervened = object.value("intervened"_L1).toBool();
    verdict.actionReason = object.value("action_reason"_L1).toString();
    for (const QJsonValue &text : object.value("model_output"_L1).toArray())
        verdict.modelOutput << text.toString();
    for (const QJsonValue &text : object.value("outputs"_L1).toArray())
        verdict.outputs << text.toString();
    for (const QJsonValue &entry : object.value("findings"_L1).toArray())
        verdict.findings << GuardrailFinding::fromJson(entry.toObject());
    verdict.units = object.value("units"_L1).toInteger();
    return verdict;
}
