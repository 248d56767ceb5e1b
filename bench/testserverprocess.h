#pragma once

#include "core/common/result.h"

#include <QProcess>
#include <QStringList>

// One of the local test servers (tests/servers/*.py) as a child process. It is started with
// --port 0 --watch-stdin, so closing its stdin ends it even if this process dies first.
class TestServerProcess
{
public:
    TestServerProcess() = default;
    ~TestServerProcess();
    TestServerProcess(const TestServerProcess &) = delete;
    TestServerProcess &operator=(const TestServerProcess &) = delete;

    // Runs `python3 script --port 0 --watch-stdin arguments…` and waits for its "LISTENING <port>".
    Status start(const QString &script, const QStringList &arguments, int timeoutMs = 15000);
    quint16 port() const { return m_port; }
    qint64 processId() const { return m_process.processId(); }

private:
    Error failure(const QString &message);

    QProcess m_process;
    quint16 m_port = 0;
};
