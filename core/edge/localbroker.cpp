#include "core/edge/localbroker.h"

#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <unistd.h>
#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace {

int freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

bool accepts(int port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(port));
    return socket.waitForConnected(200);
}

} // namespace

LocalBroker::LocalBroker() = default;

LocalBroker::~LocalBroker()
{
    stop();
}

QString LocalBroker::executable()
{
    const QString found = QStandardPaths::findExecutable(QStringLiteral("mosquitto"));
    if (!found.isEmpty())
        return found;
    return QStandardPaths::findExecutable(QStringLiteral("mosquitto"),
                                          {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")});
}

void LocalBroker::requirePassword(const QString &user, const QString &password)
{
    m_user = user;
    m_password = password;
}

Status LocalBroker::start(int port, std::optional<Tls> tls, int tlsPort)
{
    if (executable().isEmpty())
        return makeError(Error::Kind::Service, tr("mosquitto is not installed (Debian: apt-get install mosquitto)"));
    m_directory = std::make_unique<QTemporaryDir>();
    m_port = port > 0 ? port : freePort();
    QString access = QStringLiteral("allow_anonymous true\n");
    if (!m_user.isEmpty()) {
        const QString passwords = m_directory->filePath(QStringLiteral("passwords"));
        QProcess tool;
        tool.start(QStringLiteral("mosquitto_passwd"),
                   {QStringLiteral("-b"), QStringLiteral("-c"), passwords, m_user, m_password});
        if (!tool.waitForFinished(10000) || tool.exitCode() != 0)
            return makeError(Error::Kind::Service, tr("mosquitto_passwd could not write a password file"), passwords);
        access = QStringLiteral("allow_anonymous false\npassword_file %1\n").arg(passwords);
    }
    QString config = QStringLiteral("per_listener_settings false\n"
                                    "persistence false\n"
                                    // Unlimited queues: a test counts every message, and a slow
                                    // subscriber must be the program's problem, not the broker's.
                                    "max_queued_messages 0\n"
                                    "log_dest file %1/mosquitto.log\n"
                                    "log_type error\nlog_type warning\nlog_type notice\n"
                                    "listener %2 127.0.0.1\n")
                         .arg(m_directory->path())
                         .arg(m_port)
        + access;
    // As root, mosquitto would switch to its own user and lose access to our private directory.
    if (::geteuid() == 0)
        config += QStringLiteral("user root\n");
    if (tls) {
        m_tlsPort = tlsPort > 0 ? tlsPort : freePort();
        config += QStringLiteral("listener %1 127.0.0.1\ncafile %2\ncertfile %3\nkeyfile %4\nrequire_certificate %5\n")
                      .arg(m_tlsPort)
                      .arg(tls->caFile, tls->certificateFile, tls->keyFile,
                           tls->requireCertificate ? QStringLiteral("true") : QStringLiteral("false"));
    }
    QFile file(m_directory->filePath(QStringLiteral("mosquitto.conf")));
    if (!file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) < 0)
        return makeError(Error::Kind::Storage, tr("cannot write the broker's configuration"), file.fileName());
    file.close();
    return launch();
}

Status LocalBroker::launch()
{
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(executable());
    m_process->setArguments({QStringLiteral("-c"), m_directory->filePath(QStringLiteral("mosquitto.conf"))});
    m_process->setProcessChannelMode(QProcess::MergedChannels);
#ifdef Q_OS_LINUX
    // Should this process die without stopping it (kill -9), the broker goes too: no orphan keeps
    // the port. (Linux delivers the signal when the thread that started the broker ends.)
    m_process->setChildProcessModifier([]() { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    m_process->start();
    if (!m_process->waitForStarted(5000))
        return makeError(Error::Kind::Service, tr("mosquitto did not start: %1").arg(m_process->errorString()));
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 10000) {
        if (m_process->state() != QProcess::Running)
            return makeError(Error::Kind::Service, tr("mosquitto exited: %1").arg(log()));
        if (accepts(m_port) && (m_tlsPort == 0 || accepts(m_tlsPort)))
            return Done{};
        QThread::msleep(20);
    }
    return makeError(Error::Kind::Timeout, tr("mosquitto did not open port %1 within 10 s").arg(m_port));
}

void LocalBroker::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(5000)) {
        m_process->kill();
        m_process->waitForFinished(2000);
    }
    m_process.reset();
}

Status LocalBroker::restart()
{
    stop();
    return launch();
}

QString LocalBroker::log() const
{
    QFile file(m_directory ? m_directory->filePath(QStringLiteral("mosquitto.log")) : QString());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed().right(2000);
}
