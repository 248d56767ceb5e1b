#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QNetworkRequest>
#include <QPair>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

// One request as the remote registry backends send it.
struct HttpExchange
{
    QByteArray method; // "GET", "POST", "DELETE"
    QNetworkRequest request;
    QByteArray body;
};

// The answer, whatever its status: callers read a service's error out of a 4xx body themselves.
struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
};

// Blocking HTTP for the registry backends, whose calls come from the CLI or a worker thread: a
// local QEventLoop runs until every answer is in or has timed out. Never use it on the GUI thread.
class BlockingHttp
{
    Q_DECLARE_TR_FUNCTIONS(BlockingHttp)

public:
    explicit BlockingHttp(int timeoutMs = 30000);
    ~BlockingHttp();

    BlockingHttp(const BlockingHttp &) = delete;
    BlockingHttp &operator=(const BlockingHttp &) = delete;

    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }
    int timeoutMs() const { return m_timeoutMs; }

    // A transport failure (refused, reset, timeout) is an error; any HTTP status is an answer.
    Result<HttpAnswer> send(const HttpExchange &exchange);
    // At most `concurrency` requests in flight; the results come back in request order.
    QList<Result<HttpAnswer>> sendAll(const QList<HttpExchange> &exchanges, int concurrency);

private:
    QNetworkAccessManager *network();
    Result<HttpAnswer> answerOf(QNetworkReply &reply, bool timedOut) const;

    // Created on first use in the calling thread, and again if a later call comes from another
    // thread: a QNetworkAccessManager serves only the thread it lives in.
    QPointer<QNetworkAccessManager> m_network;
    int m_timeoutMs;
};
