#include "core/eval/completionrate.h"

void CompletionRate::add(qint64 atMs)
{
    m_completedAtMs.push_back(atMs);
    while (qsizetype(m_completedAtMs.size()) > m_window)
        m_completedAtMs.pop_front();
}

double CompletionRate::etaSeconds(qint64 remaining) const
{
    if (m_completedAtMs.size() < 2)
        return -1.0;
    const double spanMs = double(m_completedAtMs.back() - m_completedAtMs.front());
    remaining = qMax<qint64>(0, remaining);
    if (spanMs <= 0.0)
        return remaining == 0 ? 0.0 : -1.0;
    const double perMs = double(m_completedAtMs.size() - 1) / spanMs;
    return double(remaining) / perMs / 1000.0;
}
