#pragma once

#include <QString>

class QSqlError;

// When a team workspace's transaction may simply run again: PostgreSQL aborts one of two
// SERIALIZABLE transactions that read and wrote the same rows (SQLSTATE 40001) and breaks
// deadlocks (40P01); both are the database asking for a retry, and the work that runs again reads
// the state the other committed. The SQL state of the last error is kept per thread, because a
// connection belongs to one thread.
class SerializationRetry
{
public:
    static constexpr int attempts = 5;

    static void note(const QSqlError &error);
    static void clear();
    static bool shouldRetry(); // the last error on this thread asks for a retry
    // Sleeps before attempt `attempt` (2, 3, …): a few milliseconds, doubling, with jitter so that
    // two clients that collided do not collide again.
    static void wait(int attempt);
};
