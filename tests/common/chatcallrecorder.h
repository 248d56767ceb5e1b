#pragma once

#include "core/common/result.h"
#include "core/providers/chatresult.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <optional>

class ChatCall;

// Records, in order, what a ChatCall emits. QSignalSpy cannot hand back a Result<ChatResult> (it
// has no default constructor), and tests also want to know whether anything came after finished().
class ChatCallRecorder : public QObject
{
    Q_OBJECT

public:
    struct Retry
    {
        int nextAttempt = 0;
        int delayMs = 0;
        QString reason;
    };

    explicit ChatCallRecorder(ChatCall *call, QObject *parent = nullptr);

    bool waitForFinished(int timeoutMs = 15000);
    bool waitForDelta(int timeoutMs = 15000);

    int finishedCount() const { return m_finishedCount; }
    int signalsAfterFinished() const { return m_signalsAfterFinished; }
    bool succeeded() const { return m_outcome && m_outcome->ok(); }
    // Valid once finished: the result, or an Internal error when the call failed.
    ChatResult result() const;
    // The call's error, or an empty Internal error when it succeeded or is running.
    Error error() const;
    QStringList deltas() const { return m_deltas; }
    QString text() const { return m_deltas.join(QString()); }
    QList<Retry> retries() const { return m_retries; }

signals:
    void recorded();

private:
    void noteSignal();

    QStringList m_deltas;
    QList<Retry> m_retries;
    std::optional<Result<ChatResult>> m_outcome;
    int m_finishedCount = 0;
    int m_signalsAfterFinished = 0;
};
