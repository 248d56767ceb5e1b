#include "core/providers/httpchatcall.h"

#include "core/common/logcategories.h"
#include "core/common/secretredactor.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QSslSocket>

namespace {

// An error answer is read for its message only; a misbehaving server cannot make us hold more.
constexpr qsizetype MaximumErrorBody = 64 * 1024;

bool isRetryableStatus(int status)
{
    return status == 429 || (status >= 500 && status <= 599);
}

} // namespace

HttpChatCall::HttpChatCall(std::unique_ptr<ChatProtocol> protocol, QNetworkAccessManager *network,
                           const ProviderConfig &config, QObject *parent)
    : ChatCall(parent), m_protocol(std::move(protocol)), m_network(network), m_config(config), m_backoff(config.retry)
{
    m_silenceTimer.setSingleShot(true);
    m_totalTimer.setSingleShot(true);
    m_backoffTimer.setSingleShot(true);
    connect(&m_silenceTimer, &QTimer::timeout, this, &HttpChatCall::onSilence);
    connect(&m_totalTimer, &QTimer::timeout, this, &HttpChatCall::onTotalTimeout);
    connect(&m_backoffTimer, &QTimer::timeout, this, &HttpChatCall::startAttempt);

    m_callClock.start();
    if (m_config.totalTimeoutMs > 0)
        m_totalTimer.start(m_config.totalTimeoutMs);
    // The first attempt goes out at once: a request queued behind everything else the event loop
    // holds (an evaluation's other replies and their scoring) leaves the endpoint idle meanwhile.
    // What it reports before the caller could connect (a request that cannot be prepared) is
    // reported from the event loop instead.
    m_constructing = true;
    startAttempt();
    m_constructing = false;
}

HttpChatCall::~HttpChatCall()
{
    dropReply();
}

void HttpChatCall::cancel()
{
    if (m_finished)
        return;
    qCDebug(lcProviders) << "cancelled" << m_where.toDisplayString() << "after" << m_result.text.size() << "characters";
    finishWith(located(makeError(Error::Kind::Cancelled, tr("the call was cancelled"))));
}

void HttpChatCall::startAttempt()
{
    if (m_finished)
        return;
    if (!m_network) {
        finishWith(makeError(Error::Kind::Internal, tr("the network access manager is gone")));
        return;
    }
    ++m_attempts;
    m_result = ChatResult();
    m_result.provider = m_config.providerName();
    m_result.model = m_config.model;
    m_result.attempts = m_attempts;
    m_errorBody.clear();
    m_status = 0;
    m_receivedBytes = false;
    m_protocol->reset();

    Result<ChatProtocol::Outgoing> outgoing = m_protocol->prepare();
    if (!outgoing) {
        finishWith(outgoing.error());
        return;
    }
    QNetworkRequest request = outgoing.value().request;
    m_where = request.url().adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    // The local test servers and many gateways speak HTTP/1.1 only, and streaming over it is plain.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!m_config.verifyTls) { // the profile said so: shown in red wherever it is used
        QSslConfiguration tls = request.sslConfiguration();
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        request.setSslConfiguration(tls);
    }
    qCDebug(lcProviders) << "attempt" << m_attempts << "POST" << m_where.toDisplayString();

    m_reply = m_network->post(request, outgoing.value().body);
    m_attemptClock.start();
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpChatCall::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpChatCall::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &HttpChatCall::onReplyFinished);
    if (m_config.firstByteTimeoutMs > 0)
        m_silenceTimer.start(m_config.firstByteTimeoutMs);
}

void HttpChatCall::markByteReceived()
{
    m_receivedBytes = true;
    if (m_config.idleTimeoutMs > 0)
        m_silenceTimer.start(m_config.idleTimeoutMs);
    else
        m_silenceTimer.stop();
}

void HttpChatCall::onMetaData()
{
    m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    markByteReceived();
}

void HttpChatCall::onReadyRead()
{
    if (m_status == 0)
        m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    markByteReceived();
    if (!isSuccessStatus()) {
        m_errorBody += m_reply->read(qMax<qint64>(0, MaximumErrorBody - m_errorBody.size()));
        m_reply->skip(m_reply->bytesAvailable());
        return;
    }
    consume(m_reply->readAll());
}

bool HttpChatCall::consume(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return true;
    const qsizetype before = m_result.text.size();
    const Status fed = m_protocol->feed(bytes, m_result);
    if (m_result.text.size() > before) {
        if (m_result.ttftMs < 0)
            m_result.ttftMs = m_attemptClock.elapsed();
        const QPointer<HttpChatCall> alive(this);
        emit delta(m_result.text.sliced(before));
        // A receiver may have cancelled (or deleted) the call.
        if (!alive || m_finished)
            return false;
    }
    if (!fed) {
        failAttempt(fed.error(), fed.error().kind == Error::Kind::Throttled);
        return false;
    }
    return true;
}

void HttpChatCall::onReplyFinished()
{
    m_silenceTimer.stop();
    if (m_status == 0)
        m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError transferError = m_reply->error();

    if (m_status == 0) {
        failAttempt(networkError(), false);
        return;
    }
    if (!isSuccessStatus()) {
        m_errorBody += m_reply->read(qMax<qint64>(0, MaximumErrorBody - m_errorBody.size()));
        const Error error = m_protocol->errorFromAnswer(m_status, *m_reply, m_errorBody);
        const int hint
            = RetryBackoff::serviceHintMs(m_reply->rawHeader("Retry-After"), m_reply->rawHeader("retry-after-ms"));
        failAttempt(error, isRetryableStatus(m_status), hint);
        return;
    }
    if (!consume(m_reply->readAll()))
        return;
    const Status finished = m_protocol->finish(transferError != QNetworkReply::NoError, m_result);
    if (!finished) {
        failAttempt(finished.error(), false);
        return;
    }
    m_result.latencyMs = m_attemptClock.elapsed();
    // Not streamed, or nothing to stream: the first text is the whole answer.
    if (m_result.ttftMs < 0 || !m_protocol->isStreaming())
        m_result.ttftMs = m_result.latencyMs;
    qCDebug(lcProviders) << "finished" << m_where.toDisplayString() << "in" << m_result.latencyMs << "ms, attempt"
                         << m_attempts;
    finishWith(m_result);
}

void HttpChatCall::onSilence()
{
    if (m_finished || !m_reply)
        return;
    const Error error = m_receivedBytes
        ? makeError(Error::Kind::Timeout,
                    tr("the answer stalled: nothing arrived for %1 ms after %2 characters (idle timeout)")
                        .arg(m_config.idleTimeoutMs)
                        .arg(m_result.text.size()))
        : makeError(
            Error::Kind::Timeout,
            tr("no answer within %1 ms of sending the request (first-byte timeout)").arg(m_config.firstByteTimeoutMs));
    failAttempt(error, false);
}

void HttpChatCall::onTotalTimeout()
{
    finishWith(located(makeError(Error::Kind::Timeout,
                                 tr("the call did not finish within %1 ms (total timeout, after %2 attempts)")
                                     .arg(m_config.totalTimeoutMs)
                                     .arg(m_attempts))));
}

void HttpChatCall::failAttempt(const Error &error, bool retryable, int serviceHintMs)
{
    dropReply();
    const int nextAttempt = m_attempts + 1;
    if (retryable && m_result.text.isEmpty() && m_backoff.allowsAttempt(nextAttempt)) {
        const int delay = m_backoff.delayMs(nextAttempt, serviceHintMs);
        const bool beyondDeadline
            = m_config.totalTimeoutMs > 0 && m_callClock.elapsed() + delay >= m_config.totalTimeoutMs;
        if (!beyondDeadline) {
            const QString reason = SecretRedactor::instance().redact(error.message);
            qCInfo(lcProviders) << "retrying" << m_where.toDisplayString() << "in" << delay << "ms:" << reason;
            m_backoffTimer.start(delay);
            emit retrying(nextAttempt, delay, reason);
            return;
        }
    }
    Error final = located(error);
    if (m_attempts > 1)
        final.message = tr("%1 (after %2 attempts)").arg(final.message).arg(m_attempts);
    finishWith(final);
}

void HttpChatCall::finishWith(const Result<ChatResult> &result)
{
    if (m_finished)
        return;
    m_finished = true;
    dropReply();
    m_silenceTimer.stop();
    m_totalTimer.stop();
    m_backoffTimer.stop();
    const Result<ChatResult> reported = result ? result : Result<ChatResult>(located(result.error()));
    if (m_constructing)
        QMetaObject::invokeMethod(
            this, [this, reported] { emit finished(reported); }, Qt::QueuedConnection);
    else
        emit finished(reported);
}

void HttpChatCall::dropReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

Error HttpChatCall::networkError() const
{
    switch (m_reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return makeError(Error::Kind::Network, tr("connection refused"));
    case QNetworkReply::RemoteHostClosedError:
        return makeError(Error::Kind::Network, tr("the server closed the connection without answering"));
    case QNetworkReply::HostNotFoundError:
        return makeError(Error::Kind::Network, tr("host not found"));
    case QNetworkReply::TimeoutError:
        return makeError(Error::Kind::Timeout, tr("the connection timed out"));
    default:
        return makeError(Error::Kind::Network, m_reply->errorString());
    }
}

// Every error names the URL, and no error carries a secret the service may have echoed.
Error HttpChatCall::located(Error error) const
{
    if (error.where.isEmpty())
        error.where = m_where.toString();
    error.message = SecretRedactor::instance().redact(error.message);
    error.where = SecretRedactor::instance().redact(error.where);
    return error;
}
