#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"
#include "core/eval/humanlabel.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

class Workspace;

// Human labels of a run's items (EvalSchema's eval_labels). A reviewer has one label per item and
// metric: storing another replaces theirs and nobody else's.
class LabelRepository
{
    Q_DECLARE_TR_FUNCTIONS(LabelRepository)

public:
    explicit LabelRepository(Workspace &workspace) : m_workspace(workspace) { }

    // Checks that the run exists and has the item and metric, then stores every label in one
    // transaction (none when one is refused). A label without createdAt is stamped now. `places`,
    // when given, names each label's origin for errors ("labels.jsonl:12").
    Status store(const QList<HumanLabel> &labels, const QStringList &places = {});
    // One label, handed back as stored (with its time).
    Result<HumanLabel> storeOne(HumanLabel label);
    // The run's labels (of one metric when `metric` is given), by metric, item and reviewer.
    Result<QList<HumanLabel>> labels(qint64 runId, const QString &metric = {}) const;
    // Every label of one item, by metric and reviewer.
    Result<QList<HumanLabel>> itemLabels(qint64 runId, qint64 itemIndex) const;

private:
    Result<QList<HumanLabel>> fetch(const QString &where, const QVariantMap &bindings) const;
    static Status checkTarget(const HumanLabel &label, const std::optional<EvalRun> &run, const QString &where);

    Workspace &m_workspace;
};
