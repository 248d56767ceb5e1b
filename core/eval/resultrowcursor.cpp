#include "core/eval/resultrowcursor.h"

#include <algorithm>
#include <utility>

ResultRowCursor::ResultRowCursor(ItemFetcher items, ResultFetcher results, int pageSize)
    : m_pageSize(std::max(pageSize, 1))
{
    m_items.fetch = std::move(items);
    m_items.exhausted = !m_items.fetch;
    m_results.fetch = std::move(results);
    m_results.exhausted = !m_results.fetch;
}

template<typename T> Status ResultRowCursor::fill(Pages<T> &pages)
{
    if (pages.exhausted || pages.position < pages.page.size())
        return Done{};
    Result<QList<T>> fetched = pages.fetch(pages.offset, m_pageSize);
    if (!fetched)
        return fetched.error();
    pages.page = std::move(fetched).value();
    pages.position = 0;
    pages.offset += pages.page.size();
    // A short page is the last one; an empty page also ends a fetcher that ignores the limit.
    if (pages.page.size() < m_pageSize)
        pages.exhausted = true;
    return Done{};
}

Result<std::optional<ResultRow>> ResultRowCursor::next()
{
    if (Status filled = fill(m_items); !filled)
        return filled.error();
    if (Status filled = fill(m_results); !filled)
        return filled.error();

    const bool haveItem = m_items.position < m_items.page.size();
    const bool haveResult = m_results.position < m_results.page.size();
    if (!haveItem && !haveResult)
        return std::optional<ResultRow>();

    ResultRow row;
    const qint64 itemIndex = haveItem ? m_items.page[m_items.position].index : 0;
    const qint64 resultIndex = haveResult ? m_results.page[m_results.position].itemIndex : 0;
    if (haveItem && (!haveResult || itemIndex <= resultIndex))
        row.item = std::move(m_items.page[m_items.position++]);
    else
        row.item.index = resultIndex;
    if (haveResult && (!haveItem || resultIndex <= itemIndex))
        row.result = std::move(m_results.page[m_results.position++]);
    return std::optional<ResultRow>(std::move(row));
}
