#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"

#include <QList>

#include <functional>
#include <optional>

// Pages of a run's results and of its dataset's items, both in item-index order. The storage layer
// provides them (EvalRunRepository::results, DatasetRepository::items); exports only see these.
using ResultFetcher = std::function<Result<QList<ItemResult>>(qint64 offset, int limit)>;
using ItemFetcher = std::function<Result<QList<EvalItem>>(qint64 offset, int limit)>;

// One item of the dataset with its result in the run, if the run reached it.
struct ResultRow
{
    EvalItem item;
    std::optional<ItemResult> result;
};

// Walks items and results side by side, a page of each at a time, so exporting a run of any size
// holds two pages in memory. Items without a result come out with none; a result whose item is missing
// (or with no item fetcher at all) comes out with an item carrying just its index.
class ResultRowCursor
{
public:
    ResultRowCursor(ItemFetcher items, ResultFetcher results, int pageSize = 500);

    // The next row in index order, std::nullopt at the end, or the first error a fetcher returned.
    Result<std::optional<ResultRow>> next();

private:
    template<typename T> struct Pages
    {
        std::function<Result<QList<T>>(qint64, int)> fetch;
        QList<T> page;
        qsizetype position = 0;
        qint64 offset = 0;
        bool exhausted = false;
    };

    template<typename T> Status fill(Pages<T> &pages);

    Pages<EvalItem> m_items;
    Pages<ItemResult> m_results;
    int m_pageSize;
};
