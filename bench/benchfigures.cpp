#include "benchfigures.h"

#include "processcpu.h"

#include <QElapsedTimer>
#include <QThread>

#include <algorithm>
#include <ctime>

namespace {

qint64 monotonicNs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

} // namespace

double Repeats::median() const
{
    if (m_values.empty())
        return 0;
    std::vector<double> sorted = m_values;
    std::sort(sorted.begin(), sorted.end());
    const std::size_t middle = sorted.size() / 2;
    return sorted.size() % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

double Repeats::worst() const
{
    if (m_values.empty())
        return 0;
    return m_higherIsWorse ? *std::max_element(m_values.begin(), m_values.end())
                           : *std::min_element(m_values.begin(), m_values.end());
}

QString Repeats::medianAndWorst(int decimals) const
{
    return QStringLiteral("%1 / %2").arg(median(), 0, 'f', decimals).arg(worst(), 0, 'f', decimals);
}

void OtherLoad::start()
{
    m_hostCpuMs = hostCpuMs();
    m_ownCpuMs = processCpuMs();
    m_wallStartNs = monotonicNs();
}

double OtherLoad::share(double childrenCpuMs) const
{
    const double wallMs = double(monotonicNs() - m_wallStartNs) / 1e6;
    const double host = hostCpuMs() - m_hostCpuMs;
    const double own = processCpuMs() - m_ownCpuMs;
    if (wallMs <= 0 || host < 0)
        return 0;
    const double cores = double(QThread::idealThreadCount());
    return std::clamp((host - own - childrenCpuMs) / (wallMs * cores), 0.0, 1.0);
}

QString OtherLoad::describe(double childrenCpuMs) const
{
    return QStringLiteral("other processes took %1 % of the host's %2 cores")
        .arg(share(childrenCpuMs) * 100, 0, 'f', 0)
        .arg(QThread::idealThreadCount());
}

const char *verdict(bool met)
{
    return met ? "met" : "NOT met";
}
