#pragma once

#include "core/common/rowset.h"

#include <QString>

#include <string>
#include <unordered_map>
#include <vector>

// The item table's text search, prepared while a run loads: every row's question and response,
// case-folded, in one UTF-8 buffer. A search folds its text the same way and scans the buffer
// once (memmem), which answers as QString::contains(…, Qt::CaseInsensitive) would on each row,
// in a few milliseconds for 100,000 rows instead of a few hundred.
struct RunRow;

class RunSearchText
{
public:
    // The text of every row, in order.
    static RunSearchText of(const std::vector<RunRow> &rows);
    // Adds the rows of `after`, which was built over the rows that follow these.
    void join(RunSearchText &&after);
    // A live run changed a row after the buffer was built: it is searched on its own from now on.
    void replace(std::size_t row, const QString &question, const QString &response);
    std::size_t rowCount() const { return m_starts.empty() ? 0 : m_starts.size() - 1; }
    RowSet matching(const QString &text) const;

private:
    // Rows are added in order; a row's fields do not match across each other.
    void append(const QString &question, const QString &response);
    static void appendFolded(std::string &to, const QString &text);

    std::string m_text; // row after row: question '\0' response '\0'
    std::vector<std::size_t> m_starts{0}; // where each row begins in m_text, and the end
    std::unordered_map<std::size_t, std::string> m_replaced; // rows changed since: searched apart
};
