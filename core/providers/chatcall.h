#pragma once

#include "core/common/result.h"
#include "core/providers/chatresult.h"

#include <QObject>

// One model call in flight. Emits delta() as text arrives, retrying() before a backoff, and
// finished() exactly once: with the result, or with the error (a cancelled call finishes with
// Error::Kind::Cancelled). A truncated stream is an error, never a short answer. Delete it with
// deleteLater() after finished(); deleting it earlier cancels the call.
class ChatCall : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual void cancel() = 0;
    virtual bool isFinished() const = 0;

signals:
    void delta(const QString &text);
    void retrying(int nextAttempt, int delayMs, const QString &reason);
    void finished(const Result<ChatResult> &result);
};
