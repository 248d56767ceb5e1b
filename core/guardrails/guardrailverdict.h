#pragma once

#include "core/common/result.h"
#include "core/guardrails/guardrailfinding.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QStringList>

#include <optional>

// What a guardrail did to one call: whether it intervened (blocked, or masked sensitive data), what
// the model said before it did, and every assessment entry the trace holds. Read from a Converse
// trace (`trace.guardrail`), an ApplyGuardrail answer, or a RetrieveAndGenerate guardrailAction
// (which says only whether it intervened).
struct GuardrailVerdict
{
    Q_DECLARE_TR_FUNCTIONS(GuardrailVerdict)

public:
    bool intervened = false;
    QString actionReason;
    QStringList modelOutput; // the model's own answer, when the guardrail replaced it
    QStringList outputs; // ApplyGuardrail: the text after the guardrail (masked or its blocked message)
    QList<GuardrailFinding> findings;
    qint64 units = 0; // policy units over every policy, what guardrails are priced by

    // The distinct policies (topic, content, word, pii, grounding) with a fired entry, in that order.
    QStringList firedPolicies() const;
    // A fired content filter's types (PROMPT_ATTACK, INSULTS, …).
    QStringList firedFilterTypes() const;
    // The grounding or relevance filter's entry, when the output was checked for it.
    std::optional<GuardrailFinding> grounding(const QString &type = QStringLiteral("GROUNDING")) const;
    bool anonymized() const;

    // `trace.guardrail` of a Converse answer or ConverseStream metadata event; `intervened` is the
    // answer's stopReason == guardrail_intervened. A trace of the wrong shape is a Service error
    // naming the field.
    static Result<GuardrailVerdict> fromConverseTrace(const QJsonValue &trace, bool intervened);
    // A whole ApplyGuardrail answer, with `stage` ("input" or "output") the source it checked.
    static Result<GuardrailVerdict> fromApplyAnswer(const QJsonObject &answer, const QString &stage);
    // The findings of one assessment object, appended to `verdict`, with its units.
    static Status readAssessment(const QJsonValue &assessment, const QString &stage, GuardrailVerdict &verdict);

    // Two checks of one item (input, then output) as one verdict.
    void merge(const GuardrailVerdict &other);

    QJsonObject toJson() const;
    static GuardrailVerdict fromJson(const QJsonObject &object);
};

Q_DECLARE_METATYPE(GuardrailVerdict)
