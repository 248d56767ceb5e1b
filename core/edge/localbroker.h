#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>

// A mosquitto broker on a loopback port with a generated configuration: what `--demo`, the tests
// and the benchmarks talk to. Optionally a second, TLS listener that requires client certificates.
class LocalBroker
{
    Q_DECLARE_TR_FUNCTIONS(LocalBroker)

public:
    struct Tls
    {
        QString caFile;
        QString certificateFile;
        QString keyFile;
        bool requireCertificate = true;
    };

    LocalBroker();
    ~LocalBroker();

    // Where mosquitto is (PATH, then /usr/sbin); empty when it is not installed.
    static QString executable();

    // From the next start() on, only this user with this password may connect (a password file
    // made with mosquitto_passwd); anonymous clients are refused.
    void requirePassword(const QString &user, const QString &password);

    // Starts the broker and waits until its ports accept connections. Ports of 0 pick free ones.
    Status start(int port = 0, std::optional<Tls> tls = std::nullopt, int tlsPort = 0);
    void stop();
    // Stops and starts again on the same ports, as a broker restart in production would.
    Status restart();

    int port() const { return m_port; }
    int tlsPort() const { return m_tlsPort; }
    QString url() const { return QStringLiteral("mqtt://127.0.0.1:%1").arg(m_port); }
    QString log() const;
    // The broker's process (0 when it is not running): the benches count its CPU time apart.
    qint64 processId() const { return m_process ? m_process->processId() : 0; }

private:
    Status launch();

    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<QProcess> m_process; // made on the thread that starts the broker
    int m_port = 0;
    int m_tlsPort = 0;
    QString m_user;
    QString m_password;
};
