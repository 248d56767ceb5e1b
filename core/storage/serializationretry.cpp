#include "core/storage/serializationretry.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QThread>

namespace {

thread_local QString lastState;

} // namespace

void SerializationRetry::note(const QSqlError &error)
{
    lastState = error.nativeErrorCode();
}

void SerializationRetry::clear()
{
    lastState.clear();
}

bool SerializationRetry::shouldRetry()
{
    return lastState == QLatin1String("40001") || lastState == QLatin1String("40P01");
}

void SerializationRetry::wait(int attempt)
{
    const int base = 5 << qMin(attempt, 6);
    QThread::msleep(ulong(base + QRandomGenerator::global()->bounded(base)));
}
