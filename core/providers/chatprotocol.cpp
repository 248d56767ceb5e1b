#include "core/providers/chatprotocol.h"

Error::Kind ChatProtocol::kindForStatus(int status)
{
    if (status == 401 || status == 403)
        return Error::Kind::Auth;
    if (status == 429)
        return Error::Kind::Throttled;
    if (status == 408)
        return Error::Kind::Timeout;
    // Any other refusal (validation, unknown model) is the service's answer: the CLI reports it with
    // the service's own message and exit code 3, as for a 5xx.
    return Error::Kind::Service;
}

Error ChatProtocol::cutOff(qsizetype characters, const QString &missing)
{
    return makeError(Error::Kind::Network,
                     tr("the stream was cut off after %1 characters (%2)").arg(characters).arg(missing));
}

QString ChatProtocol::excerpt(QByteArrayView bytes, qsizetype position, qsizetype length)
{
    // Mostly what came before the failure: that is what the reader needs to recognise.
    const qsizetype start = qBound<qsizetype>(0, position - length * 3 / 4, qMax<qsizetype>(0, bytes.size() - length));
    const qsizetype end = qMin(bytes.size(), start + length);
    const QString text = QString::fromUtf8(bytes.sliced(start, end - start)).simplified();
    return (start > 0 ? QStringLiteral("…") : QString()) + text
        + (end < bytes.size() ? QStringLiteral("…") : QString());
}
