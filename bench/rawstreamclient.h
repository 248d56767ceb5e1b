#pragma once

#include "core/common/result.h"

#include <QByteArray>

// The floor against which the workbench's own overhead is measured: a chat client made of plain
// POSIX sockets and nothing else. One kept-alive HTTP/1.1 connection to 127.0.0.1, blocking reads
// with a timeout. It understands exactly what the local test server sends: a chunked SSE stream,
// or a body with Content-Length.
class RawStreamClient
{
public:
    explicit RawStreamClient(quint16 port);
    ~RawStreamClient();
    RawStreamClient(const RawStreamClient &) = delete;
    RawStreamClient &operator=(const RawStreamClient &) = delete;

    // POSTs a streamed chat request and returns the milliseconds from writing it to reading the
    // first "data: {" line that carries text. The answer is read to its end, so the connection can
    // serve the next call, as a kept-alive connection of the workbench does.
    Result<double> timeToFirstToken(const QByteArray &path, const QByteArray &body);
    // A request answered with Content-Length (the test server's /_test endpoints); gives the body.
    Result<QByteArray> exchange(const QByteArray &method, const QByteArray &path, const QByteArray &body = {});

private:
    struct Head
    {
        int status = 0;
        bool chunked = false;
        qsizetype contentLength = 0;
    };

    QByteArray formatRequest(const QByteArray &method, const QByteArray &path, const QByteArray &accept,
                             const QByteArray &body) const;
    Status connectIfNeeded();
    void disconnect();
    Status writeAll(const QByteArray &bytes);
    // Reads until the buffer holds at least `size` bytes.
    Status fill(qsizetype size);
    Result<QByteArray> takeLine();
    Result<Head> readHead();
    Error failure(const QString &message);

    quint16 m_port;
    int m_socket = -1;
    QByteArray m_buffer;
};
