#pragma once

#include <QString>

// Where a test keeps its workspace: the file `path` itself, or, when the suite runs on PostgreSQL
// (GENAIOPS_TEST_ENGINE=postgresql, as ctest's *_postgresql entries set it), a database of its own
// on the program's PostgresServer, the same one for the same path, so that a test can close and
// reopen it. The suite's code is the same for both engines.
class EngineUnderTest
{
public:
    static QString location(const QString &path);
    static bool isPostgres();
};
