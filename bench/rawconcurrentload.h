#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// The test server measured alone: `concurrency` threads, each with its own RawStreamClient (one
// kept-alive connection of plain POSIX sockets), send the given streamed chat requests between
// them, each thread taking the next unsent one, and read every answer to its end. What this
// reaches is the most any client can get from the server on this host.
class RawConcurrentLoad
{
public:
    struct Outcome
    {
        double wallMs = 0;
        int requests = 0;
        int failed = 0;
        QString firstError;
    };

    static Outcome run(quint16 port, const QByteArray &path, const QList<QByteArray> &bodies, int concurrency);
};
