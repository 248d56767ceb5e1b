#include "common/engineundertest.h"

#include "common/postgresserver.h"

#include <QFileInfo>
#include <QHash>

bool EngineUnderTest::isPostgres()
{
    return PostgresServer::selected();
}

QString EngineUnderTest::location(const QString &path)
{
    if (!isPostgres())
        return path;
    static QHash<QString, QString> databases;
    if (const auto known = databases.constFind(path); known != databases.constEnd())
        return known.value();
    QString error;
    PostgresServer *server = PostgresServer::shared(&error);
    if (!server)
        qFatal("PostgreSQL for the test could not start: %s", qPrintable(error));
    const QString database = server->createDatabase(QFileInfo(path).completeBaseName(), &error);
    if (database.isEmpty())
        qFatal("no database for the test: %s", qPrintable(error));
    const QString uri = server->uri(QStringLiteral("owner"), database);
    databases.insert(path, uri);
    return uri;
}
