#include "core/eval/itemdetail.h"

#include "core/eval/datasetrepository.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/labelrepository.h"

const HumanLabel *ItemDetail::labelOf(const QString &reviewer, const QString &metric) const
{
    for (const HumanLabel &label : labels)
        if (label.reviewer == reviewer && label.metric == metric)
            return &label;
    return nullptr;
}

Result<ItemDetail> ItemDetail::load(Workspace &workspace, qint64 runId, qint64 itemIndex)
{
    EvalRunRepository runs(workspace);
    auto run = runs.require(runId);
    if (!run)
        return run.error();
    auto item = DatasetRepository(workspace).item(run.value().datasetId, itemIndex);
    if (!item)
        return item.error();
    if (!item.value())
        return makeError(Error::Kind::Input, tr("item %1 is not in the dataset").arg(itemIndex));
    auto result = runs.result(runId, itemIndex);
    if (!result)
        return result.error();
    auto labels = LabelRepository(workspace).itemLabels(runId, itemIndex);
    if (!labels)
        return labels.error();
    return ItemDetail{run.value(), *item.value(), result.value(), labels.value()};
}
