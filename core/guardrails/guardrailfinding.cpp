#include "core/guardrails/guardrailfinding.h"

using namespace Qt::StringLiterals;

QString GuardrailFinding::describe() const
{
    QString what;
    if (policy == "topic"_L1)
        what = tr("topic \"%1\"").arg(type);
    else if (policy == "content"_L1)
        what = tr("content filter %1 (confidence %2)").arg(type, confidence.isEmpty() ? u"?"_s : confidence);
    else if (policy == "word"_L1)
        what = tr("word \"%1\"").arg(match.isEmpty() ? type : match);
    else if (policy == "pii"_L1)
        what = tr("PII %1").arg(type);
    else if (policy == "grounding"_L1)
        what = tr("%1 %2 against threshold %3")
                   .arg(type.toLower(), QString::number(score, 'f', 2), QString::number(threshold, 'f', 2));
    else
        what = type;
    QString done = action.toLower();
    if (action == "BLOCKED"_L1)
        done = tr("blocked");
    else if (action == "ANONYMIZED"_L1)
        done = tr("masked");
    else if (action == "NONE"_L1)
        done = tr("no action");
    const QString where = stage == "input"_L1 ? tr("input") : stage == "output"_L1 ? tr("output") : stage;
    return tr("%1: %2 (%3)").arg(what, done, where);
}

QJsonObject GuardrailFinding::toJson() const
{
    QJsonObject object{{"policy"_L1, policy},
                       {"stage"_L1, stage},
                       {"type"_L1, type},
                       {"action"_L1, action},
                       {"detected"_L1, detected}};
    if (!match.isEmpty())
        object.insert("match"_L1, match);
    if (!confidence.isEmpty())
        object.insert("confidence"_L1, confidence);
    if (!strength.isEmpty())
        object.insert("strength"_L1, strength);
    if (score >= 0)
        object.insert("score"_L1, score);
    if (threshold >= 0)
        object.insert("threshold"_L1, threshold);
    return object;
}

GuardrailFinding GuardrailFinding::fromJson(const QJsonObject &object)
{
    GuardrailFinding finding;
    finding.policy = object.value("policy"_L1).toString();
    finding.stage = object.value("stage"_L1).toString();
    finding.type = object.value("type"_L1).toString();
    finding.action = object.value("action"_L1).toString();
    finding.detected = object.value("detected"_L1).toBool();
    finding.match = object.value("match"_L1).toString();
    finding.confidence = object.value("confidence"_L1).toString();
    finding.strength = object.value("strength"_L1).toString();
    finding.score = object.value("score"_L1).toDouble(-1);
    finding.threshold = object.value("threshold"_L1).toDouble(-1);
    return finding;
}
