#pragma once

#include <QString>
#include <QStringList>

// Text a guardrail is to look at in a particular way: Converse's guardContent block and
// ApplyGuardrail's content block. Qualifiers: grounding_source (what the answer must rest on),
// query (what the answer must be relevant to), guard_content (checked by the input policies).
struct GuardedText
{
    QString text;
    QStringList qualifiers;
};
