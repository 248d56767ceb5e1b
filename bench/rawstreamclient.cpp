#include "rawstreamclient.h"

#include <QList>
#include <QString>

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int ReadTimeoutSeconds = 30;

// The test server writes compact JSON, so a delta with text reads `"content":"` and a character
// other than the closing quote; the role chunk that opens every stream has `"content":""`.
bool carriesText(QByteArrayView line)
{
    constexpr QByteArrayView key = "\"content\":\"";
    const qsizetype at = line.indexOf(key);
    return at >= 0 && at + key.size() < line.size() && line.at(at + key.size()) != '"';
}

} // namespace

RawStreamClient::RawStreamClient(quint16 port) : m_port(port)
{ }

RawStreamClient::~RawStreamClient()
{
    disconnect();
}

Result<double> RawStreamClient::timeToFirstToken(const QByteArray &path, const QByteArray &body)
{
    const QByteArray request = formatRequest("POST", path, "text/event-stream", body);
    if (const Status connected = connectIfNeeded(); !connected)
        return connected.error();

    const auto start = std::chrono::steady_clock::now();
    if (const Status written = writeAll(request); !written)
        return written.error();
    const Result<Head> head = readHead();
    if (!head)
        return head.error();
    if (head.value().status != 200 || !head.value().chunked)
        return failure(u"expected a chunked 200 answer, got status %1"_s.arg(head.value().status));

    double ttftMs = -1;
    QByteArray events;
    for (;;) {
        const Result<QByteArray> sizeLine = takeLine();
        if (!sizeLine)
            return sizeLine.error();
        bool ok = false;
        const qsizetype size = sizeLine.value().split(';').constFirst().trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return failure(u"bad chunk size line \"%1\""_s.arg(QString::fromLatin1(sizeLine.value())));
        if (size == 0) {
            // No trailers from this server: the last chunk is followed by one empty line.
            if (const Result<QByteArray> end = takeLine(); !end || !end.value().isEmpty())
                return failure(u"no empty line after the last chunk"_s);
            break;
        }
        if (const Status filled = fill(size + 2); !filled)
            return filled.error();
        if (ttftMs < 0)
            events += QByteArrayView(m_buffer).first(size);
        m_buffer.remove(0, size + 2);

        for (qsizetype end = events.indexOf('\n'); ttftMs < 0 && end >= 0; end = events.indexOf('\n')) {
            const QByteArrayView line = QByteArrayView(events).first(end);
            if (line.startsWith("data: {") && carriesText(line))
                ttftMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            events.remove(0, end + 1);
        }
    }
    if (ttftMs < 0)
        return failure(u"the stream ended without any text"_s);
    return ttftMs;
}

Result<QByteArray> RawStreamClient::exchange(const QByteArray &method, const QByteArray &path, const QByteArray &body)
{
    if (const Status connected = connectIfNeeded(); !connected)
        return connected.error();
    if (const Status written = writeAll(formatRequest(method, path, "application/json", body)); !written)
        return written.error();
    const Result<Head> head = readHead();
    if (!head)
        return head.error();
    if (head.value().chunked)
        return failure(u"expected a Content-Length answer"_s);
    if (const Status filled = fill(head.value().contentLength); !filled)
        return filled.error();
    const QByteArray answer = m_buffer.first(head.value().contentLength);
    m_buffer.remove(0, head.value().contentLength);
    if (head.value().status != 200)
        return failure(u"status %1: %2"_s.arg(head.value().status).arg(QString::fromUtf8(answer)));
    return answer;
}

QByteArray RawStreamClient::formatRequest(const QByteArray &method, const QByteArray &path, const QByteArray &accept,
                                          const QByteArray &body) const
{
    return method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_port)
        + "\r\nContent-Type: application/json\r\nAccept: " + accept
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

Status RawStreamClient::connectIfNeeded()
{
    if (m_socket >= 0)
        return Done{};
    m_buffer.clear();
    m_socket = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_socket < 0)
        return failure(u"socket(): %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno))));
    // Qt's HTTP channels switch Nagle off too, so neither side waits on small writes.
    const int on = 1;
    ::setsockopt(m_socket, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    const timeval timeout{ReadTimeoutSeconds, 0};
    ::setsockopt(m_socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);

    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(m_port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_socket, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0)
        return failure(u"connect(): %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno))));
    return Done{};
}

void RawStreamClient::disconnect()
{
    if (m_socket >= 0)
        ::close(m_socket);
    m_socket = -1;
    m_buffer.clear();
}

Status RawStreamClient::writeAll(const QByteArray &bytes)
{
    qsizetype sent = 0;
    while (sent < bytes.size()) {
        const ssize_t written = ::send(m_socket, bytes.constData() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return failure(u"send(): %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno))));
        sent += written;
    }
    return Done{};
}

Status RawStreamClient::fill(qsizetype size)
{
    char chunk[16 * 1024];
    while (m_buffer.size() < size) {
        const ssize_t received = ::recv(m_socket, chunk, sizeof chunk, 0);
        if (received < 0 && errno == EINTR)
            continue;
        if (received == 0)
            return failure(u"the server closed the connection"_s);
        if (received < 0) {
            const bool timedOut = errno == EAGAIN || errno == EWOULDBLOCK;
            return failure(timedOut ? u"nothing received for %1 s"_s.arg(ReadTimeoutSeconds)
                                    : u"recv(): %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno))));
        }
        m_buffer.append(chunk, received);
    }
    return Done{};
}

Result<QByteArray> RawStreamClient::takeLine()
{
    qsizetype end = m_buffer.indexOf("\r\n");
    while (end < 0) {
        if (const Status filled = fill(m_buffer.size() + 1); !filled)
            return filled.error();
        end = m_buffer.indexOf("\r\n");
    }
    const QByteArray line = m_buffer.first(end);
    m_buffer.remove(0, end + 2);
    return line;
}

Result<RawStreamClient::Head> RawStreamClient::readHead()
{
    const Result<QByteArray> statusLine = takeLine();
    if (!statusLine)
        return statusLine.error();
    const QList<QByteArray> parts = statusLine.value().split(' ');
    Head head;
    head.status = parts.size() >= 2 && parts.constFirst().startsWith("HTTP/1.") ? parts.at(1).toInt() : 0;
    if (head.status == 0)
        return failure(u"bad status line \"%1\""_s.arg(QString::fromLatin1(statusLine.value())));
    for (;;) {
        const Result<QByteArray> line = takeLine();
        if (!line)
            return line.error();
        if (line.value().isEmpty())
            return head;
        const qsizetype colon = line.value().indexOf(':');
        const QByteArray name = line.value().first(qMax<qsizetype>(colon, 0)).trimmed().toLower();
        const QByteArray value = line.value().mid(colon + 1).trimmed();
        if (name == "transfer-encoding")
            head.chunked = value.toLower().contains("chunked");
        else if (name == "content-length")
            head.contentLength = value.toLongLong();
    }
}

// A failed exchange leaves the connection in an unknown state, so the next one starts afresh.
Error RawStreamClient::failure(const QString &message)
{
    disconnect();
    return makeError(Error::Kind::Network, u"raw client: "_s + message, u"http://127.0.0.1:%1"_s.arg(m_port));
}
