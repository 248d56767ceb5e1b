#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"
#include "core/storage/batchinsert.h"

class Workspace;

// Writes the next version of a dataset and streams its items in batches. Use it inside
// Workspace::transaction(): begin() inserts the dataset row first so items can point at it, and
// finish() completes it, so a failure anywhere leaves nothing behind.
class DatasetWriter
{
public:
    explicit DatasetWriter(Workspace &workspace);

    Status begin(const QString &name, const QString &sourcePath);
    // Numbers the item (EvalItem::index) and queues it.
    Status add(EvalItem item);
    qint64 count() const { return m_dataset.itemCount; }
    Result<Dataset> finish(const QString &contentHash, const QList<SkippedLine> &skipped);

private:
    Workspace &m_workspace;
    Dataset m_dataset;
    BatchInsert m_items;
};
