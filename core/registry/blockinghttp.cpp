#include "core/registry/blockinghttp.h"

#include "core/common/canceltoken.h"
#include "core/common/secretredactor.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

QByteArray HttpAnswer::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

BlockingHttp::BlockingHttp(int timeoutMs) : m_timeoutMs(timeoutMs)
{ }

BlockingHttp::~BlockingHttp()
{
    if (m_network)
        m_network->deleteLater();
}

QNetworkAccessManager *BlockingHttp::network()
{
    if (m_network && m_network->thread() != QThread::currentThread()) {
        m_network->deleteLater();
        m_network = nullptr;
    }
    if (!m_network)
        m_network = new QNetworkAccessManager;
    return m_network;
}

Result<HttpAnswer> BlockingHttp::send(const HttpExchange &exchange)
{
    return sendAll({exchange}, 1).constFirst();
}

QList<Result<HttpAnswer>> BlockingHttp::sendAll(const QList<HttpExchange> &exchanges, int concurrency)
{
    QList<std::optional<Result<HttpAnswer>>> results(exchanges.size());
    QEventLoop loop;
    qsizetype next = 0;
    qsizetype running = 0;
    qsizetype done = 0;
    // A job that was asked to stop (CancelToken) aborts what is in flight and starts nothing more.
    const CancelToken *token = CancelToken::current();
    bool cancelled = false;
    QTimer watch;
    std::function<void()> startMore = [&] {
        while (!cancelled && running < qMax(1, concurrency) && next < exchanges.size()) {
            const qsizetype index = next++;
            const HttpExchange &exchange = exchanges.at(index);
            QNetworkRequest request = exchange.request;
            // The local test servers and many proxies speak HTTP/1.1 only.
            request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
            QNetworkReply *reply = exchange.method == "GET"
                ? network()->get(request)
                : network()->sendCustomRequest(request, exchange.method, exchange.body);
            ++running;
            auto timedOut = std::make_shared<bool>(false);
            auto *timer = new QTimer(reply);
            timer->setSingleShot(true);
            QObject::connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
                *timedOut = true;
                reply->abort();
            });
            QObject::connect(&watch, &QTimer::timeout, reply, [&, reply] {
                if (token && token->isCancelled()) {
                    cancelled = true;
                    reply->abort();
                }
            });
            QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, index, timedOut] {
                results[index] = cancelled ? Result<HttpAnswer>(makeError(Error::Kind::Cancelled, tr("cancelled")))
                                           : answerOf(*reply, *timedOut);
                reply->deleteLater();
                --running;
                if (++done == exchanges.size() || (cancelled && running == 0))
                    loop.quit();
                else
                    startMore();
            });
            timer->start(m_timeoutMs);
        }
    };
    if (token && token->isCancelled())
        cancelled = true;
    if (token)
        watch.start(50);
    startMore();
    if (done < exchanges.size() && !(cancelled && running == 0))
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    QList<Result<HttpAnswer>> answers;
    answers.reserve(results.size());
    for (std::optional<Result<HttpAnswer>> &result : results)
        answers.append(result ? std::move(*result)
                              : Result<HttpAnswer>(makeError(Error::Kind::Cancelled, tr("cancelled"))));
    return answers;
}

Result<HttpAnswer> BlockingHttp::answerOf(QNetworkReply &reply, bool timedOut) const
{
    const QString where = SecretRedactor::instance().redact(
        reply.url().adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString());
    if (timedOut)
        return makeError(Error::Kind::Timeout, tr("no answer within %1 ms").arg(m_timeoutMs), where);
    HttpAnswer answer;
    answer.status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (answer.status == 0) {
        switch (reply.error()) {
        case QNetworkReply::ConnectionRefusedError:
            return makeError(Error::Kind::Network, tr("connection refused"), where);
        case QNetworkReply::HostNotFoundError:
            return makeError(Error::Kind::Network, tr("host not found"), where);
        case QNetworkReply::RemoteHostClosedError:
            return makeError(Error::Kind::Network, tr("the server closed the connection without answering"), where);
        case QNetworkReply::TimeoutError:
            return makeError(Error::Kind::Timeout, tr("the connection timed out"), where);
        default:
            return makeError(Error::Kind::Network, reply.errorString(), where);
        }
    }
    // A status line followed by a cut-off body is no answer either.
    const QNetworkReply::NetworkError error = reply.error();
    if (error == QNetworkReply::RemoteHostClosedError || error == QNetworkReply::ProtocolFailure
        || error == QNetworkReply::UnknownNetworkError)
        return makeError(Error::Kind::Network, tr("the answer was cut off: %1").arg(reply.errorString()), where);
    answer.body = reply.readAll();
    answer.headers = reply.rawHeaderPairs();
    return answer;
}
