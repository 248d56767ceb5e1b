#pragma once

#include <QString>

// Team-workspace passwords the GUI read from the keyring, held in this process's memory only, so
// every connection it opens to the same workspace (the worker's, an evaluation run's, a reader's)
// can log in. Never written anywhere; a process that has none leaves it to libpq (PGPASSWORD,
// ~/.pgpass).
class SessionPasswords
{
public:
    static void remember(const QString &uri, const QString &password);
    static QString find(const QString &uri);
    static void forget(const QString &uri);
};
