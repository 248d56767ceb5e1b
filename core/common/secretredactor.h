#pragma once

#include <QMutex>
#include <QString>
#include <QStringList>

// Masks every secret the process has seen before text leaves it (log lines, error messages shown to
// the user, reports). Secrets register themselves when they are read from or written to the keyring
// or the environment, so a service that echoes a key back in an error cannot leak it either.
class SecretRedactor
{
public:
    static SecretRedactor &instance();

    // Secrets shorter than four characters are not registered: masking them would garble ordinary text.
    void registerSecret(const QString &secret);
    QString redact(QString text) const;
    QByteArray redact(const QByteArray &text) const;
    void clear();

    static QString mask() { return QStringLiteral("****"); }

private:
    SecretRedactor() = default;

    mutable QMutex m_mutex;
    QStringList m_secrets;
};
