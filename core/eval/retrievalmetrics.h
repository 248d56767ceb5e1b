#pragma once

#include "core/eval/evaltypes.h"

// How well the contexts an item retrieved cover its reference answer, by words (no model): the
// retrieval half of a RAG pipeline scored on its own, as `eval run --retrieve-only` does.
//   context_recall     share of the reference's distinct content words found in the contexts
//   context_precision  average precision of the ranked contexts, a context being relevant when it
//                      holds at least `relevantShare` of the reference's distinct content words
class RetrievalMetrics
{
public:
    static constexpr double relevantShare = 0.3;

    static MetricScore score(const QString &metric, const EvalItem &item);
};
