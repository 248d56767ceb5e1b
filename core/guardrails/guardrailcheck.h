#pragma once

#include "core/guardrails/guardedtext.h"

#include <QList>
#include <QString>

// One ApplyGuardrail request: text checked as the model's input (source INPUT) or as its output
// (OUTPUT, where grounding_source and query blocks let the guardrail check the answer's grounding).
struct GuardrailCheck
{
    enum class Source { Input, Output };

    Source source = Source::Input;
    QList<GuardedText> content;
    bool fullOutput = false; // outputScope FULL: every entry checked, not only those that acted

    QString sourceName() const { return source == Source::Input ? QStringLiteral("INPUT") : QStringLiteral("OUTPUT"); }
    QString stage() const { return source == Source::Input ? QStringLiteral("input") : QStringLiteral("output"); }
};
