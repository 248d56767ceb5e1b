#include "core/common/rowset.h"

#include <algorithm>
#include <bit>

RowSet::RowSet(std::size_t size, bool filled)
    : m_words((size + wordBits - 1) / wordBits, filled ? ~std::uint64_t(0) : 0), m_size(size)
{
    clearTail();
}

void RowSet::set(std::size_t row, bool in)
{
    if (row >= m_size)
        return;
    const std::uint64_t bit = std::uint64_t(1) << (row % wordBits);
    if (in)
        m_words[row / wordBits] |= bit;
    else
        m_words[row / wordBits] &= ~bit;
}

std::size_t RowSet::count() const
{
    std::size_t total = 0;
    for (const std::uint64_t word : m_words)
        total += std::size_t(std::popcount(word));
    return total;
}

RowSet &RowSet::operator&=(const RowSet &other)
{
    const std::size_t shared = std::min(m_words.size(), other.m_words.size());
    for (std::size_t word = 0; word < shared; ++word)
        m_words[word] &= other.m_words[word];
    std::fill(m_words.begin() + std::ptrdiff_t(shared), m_words.end(), 0);
    return *this;
}

RowSet &RowSet::operator|=(const RowSet &other)
{
    const std::size_t shared = std::min(m_words.size(), other.m_words.size());
    for (std::size_t word = 0; word < shared; ++word)
        m_words[word] |= other.m_words[word];
    clearTail();
    return *this;
}

// Bits past the last row stay zero, so that count() and == need no special case.
void RowSet::clearTail()
{
    if (m_size % wordBits != 0)
        m_words.back() &= (std::uint64_t(1) << (m_size % wordBits)) - 1;
}
