#pragma once

#include <QtGlobal>

#include <deque>

// When the items left will be done, from the pace of the last completions rather than the run's
// average, so a run that slowed down (a throttled endpoint) says so.
class CompletionRate
{
public:
    // How many completions the pace is read over.
    void setWindow(qsizetype completions) { m_window = qMax<qsizetype>(2, completions); }
    void clear() { m_completedAtMs.clear(); }
    void add(qint64 atMs);
    // Seconds until `remaining` more are done; -1 while the pace is unknown.
    double etaSeconds(qint64 remaining) const;

private:
    std::deque<qint64> m_completedAtMs;
    qsizetype m_window = 20;
};
