#include "core/common/logsink.h"

#include "core/common/secretredactor.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>
#include <QStandardPaths>

#include <cstdio>

namespace {

QMutex logMutex;
QFile *logFile = nullptr;

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "unknown";
}

void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString safe = SecretRedactor::instance().redact(message);
    const QByteArray category = context.category ? QByteArray(context.category) : QByteArray("default");
    const QByteArray line = category + ": " + safe.toUtf8() + '\n';
    QMutexLocker locker(&logMutex);
    std::fputs(line.constData(), stderr);
    if (logFile) {
        const QByteArray stamp = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8();
        logFile->write(stamp + ' ' + levelName(type) + ' ' + line);
        logFile->flush();
    }
}

} // namespace

void LogSink::install(const QString &logFilePath)
{
    {
        QMutexLocker locker(&logMutex);
        delete logFile;
        logFile = nullptr;
        if (!logFilePath.isEmpty()) {
            QDir().mkpath(QFileInfo(logFilePath).absolutePath());
            auto *file = new QFile(logFilePath);
            if (file->open(QIODevice::Append | QIODevice::Text))
                logFile = file;
            else
                delete file;
        }
    }
    qInstallMessageHandler(handleMessage);
}

QString LogSink::logFilePath()
{
    QMutexLocker locker(&logMutex);
    return logFile ? logFile->fileName() : QString();
}

QString LogSink::defaultLogFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/logs/genaiops.log");
}
