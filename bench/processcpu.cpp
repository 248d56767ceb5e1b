#include "processcpu.h"

#include <cstdio>
#include <cstring>
#include <sys/resource.h>
#include <unistd.h>

namespace {

double usageCpuMs(int who)
{
    rusage usage{};
    if (getrusage(who, &usage) != 0)
        return -1;
    const auto ms = [](const timeval &time) { return double(time.tv_sec) * 1000 + double(time.tv_usec) / 1000; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

} // namespace

double processCpuMs()
{
    return usageCpuMs(RUSAGE_SELF);
}

double endedChildrenCpuMs()
{
    return usageCpuMs(RUSAGE_CHILDREN);
}

double processCpuMs(qint64 pid)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%lld/stat", static_cast<long long>(pid));
    std::FILE *file = std::fopen(path, "r");
    if (!file)
        return -1;
    char line[1024];
    const bool read = std::fgets(line, sizeof line, file) != nullptr;
    std::fclose(file);
    // The command name, field 2, is in parentheses and may hold spaces: count fields after it.
    const char *afterName = read ? std::strrchr(line, ')') : nullptr;
    unsigned long long user = 0, system = 0;
    if (!afterName
        || std::sscanf(afterName + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &user, &system) != 2)
        return -1;
    return double(user + system) * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

double hostCpuMs()
{
    std::FILE *file = std::fopen("/proc/stat", "r");
    if (!file)
        return -1;
    // "cpu  user nice system idle iowait irq softirq steal …" in clock ticks; all but idle and
    // iowait are busy.
    unsigned long long user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
    const int fields = std::fscanf(file, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &user, &nice, &system, &idle,
                                   &iowait, &irq, &softirq, &steal);
    std::fclose(file);
    if (fields < 7)
        return -1;
    return double(user + nice + system + irq + softirq + steal) * 1000.0 / double(sysconf(_SC_CLK_TCK));
}
