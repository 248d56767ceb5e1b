#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"

#include <QList>

#include <deque>
#include <optional>

class Workspace;

// The items a run still has to do, read from its dataset a page at a time as they are taken, so a
// run of a million items never holds more than a page of them.
class PendingItems
{
public:
    // `indexes` in any order; the items are taken in ascending order.
    void reset(qint64 runId, qint64 datasetId, QList<qint64> indexes);
    qsizetype count() const { return m_indexes.size(); }
    bool exhausted() const { return m_loaded.empty() && m_nextToLoad >= m_indexes.size(); }
    // The next item, none when every one was taken, or why the dataset could not be read.
    Result<std::optional<EvalItem>> take(Workspace &workspace);

private:
    Status loadPage(Workspace &workspace);

    qint64 m_runId = 0; // for the log
    qint64 m_datasetId = 0;
    QList<qint64> m_indexes; // ascending
    qsizetype m_nextToLoad = 0; // position in m_indexes of the first item not loaded
    std::deque<EvalItem> m_loaded; // loaded, not taken
};
