#pragma once

#include <QString>

// Installs the process-wide Qt message handler: every message is passed through SecretRedactor, then
// written to stderr and, when a log file is set, appended to it with a timestamp and category.
class LogSink
{
public:
    static void install(const QString &logFilePath = {});
    static QString logFilePath();
    // Default place for the log file: <AppDataLocation>/logs/genaiops.log
    static QString defaultLogFilePath();
};
