#include "core/common/retrybackoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace {

// Beyond a day a hint is nonsense, and clamping keeps the arithmetic inside int.
constexpr double LongestHintMs = 24.0 * 3600.0 * 1000.0;

int clampedMs(double milliseconds)
{
    if (!std::isfinite(milliseconds) || milliseconds < 0)
        return -1;
    return int(std::ceil(std::min(milliseconds, LongestHintMs)));
}

} // namespace

int RetryBackoff::ceilingMs(int nextAttempt) const
{
    const int doublings = std::clamp(nextAttempt - 2, 0, 30);
    const qint64 ceiling = qint64(std::max(m_policy.baseDelayMs, 0)) << doublings;
    return int(std::min<qint64>(ceiling, std::max(m_policy.maxDelayMs, 0)));
}

int RetryBackoff::delayMs(int nextAttempt, int serviceHintMs) const
{
    const int jitter = int(QRandomGenerator::global()->bounded(qint64(ceilingMs(nextAttempt)) + 1));
    return std::max(jitter, serviceHintMs);
}

int RetryBackoff::serviceHintMs(const QByteArray &retryAfter, const QByteArray &retryAfterMs, const QDateTime &now)
{
    bool ok = false;
    const double milliseconds = retryAfterMs.trimmed().toDouble(&ok);
    if (ok)
        return clampedMs(milliseconds);

    const QByteArray value = retryAfter.trimmed();
    if (value.isEmpty())
        return -1;
    const double seconds = value.toDouble(&ok);
    if (ok)
        return clampedMs(seconds * 1000.0);
    // HTTP dates always end in "GMT", which Qt's RFC 2822 parser wants as a numeric offset.
    QString date = QString::fromLatin1(value);
    if (date.endsWith(QLatin1String(" GMT")))
        date = date.chopped(4) + QLatin1String(" +0000");
    const QDateTime when = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return std::max(0, clampedMs(double(now.msecsTo(when))));
}
