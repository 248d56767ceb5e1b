#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

// One entry of a guardrail assessment: a denied topic, a content filter, a word, a PII entity or
// regex, or a contextual-grounding filter, as checked on the input or on the output.
struct GuardrailFinding
{
    Q_DECLARE_TR_FUNCTIONS(GuardrailFinding)

public:
    // The policy families a run counts (RunSummary's by_policy): topic, content, word, pii (PII
    // entities and regexes) and grounding (grounding and relevance).
    QString policy;
    QString stage; // "input" or "output"
    QString
        type; // topic name, filter type (PROMPT_ATTACK), PII type or regex name, GROUNDING|RELEVANCE; a word's match
    QString action; // BLOCKED, ANONYMIZED or NONE
    bool detected = false;
    // The matched word, when the service gives it. Never a PII match: keeping it would undo the
    // masking in every place the finding is stored, exported or shown.
    QString match;
    QString confidence; // content filters: NONE, LOW, MEDIUM, HIGH
    QString strength; // content filters' filterStrength
    double score = -1; // grounding filters; -1 when not given
    double threshold = -1;

    // The policy acted: Bedrock's rule is that an entry fired where its action is not NONE.
    bool fired() const { return !action.isEmpty() && action != QLatin1String("NONE"); }
    // "PII EMAIL anonymized (input)", "grounding 0.31 < 0.50 blocked (output)": for tables and tooltips.
    QString describe() const;

    QJsonObject toJson() const;
    static GuardrailFinding fromJson(const QJsonObject &object);
};
