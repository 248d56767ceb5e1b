#pragma once

#include "core/guardrails/guardrailverdict.h"
#include "core/knowledgebase/citation.h"
#include "core/knowledgebase/retrievedpassage.h"

#include <QCoreApplication>

// HTML for what a guardrail did and for a Knowledge Base's cited answer, shared by the Playground's
// columns and the Evaluations panel's item detail.
class GuardrailHtml
{
    Q_DECLARE_TR_FUNCTIONS(GuardrailHtml)

public:
    // "Guardrail intervened" (or "passed") in plain words, each policy that fired with its action and
    // stage, grounding and relevance scores against their thresholds, and the model's own answer
    // beside what the guardrail let through when the trace has it.
    static QString verdict(const GuardrailVerdict &verdict, const QString &shownText = {});
    // The answer with a numbered mark after each cited part (a link to its passage, "#passage-N"),
    // the cited parts highlighted, then the numbered passages with their source URIs.
    static QString citedAnswer(const QString &text, const QList<Citation> &citations,
                               const QList<RetrievedPassage> &passages);
};
