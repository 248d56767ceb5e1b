#include "core/secrets/keyringlock.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>

void KeyringLock::isLocked(QObject *context, std::function<void(std::optional<bool>)> done)
{
    // org.freedesktop.Secret.Collection's Locked property of the "default" alias, the collection
    // libsecret (and so qtkeychain) stores into; asked without blocking the caller's thread.
    QDBusMessage get = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets/aliases/default"),
        QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        done(std::nullopt);
        return;
    }
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(get, 5000), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                     [done = std::move(done)](QDBusPendingCallWatcher *finished) {
                         finished->deleteLater();
                         const QDBusPendingReply<QDBusVariant> reply = *finished;
                         if (reply.isError())
                             return done(std::nullopt);
                         done(reply.value().variant().toBool());
                     });
}
