#include "core/eval/runsearchtext.h"

#include "core/eval/runtable.h"

#include <QChar>

#include <algorithm>
#include <cstring>

RunSearchText RunSearchText::of(const std::vector<RunRow> &rows)
{
    RunSearchText text;
    text.m_starts.reserve(rows.size() + 1);
    for (const RunRow &row : rows)
        text.append(row.question, row.response);
    return text;
}

void RunSearchText::join(RunSearchText &&after)
{
    const std::size_t offset = m_text.size();
    m_text += after.m_text;
    m_starts.reserve(m_starts.size() + after.m_starts.size() - 1);
    for (auto start = after.m_starts.begin() + 1; start != after.m_starts.end(); ++start)
        m_starts.push_back(offset + *start);
    for (auto &[row, text] : after.m_replaced)
        m_replaced.emplace(row + rowCount() - after.rowCount(), std::move(text));
}

void RunSearchText::append(const QString &question, const QString &response)
{
    appendFolded(m_text, question);
    m_text.push_back('\0');
    appendFolded(m_text, response);
    m_text.push_back('\0');
    m_starts.push_back(m_text.size());
}

void RunSearchText::replace(std::size_t row, const QString &question, const QString &response)
{
    if (row >= rowCount())
        return;
    std::string folded;
    appendFolded(folded, question);
    folded.push_back('\0');
    appendFolded(folded, response);
    m_replaced[row] = std::move(folded);
}

RowSet RunSearchText::matching(const QString &text) const
{
    RowSet found(rowCount());
    std::string needle;
    appendFolded(needle, text);
    // A field separator in the text could match across two fields; no row holds one itself.
    if (needle.empty() || needle.find('\0') != std::string::npos)
        return needle.empty() ? RowSet(rowCount(), true) : found;
    const char *begin = m_text.data();
    std::size_t from = 0;
    while (from < m_text.size()) {
        const void *hit = memmem(begin + from, m_text.size() - from, needle.data(), needle.size());
        if (!hit)
            break;
        const std::size_t offset = std::size_t(static_cast<const char *>(hit) - begin);
        const auto next = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
        const std::size_t row = std::size_t(next - m_starts.begin()) - 1;
        found.set(row, !m_replaced.contains(row));
        from = *next; // one hit is enough for a row
    }
    for (const auto &[row, folded] : m_replaced)
        found.set(row, folded.find(needle) != std::string::npos);
    return found;
}

// Simple case folding code point by code point, as QString's case-insensitive comparison does,
// written as UTF-8: a byte match of folded UTF-8 is a match of the folded characters.
void RunSearchText::appendFolded(std::string &to, const QString &text)
{
    const QChar *units = text.constData();
    const qsizetype length = text.size();
    to.reserve(to.size() + std::size_t(length));
    for (qsizetype at = 0; at < length; ++at) {
        char32_t point = units[at].unicode();
        if (point < 0x80) {
            to.push_back(char(point >= 'A' && point <= 'Z' ? point + ('a' - 'A') : point));
            continue;
        }
        if (QChar::isHighSurrogate(point) && at + 1 < length && QChar::isLowSurrogate(units[at + 1].unicode()))
            point = QChar::surrogateToUcs4(char16_t(point), units[++at].unicode());
        point = QChar::toCaseFolded(point);
        if (point < 0x800) {
            to.push_back(char(0xC0 | (point >> 6)));
        } else if (point < 0x10000) {
            to.push_back(char(0xE0 | (point >> 12)));
            to.push_back(char(0x80 | ((point >> 6) & 0x3F)));
        } else {
            to.push_back(char(0xF0 | (point >> 18)));
            to.push_back(char(0x80 | ((point >> 12) & 0x3F)));
            to.push_back(char(0x80 | ((point >> 6) & 0x3F)));
        }
        to.push_back(char(0x80 | (point & 0x3F)));
    }
}
