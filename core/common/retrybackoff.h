#pragma once

#include "core/providers/providerconfig.h"

#include <QByteArray>
#include <QDateTime>

// The waits between attempts: exponential backoff with full jitter (a random wait between zero and
// a cap that doubles each attempt), so clients throttled together do not come back together. A
// wait the service asks for (Retry-After, retry-after-ms) wins when it is longer.
class RetryBackoff
{
public:
    explicit RetryBackoff(const RetryPolicy &policy) : m_policy(policy) { }

    bool allowsAttempt(int attempt) const { return attempt <= m_policy.maxAttempts; }
    // The cap of the jitter before `nextAttempt` (2 for the first retry).
    int ceilingMs(int nextAttempt) const;
    int delayMs(int nextAttempt, int serviceHintMs = -1) const;

    // What the service asked for, in milliseconds, or -1 when it said nothing usable. retry-after-ms
    // is preferred, being exact; Retry-After holds seconds (fractions allowed) or an HTTP date.
    static int serviceHintMs(const QByteArray &retryAfter, const QByteArray &retryAfterMs,
                             const QDateTime &now = QDateTime::currentDateTimeUtc());

private:
    RetryPolicy m_policy;
};
