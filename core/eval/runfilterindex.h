#pragma once

#include "core/common/rowset.h"
#include "core/eval/runsearchtext.h"

#include <QString>

#include <vector>

struct RunTable;

// The item table's filters, as the user sets them.
struct RunFilter
{
    bool belowThreshold = false;
    int metric = -1; // the one metric "below threshold" is about; -1: any metric
    bool errorsOnly = false;
    bool unstableOnly = false;
    bool intervenedOnly = false; // items a guardrail blocked or masked
    QString search;

    bool isEmpty() const
    {
        return !belowThreshold && !errorsOnly && !unstableOnly && !intervenedOnly && search.trimmed().isEmpty();
    }
};

// Row sets for each filter, built in the same pass as the load, so that a filter is a bit
// operation and a search one scan of prepared text.
class RunFilterIndex
{
public:
    // `search` is the rows' text, which the load prepares beside the other queries.
    void build(const RunTable &table, RunSearchText search);
    void update(const RunTable &table, std::size_t row); // a live run changed one row
    RowSet matching(const RunFilter &filter) const;

private:
    void mark(const RunTable &table, std::size_t row);

    std::vector<double> m_thresholds; // per metric
    std::vector<RowSet> m_below; // per metric: scored and below its threshold
    RowSet m_belowAny;
    RowSet m_errors;
    RowSet m_unstable;
    RowSet m_intervened;
    RunSearchText m_search;
};
