#pragma once

#include "core/eval/evaltypes.h"
#include "core/eval/humanlabel.h"

#include <QCoreApplication>

#include <optional>

// The HTML of an item's detail, shared by the Evaluations panel's item pane and the review dialog:
// what the item asked and answered, the judge's scores with their explanations, people's labels.
class ItemDetailHtml
{
    Q_DECLARE_TR_FUNCTIONS(ItemDetailHtml)

public:
    // Heading, question, `scores`, the response that was scored, contexts and the reference. The
    // scores (scores() of the result, or nothing while the judge is hidden) come right after the
    // question: the explanations are what a reviewer reads first, long contexts after them.
    static QString item(const EvalItem &item, const std::optional<ItemResult> &result, const QString &scores = {});
    // Every score (only `metric`'s when given), each with its explanation and statement verdicts.
    static QString scores(const ItemResult &result, const QString &metric = {});
    static QString labels(const QList<HumanLabel> &labels);
    static QString escaped(const QString &text);
};
