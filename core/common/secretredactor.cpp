#include "core/common/secretredactor.h"

#include <QMutexLocker>

#include <algorithm>

SecretRedactor &SecretRedactor::instance()
{
    static SecretRedactor redactor;
    return redactor;
}

void SecretRedactor::registerSecret(const QString &secret)
{
    if (secret.size() < 4)
        return;
    QMutexLocker locker(&m_mutex);
    if (m_secrets.contains(secret))
        return;
    m_secrets.append(secret);
    // Longest first, so a secret that contains another is masked whole.
    std::sort(m_secrets.begin(), m_secrets.end(),
              [](const QString &left, const QString &right) { return left.size() > right.size(); });
}

QString SecretRedactor::redact(QString text) const
{
    QMutexLocker locker(&m_mutex);
    for (const QString &secret : m_secrets)
        text.replace(secret, mask());
    return text;
}

QByteArray SecretRedactor::redact(const QByteArray &text) const
{
    return redact(QString::fromUtf8(text)).toUtf8();
}

void SecretRedactor::clear()
{
    QMutexLocker locker(&m_mutex);
    m_secrets.clear();
}
