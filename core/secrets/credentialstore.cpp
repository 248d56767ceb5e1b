#include "core/secrets/credentialstore.h"

#include "core/common/logcategories.h"
#include "core/common/secretredactor.h"
#include "core/secrets/keyringlock.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <qt6keychain/keychain.h>

namespace {

// Where every keyring error of a profile is said to be.
QString entryOf(const QString &profile)
{
    return CredentialStore::tr("keyring entry for profile \"%1\"").arg(profile);
}

Error keyringError(const QKeychain::Job &job, const QString &profile)
{
    const QString where = entryOf(profile);
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return makeError(Error::Kind::Keyring, CredentialStore::tr("no secrets are stored for this profile"), where);
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return makeError(Error::Kind::Keyring,
                         CredentialStore::tr("the keyring refused access (%1). Unlock the keyring and try again.")
                             .arg(job.errorString()),
                         where);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return makeError(Error::Kind::Keyring,
                         CredentialStore::tr("no OS keyring is reachable (%1). %2")
                             .arg(job.errorString(), CredentialStore::keyringHelp()),
                         where);
    default:
        return makeError(
            Error::Kind::Keyring,
            CredentialStore::tr("the keyring failed: %1. %2").arg(job.errorString(), CredentialStore::keyringHelp()),
            where);
    }
}

void registerSecrets(const SecretMap &secrets)
{
    for (const QString &value : secrets)
        SecretRedactor::instance().registerSecret(value);
}

template<typename JobType> JobType *makeJob(const QString &service, const QString &key)
{
    auto *job = new JobType(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

CredentialStore::CredentialStore(QString service, QObject *parent) : QObject(parent), m_service(std::move(service))
{ }

QString CredentialStore::keyringHelp()
{
    return tr("Secrets are kept only in the OS keyring. Start a Secret Service provider such as "
              "GNOME Keyring or KWallet and unlock it. On a headless machine, start a session with "
              "`dbus-run-session`, run `gnome-keyring-daemon --unlock` inside it, then the program.");
}

QString CredentialStore::keyFor(const QString &profile) const
{
    return QStringLiteral("profile/") + profile;
}

void CredentialStore::write(const QString &profile, const SecretMap &secrets, QObject *context,
                            std::function<void(Status)> done)
{
    registerSecrets(secrets);
    QJsonObject object;
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
        if (!it.value().isEmpty())
            object.insert(it.key(), it.value());
    }
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, keyFor(profile));
    job->setTextData(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
    connect(job, &QKeychain::Job::finished, context, [profile, done = std::move(done)](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError) {
            done(keyringError(*finished, profile));
            return;
        }
        qCInfo(lcSecrets) << "stored secrets of profile" << profile;
        done(Done{});
    });
    job->start();
}

void CredentialStore::read(const QString &profile, QObject *context, std::function<void(Result<SecretMap>)> done)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, keyFor(profile));
    connect(
        job, &QKeychain::Job::finished, context, [context, profile, done = std::move(done)](QKeychain::Job *finished) {
            // Nothing stored is no error (a local endpoint needs no key); a locked, refusing or missing
            // keyring is, and callers stop on it rather than carry on without the secret.
            if (finished->error() == QKeychain::EntryNotFound) {
                // A locked collection hides its items: qtkeychain says "not found" for those too.
                KeyringLock::isLocked(context, [profile, done](std::optional<bool> locked) {
                    if (locked.value_or(false))
                        done(
                            makeError(Error::Kind::Keyring,
                                      tr("the keyring is locked, so the profile's secrets cannot be read. Unlock it "
                                         "(log in to the desktop session, or unlock the login keyring) and try again."),
                                      entryOf(profile)));
                    else
                        done(SecretMap());
                });
                return;
            }
            if (finished->error() != QKeychain::NoError) {
                done(keyringError(*finished, profile));
                return;
            }
            const QString text = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
            const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
            SecretMap secrets;
            for (auto it = object.constBegin(); it != object.constEnd(); ++it)
                secrets.insert(it.key(), it.value().toString());
            registerSecrets(secrets);
            done(secrets);
        });
    job->start();
}

void CredentialStore::remove(const QString &profile, QObject *context, std::function<void(Status)> done)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(m_service, keyFor(profile));
    connect(job, &QKeychain::Job::finished, context, [profile, done = std::move(done)](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError && finished->error() != QKeychain::EntryNotFound) {
            done(keyringError(*finished, profile));
            return;
        }
        done(Done{});
    });
    job->start();
}

void CredentialStore::probe(QObject *context, std::function<void(Status)> done)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, QStringLiteral("probe"));
    connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound)
            done(Done{});
        else
            done(keyringError(*finished, QStringLiteral("probe")));
    });
    job->start();
}

namespace {

// Runs one asynchronous call to its end on a local event loop.
template<typename T, typename Start> T waitFor(Start start)
{
    QEventLoop loop;
    std::optional<T> outcome;
    start(&loop, [&](T result) {
        outcome.emplace(std::move(result));
        loop.quit();
    });
    if (!outcome)
        loop.exec();
    return std::move(*outcome);
}

} // namespace

Status CredentialStore::writeBlocking(const QString &profile, const SecretMap &secrets)
{
    return waitFor<Status>([&](QObject *context, auto finish) { write(profile, secrets, context, finish); });
}

Result<SecretMap> CredentialStore::readBlocking(const QString &profile)
{
    return waitFor<Result<SecretMap>>([&](QObject *context, auto finish) { read(profile, context, finish); });
}

Status CredentialStore::removeBlocking(const QString &profile)
{
    return waitFor<Status>([&](QObject *context, auto finish) { remove(profile, context, finish); });
}
