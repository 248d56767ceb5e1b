#include "core/storage/sessionpasswords.h"

#include <QHash>
#include <QMutex>

namespace {

QMutex mutex;
QHash<QString, QString> &passwords()
{
    static QHash<QString, QString> byUri;
    return byUri;
}

} // namespace

void SessionPasswords::remember(const QString &uri, const QString &password)
{
    const QMutexLocker locker(&mutex);
    passwords().insert(uri, password);
}

QString SessionPasswords::find(const QString &uri)
{
    const QMutexLocker locker(&mutex);
    return passwords().value(uri);
}

void SessionPasswords::forget(const QString &uri)
{
    const QMutexLocker locker(&mutex);
    passwords().remove(uri);
}
