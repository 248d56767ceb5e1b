#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

// A set of row numbers below a fixed size, one bit a row: the item table's filters are built as
// these while a run loads, so that combining them is a few thousand word operations rather than
// a pass over 100,000 rows.
class RowSet
{
public:
    explicit RowSet(std::size_t size = 0, bool filled = false);

    std::size_t size() const { return m_size; }
    bool contains(std::size_t row) const { return row < m_size && (m_words[row / wordBits] >> (row % wordBits)) & 1U; }
    void set(std::size_t row, bool in = true);
    std::size_t count() const;
    RowSet &operator&=(const RowSet &other); // rows beyond the other's size leave the set
    RowSet &operator|=(const RowSet &other);
    bool operator==(const RowSet &other) const = default;

private:
    static constexpr std::size_t wordBits = 64;
    void clearTail();

    std::vector<std::uint64_t> m_words;
    std::size_t m_size = 0;
};
