#pragma once

#include "core/common/result.h"
#include "core/secrets/credentialprofile.h"

#include <QObject>

#include <functional>

// The only place secrets are kept: the OS keyring through qtkeychain (Secret Service on Linux,
// Keychain on macOS, Credential Manager on Windows), never a file of ours. One keyring entry per
// profile holds that profile's secret fields. The insecure plain-text fallback stays off. (After
// Nextcloud's KeychainChunk: asynchronous jobs, a blocking form for the CLI, errors in words.)
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    explicit CredentialStore(QString service = defaultService(), QObject *parent = nullptr);

    static QString defaultService() { return QStringLiteral("genaiops-workbench"); }

    void write(const QString &profile, const SecretMap &secrets, QObject *context, std::function<void(Status)> done);
    void read(const QString &profile, QObject *context, std::function<void(Result<SecretMap>)> done);
    // Removing a profile that has no entry is not an error.
    void remove(const QString &profile, QObject *context, std::function<void(Status)> done);

    // Done when a keyring answers (whether or not it holds anything of ours), else why not.
    void probe(QObject *context, std::function<void(Status)> done);

    // Blocking forms: they spin a local event loop, so call them from the CLI or a test, never from
    // a GUI slot.
    Status writeBlocking(const QString &profile, const SecretMap &secrets);
    Result<SecretMap> readBlocking(const QString &profile);
    Status removeBlocking(const QString &profile);

    // What a user should do when no keyring answers; shown by the GUI and the CLI alike.
    static QString keyringHelp();

private:
    QString keyFor(const QString &profile) const;

    QString m_service;
};
