#include "common/postgresserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>

#include <pwd.h>
#include <unistd.h>

namespace {

QString findBinaries()
{
    // Debian keeps each major version's programs apart; the newest installed one serves.
    QDir lib(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = lib.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    std::sort(versions.begin(), versions.end(),
              [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &version : versions)
        if (QFile::exists(lib.filePath(version + QStringLiteral("/bin/initdb"))))
            return lib.filePath(version + QStringLiteral("/bin"));
    return {};
}

int freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

bool giveTo(const QString &path, const passwd *user)
{
    return ::chown(QFile::encodeName(path).constData(), user->pw_uid, user->pw_gid) == 0;
}

PostgresServer *server = nullptr;

void stopShared()
{
    delete server;
    server = nullptr;
}

} // namespace

bool PostgresServer::selected()
{
    return qEnvironmentVariable("GENAIOPS_TEST_ENGINE") == QLatin1String("postgresql");
}

PostgresServer *PostgresServer::shared(QString *error)
{
    if (server)
        return server;
    auto *started = new PostgresServer;
    if (!started->initialise(error)) {
        delete started;
        return nullptr;
    }
    server = started;
    // Before QCoreApplication goes: stopping runs pg_ctl through QProcess.
    qAddPostRoutine(stopShared);
    return server;
}

PostgresServer::~PostgresServer()
{
    if (m_port)
        stop();
}

bool PostgresServer::runAsServer(const QString &program, const QStringList &arguments, QString *error,
                                 int timeoutMs) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (m_asRoot)
        process.start(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program}
                          + arguments);
    else
        process.start(program, arguments);
    const bool finished = process.waitForFinished(timeoutMs);
    if (finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return true;
    if (error)
        *error = QStringLiteral("%1 failed: %2").arg(program, QString::fromLocal8Bit(process.readAll()).trimmed());
    return false;
}

bool PostgresServer::initialise(QString *error)
{
    m_binaries = findBinaries();
    if (m_binaries.isEmpty()) {
        if (error)
            *error = QStringLiteral("PostgreSQL is not installed (Debian package postgresql)");
        return false;
    }
    m_directory = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/genaiops-pg-XXXXXX"));
    m_data = m_directory->filePath(QStringLiteral("data"));
    m_asRoot = ::geteuid() == 0;
    const QString superPassword = m_directory->filePath(QStringLiteral("superuser-password"));
    {
        QFile file(superPassword);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write(password(QStringLiteral("tester")).toUtf8() + '\n');
    }
    if (m_asRoot) {
        const passwd *postgres = ::getpwnam("postgres");
        if (!postgres || !giveTo(m_directory->path(), postgres) || !giveTo(superPassword, postgres)) {
            if (error)
                *error = QStringLiteral("running as root needs the postgres user (Debian package postgresql)");
            return false;
        }
    }
    if (!runAsServer(m_binaries + QStringLiteral("/initdb"),
                     {QStringLiteral("-D"), m_data, QStringLiteral("-U"), QStringLiteral("tester"),
                      QStringLiteral("--pwfile=") + superPassword, QStringLiteral("--auth-local=scram-sha-256"),
                      QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("--no-sync"),
                      QStringLiteral("--encoding=UTF8"), QStringLiteral("--locale=C")},
                     error))
        return false;
    // Everyone's password in one pgpass file, the place libpq looks (0600, or libpq ignores it).
    m_passwords = m_directory->filePath(QStringLiteral("pgpass"));
    m_port = freePort();
    {
        QFile file(m_passwords);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        for (const QString &role : QStringList{QStringLiteral("tester"), QStringLiteral("owner")} + people())
            file.write(QStringLiteral("127.0.0.1:%1:*:%2:%3\n").arg(m_port).arg(role, password(role)).toUtf8());
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    qputenv("PGPASSFILE", QFile::encodeName(m_passwords));
    if (!start(error))
        return false;
    QString sqlError;
    psql(QStringLiteral("tester"), QStringLiteral("postgres"),
         QStringLiteral("CREATE ROLE owner LOGIN CREATEROLE CREATEDB PASSWORD '%1'")
             .arg(password(QStringLiteral("owner"))),
         &sqlError);
    for (const QString &person : people())
        if (sqlError.isEmpty())
            psql(QStringLiteral("tester"), QStringLiteral("postgres"),
                 QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(person, password(person)), &sqlError);
    if (!sqlError.isEmpty() && error)
        *error = sqlError;
    return sqlError.isEmpty();
}

bool PostgresServer::start(QString *error)
{
    // fsync off: a test's data need not survive a power cut, and the suites run several times faster.
    // Commits still write their WAL before they answer (synchronous_commit stays on), so a killed
    // server keeps every commit it acknowledged, as a real one does.
    return runAsServer(m_binaries + QStringLiteral("/pg_ctl"),
                       {QStringLiteral("-D"), m_data, QStringLiteral("-l"), m_data + QStringLiteral("/../server.log"),
                        QStringLiteral("-w"), QStringLiteral("-o"),
                        QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off "
                                       "-c max_connections=200")
                            .arg(m_port)
                            .arg(m_directory->path()),
                        QStringLiteral("start")},
                       error);
}

bool PostgresServer::stop(QString *error, bool immediately)
{
    return runAsServer(m_binaries + QStringLiteral("/pg_ctl"),
                       {QStringLiteral("-D"), m_data, QStringLiteral("-m"),
                        immediately ? QStringLiteral("immediate") : QStringLiteral("fast"), QStringLiteral("-w"),
                        QStringLiteral("stop")},
                       error);
}

bool PostgresServer::restart(QString *error)
{
    return stop(error) && start(error);
}

bool PostgresServer::addLogin(const QString &role, QString *error)
{
    QString failure;
    psql(QStringLiteral("tester"), QStringLiteral("postgres"),
         QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(role, password(role)), &failure);
    QFile file(m_passwords);
    if (failure.isEmpty() && file.open(QIODevice::Append))
        file.write(QStringLiteral("127.0.0.1:%1:*:%2:%3\n").arg(m_port).arg(role, password(role)).toUtf8());
    if (error)
        *error = failure;
    return failure.isEmpty();
}

QString PostgresServer::createDatabase(const QString &hint, QString *error)
{
    QString name = QStringLiteral("ws_%1_%2").arg(++m_databases).arg(hint.toLower());
    name.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]")), QStringLiteral("_"));
    name.truncate(60);
    QString failure;
    psql(QStringLiteral("tester"), QStringLiteral("postgres"),
         QStringLiteral("CREATE DATABASE %1 OWNER owner TEMPLATE template0").arg(name), &failure);
    if (!failure.isEmpty()) {
        if (error)
            *error = failure;
        return {};
    }
    return name;
}

QString PostgresServer::uri(const QString &role, const QString &database) const
{
    return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3").arg(role).arg(m_port).arg(database);
}

QString PostgresServer::psql(const QString &role, const QString &database, const QString &sql, QString *error) const
{
    QProcess process;
    process.start(m_binaries + QStringLiteral("/psql"),
                  {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"),
                   QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), uri(role, database),
                   QStringLiteral("-c"), sql});
    process.waitForFinished(60000);
    const QString output = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (error)
            *error = QString::fromUtf8(process.readAllStandardError()).trimmed();
    } else if (error) {
        error->clear();
    }
    return output;
}
