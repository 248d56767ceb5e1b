#include "core/eval/pendingitems.h"

#include "core/common/logcategories.h"
#include "core/eval/datasetrepository.h"

#include <algorithm>

namespace {

constexpr int PageSize = 200;

} // namespace

void PendingItems::reset(qint64 runId, qint64 datasetId, QList<qint64> indexes)
{
    m_runId = runId;
    m_datasetId = datasetId;
    m_indexes = std::move(indexes);
    std::sort(m_indexes.begin(), m_indexes.end());
    m_nextToLoad = 0;
    m_loaded.clear();
}

Result<std::optional<EvalItem>> PendingItems::take(Workspace &workspace)
{
    while (m_loaded.empty()) {
        if (m_nextToLoad >= m_indexes.size())
            return std::optional<EvalItem>();
        if (const Status loaded = loadPage(workspace); !loaded)
            return loaded.error();
    }
    std::optional<EvalItem> item(std::move(m_loaded.front()));
    m_loaded.pop_front();
    return item;
}

Status PendingItems::loadPage(Workspace &workspace)
{
    auto page = DatasetRepository(workspace).items(m_datasetId, m_indexes[m_nextToLoad], PageSize);
    if (!page)
        return page.error();
    for (EvalItem &item : page.value()) {
        while (m_nextToLoad < m_indexes.size() && m_indexes[m_nextToLoad] < item.index) {
            qCWarning(lcEval) << "run" << m_runId << ": the dataset has no item" << m_indexes[m_nextToLoad];
            ++m_nextToLoad;
        }
        if (m_nextToLoad < m_indexes.size() && m_indexes[m_nextToLoad] == item.index) {
            m_loaded.push_back(std::move(item));
            ++m_nextToLoad;
        }
    }
    if (page.value().isEmpty()) {
        qCWarning(lcEval) << "run" << m_runId << ":" << m_indexes.size() - m_nextToLoad
                          << "items are beyond the dataset's end";
        m_nextToLoad = m_indexes.size();
    }
    return Done{};
}
