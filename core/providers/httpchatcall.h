#pragma once

#include "core/common/retrybackoff.h"
#include "core/providers/chatcall.h"
#include "core/providers/chatprotocol.h"
#include "core/providers/providerconfig.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

// A chat call over HTTP, whatever the protocol: owns the attempts, the timeouts and the retries, and
// leaves requests and parsing to its ChatProtocol. The first attempt starts from the event loop,
// so whoever called start() can connect to the signals first.
//
// Retried, with backoff, only while no text has been shown: HTTP 429 and 5xx, and errors of kind
// Throttled inside a stream. Once text was emitted a failure is the call's error, since a second
// answer would not continue the first one.
class HttpChatCall : public ChatCall
{
    Q_OBJECT

public:
    HttpChatCall(std::unique_ptr<ChatProtocol> protocol, QNetworkAccessManager *network, const ProviderConfig &config,
                 QObject *parent = nullptr);
    // Aborts a call still in flight without emitting anything: its receivers may be going too.
    ~HttpChatCall() override;

    void cancel() override;
    bool isFinished() const override { return m_finished; }
    int attempts() const { return m_attempts; }

private:
    void startAttempt();
    void onMetaData();
    void onReadyRead();
    void onReplyFinished();
    void onSilence();
    void onTotalTimeout();

    bool isSuccessStatus() const { return m_status >= 200 && m_status < 300; }
    void markByteReceived();
    // False when the attempt failed (or the call ended) while consuming.
    bool consume(const QByteArray &bytes);
    void failAttempt(const Error &error, bool retryable, int serviceHintMs = -1);
    void finishWith(const Result<ChatResult> &result);
    void dropReply();
    Error networkError() const;
    Error located(Error error) const;

    std::unique_ptr<ChatProtocol> m_protocol;
    QPointer<QNetworkAccessManager> m_network;
    ProviderConfig m_config;
    RetryBackoff m_backoff;
    QUrl m_where;

    QPointer<QNetworkReply> m_reply;
    QTimer m_silenceTimer; // first byte, then the gaps between chunks
    QTimer m_totalTimer;
    QTimer m_backoffTimer;
    QElapsedTimer m_callClock;
    QElapsedTimer m_attemptClock;

    ChatResult m_result;
    QByteArray m_errorBody;
    int m_attempts = 0;
    int m_status = 0;
    bool m_receivedBytes = false;
    bool m_finished = false;
    bool m_constructing = false; // in the constructor: finished() waits for the event loop
};
