#include "processmemory.h"

#include <cstdio>
#include <cstring>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {

// `key` with its colon, e.g. "VmRSS:"; `path` is a /proc/…/status file.
qint64 statusFieldKiB(const char *key, const char *path = "/proc/self/status")
{
    // Plain stdio rather than QFile: reading the figure should not allocate on the heap it measures.
    std::FILE *status = std::fopen(path, "r");
    if (!status)
        return -1;
    const size_t keyLength = std::strlen(key);
    char line[256];
    long long kib = -1;
    while (std::fgets(line, sizeof line, status)) {
        if (std::strncmp(line, key, keyLength) == 0) {
            std::sscanf(line + keyLength, "%lld", &kib);
            break;
        }
    }
    std::fclose(status);
    return kib;
}

} // namespace

qint64 residentSetKiB()
{
    return statusFieldKiB("VmRSS:");
}

qint64 peakResidentSetKiB()
{
    return statusFieldKiB("VmHWM:");
}

qint64 peakResidentSetKiB(qint64 pid)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%lld/status", static_cast<long long>(pid));
    return statusFieldKiB("VmHWM:", path);
}

qint64 residentSetKiB(qint64 pid)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%lld/status", static_cast<long long>(pid));
    return statusFieldKiB("VmRSS:", path);
}

void releaseFreeHeap()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}
