#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"
#include "core/eval/humanlabel.h"

#include <QCoreApplication>

#include <optional>

class Workspace;

// Everything shown about one item of a run: the dataset's item, the run's result for it (when it
// has one) and the labels people gave it.
struct ItemDetail
{
    Q_DECLARE_TR_FUNCTIONS(ItemDetail)

public:
    EvalRun run;
    EvalItem item;
    std::optional<ItemResult> result;
    QList<HumanLabel> labels;

    // `reviewer`'s label of `metric`, when they gave one.
    const HumanLabel *labelOf(const QString &reviewer, const QString &metric) const;

    static Result<ItemDetail> load(Workspace &workspace, qint64 runId, qint64 itemIndex);
};
