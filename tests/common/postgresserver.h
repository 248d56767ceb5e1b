#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// A real PostgreSQL from Debian's `postgresql` package, started by the test itself: initdb in a
// temporary directory, a free loopback port, password (SCRAM) logins for the roles below, stopped
// when the test program ends. Passwords reach libpq the way a user's do, through a pgpass file
// (PGPASSFILE), so child processes (the CLI) find them too. Run as root, the server runs as the
// `postgres` user, because PostgreSQL refuses to run as root.
//
// Roles: `tester` (superuser, makes databases), `owner` (owns every workspace database: creates
// roles, not a superuser, so the workspace's own rules are what protect it) and the people
// alice, bob, carol, dave, erin, frank and nobody, who hold no workbench role until a test grants one.
class PostgresServer
{
public:
    // The program's one server, started on first use; nullptr (and why in `error`) when it cannot start.
    static PostgresServer *shared(QString *error = nullptr);

    ~PostgresServer();

    int port() const { return m_port; }
    static QStringList people()
    {
        return {QStringLiteral("alice"), QStringLiteral("bob"),   QStringLiteral("carol"), QStringLiteral("dave"),
                QStringLiteral("erin"),  QStringLiteral("frank"), QStringLiteral("nobody")};
    }
    static QString password(const QString &role) { return role + QStringLiteral("-secret"); }

    // One more login role (password password(role)), known to the pgpass file from now on.
    bool addLogin(const QString &role, QString *error = nullptr);
    // A new empty database owned by `owner`, named after `hint`; empty (and why in `error`) on failure.
    QString createDatabase(const QString &hint, QString *error = nullptr);
    // postgresql://ROLE@127.0.0.1:PORT/DATABASE
    QString uri(const QString &role, const QString &database) const;
    // Runs one statement as `role` through psql; its output, or an error message in `error`.
    QString psql(const QString &role, const QString &database, const QString &sql, QString *error = nullptr) const;
    // Stops and starts the server (the data stays), for tests of what a restart does to clients.
    bool restart(QString *error = nullptr);
    // `immediately`: as if the server were killed (no checkpoint; it recovers from its WAL on start).
    bool stop(QString *error = nullptr, bool immediately = false);
    bool start(QString *error = nullptr);

    // Whether the tests of this program run on PostgreSQL (GENAIOPS_TEST_ENGINE=postgresql).
    static bool selected();

private:
    PostgresServer() = default;
    bool initialise(QString *error);
    bool runAsServer(const QString &program, const QStringList &arguments, QString *error, int timeoutMs = 60000) const;

    std::unique_ptr<QTemporaryDir> m_directory;
    QString m_binaries;
    QString m_data;
    QString m_passwords;
    int m_port = 0;
    int m_databases = 0;
    bool m_asRoot = false;
};
