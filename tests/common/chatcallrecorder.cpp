#include "common/chatcallrecorder.h"

#include "core/providers/chatcall.h"

#include <QDeadlineTimer>
#include <QSignalSpy>

ChatCallRecorder::ChatCallRecorder(ChatCall *call, QObject *parent) : QObject(parent)
{
    connect(call, &ChatCall::delta, this, [this](const QString &text) {
        noteSignal();
        m_deltas.append(text);
        emit recorded();
    });
    connect(call, &ChatCall::retrying, this, [this](int nextAttempt, int delayMs, const QString &reason) {
        noteSignal();
        m_retries.append({nextAttempt, delayMs, reason});
        emit recorded();
    });
    connect(call, &ChatCall::finished, this, [this](const Result<ChatResult> &result) {
        noteSignal();
        ++m_finishedCount;
        m_outcome = result;
        emit recorded();
    });
}

void ChatCallRecorder::noteSignal()
{
    if (m_finishedCount > 0)
        ++m_signalsAfterFinished;
}

bool ChatCallRecorder::waitForFinished(int timeoutMs)
{
    QSignalSpy spy(this, &ChatCallRecorder::recorded);
    QDeadlineTimer deadline(timeoutMs);
    while (m_finishedCount == 0 && !deadline.hasExpired())
        spy.wait(int(qMax<qint64>(1, deadline.remainingTime())));
    return m_finishedCount > 0;
}

bool ChatCallRecorder::waitForDelta(int timeoutMs)
{
    QSignalSpy spy(this, &ChatCallRecorder::recorded);
    QDeadlineTimer deadline(timeoutMs);
    while (m_deltas.isEmpty() && m_finishedCount == 0 && !deadline.hasExpired())
        spy.wait(int(qMax<qint64>(1, deadline.remainingTime())));
    return !m_deltas.isEmpty();
}

ChatResult ChatCallRecorder::result() const
{
    return succeeded() ? m_outcome->value() : ChatResult();
}

Error ChatCallRecorder::error() const
{
    return m_outcome && !m_outcome->ok() ? m_outcome->error() : Error();
}
