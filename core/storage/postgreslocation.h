#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>

// Where a team workspace is: a libpq connection URI (`postgresql://USER@HOST:PORT/DB?sslmode=…`),
// parsed by libpq itself (PQconninfoParse), so it means exactly what it means to psql. Every
// parameter but the password is kept; a password written into the URI is refused, because the URI
// ends up in argv, settings and the recent-workspaces list. libpq still finds a password the usual
// ways (PGPASSWORD, ~/.pgpass), and the GUI hands over the one it keeps in the keyring.
class PostgresLocation
{
    Q_DECLARE_TR_FUNCTIONS(PostgresLocation)

public:
    static bool isPostgresUri(const QString &location);
    static Result<PostgresLocation> parse(const QString &uri);
    // The URI with any password in it blanked, for messages about a URI that did not parse.
    static QString redacted(const QString &uri);

    QString host() const { return m_parameters.value(QStringLiteral("host")); }
    int port() const { return m_parameters.value(QStringLiteral("port")).toInt(); }
    QString database() const { return m_parameters.value(QStringLiteral("dbname")); }
    QString user() const { return m_parameters.value(QStringLiteral("user")); }
    // libpq keywords other than host, port, dbname, user and password (sslmode, sslrootcert, …),
    // in QPSQL's connect-options form: key='value' pairs separated by ';'.
    QString connectOptions() const;
    // host:port/database, for the status bar and messages.
    QString server() const;
    // The URI again, without anything the user did not write.
    QString uri() const { return m_uri; }

private:
    QString m_uri;
    QMap<QString, QString> m_parameters;
};
