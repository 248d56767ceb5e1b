#pragma once

#include "core/common/result.h"
#include "core/providers/chatresult.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QNetworkRequest>

class QNetworkReply;

// How one service's chat API looks on the wire: the request of each attempt, how the bytes of a
// successful answer become text, and what its error answers mean. HttpChatCall owns everything
// else (attempts, timers, retries), so a protocol stays a request builder and a parser.
class ChatProtocol
{
    Q_DECLARE_TR_FUNCTIONS(ChatProtocol)

public:
    struct Outgoing
    {
        QNetworkRequest request;
        QByteArray body;
    };

    virtual ~ChatProtocol() = default;

    virtual bool isStreaming() const = 0;
    // Built again for every attempt, so a signature carries the time it is sent.
    virtual Result<Outgoing> prepare() = 0;
    // Forgets what an earlier attempt received.
    virtual void reset() = 0;
    // Bytes of a 2xx answer as they arrive; text is appended to result.text, and stop reason and
    // usage are filled in when they come. Fails on anything malformed or an error the service sends
    // inside the answer.
    virtual Status feed(QByteArrayView bytes, ChatResult &result) = 0;
    // The 2xx answer has ended; `connectionBroke` says whether the transfer failed on the way.
    // Fails when the answer is incomplete: a cut-off stream is an error, never a short answer.
    virtual Status finish(bool connectionBroke, ChatResult &result) = 0;
    // A non-2xx answer, in the service's own words.
    virtual Error errorFromAnswer(int status, const QNetworkReply &reply, const QByteArray &body) const = 0;

    // The kind that an HTTP status implies when the service names nothing more precise.
    static Error::Kind kindForStatus(int status);
    // The shared wording of a stream that ended before its terminator.
    static Error cutOff(qsizetype characters, const QString &missing);
    // Up to `length` bytes of a payload around `position` (where a parse failed), for error messages.
    static QString excerpt(QByteArrayView bytes, qsizetype position = 0, qsizetype length = 80);
};
