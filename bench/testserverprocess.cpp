#include "testserverprocess.h"

#include <QDeadlineTimer>
#include <QFileInfo>

using namespace Qt::StringLiterals;

TestServerProcess::~TestServerProcess()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(3000)) {
        m_process.kill();
        m_process.waitForFinished(3000);
    }
}

Status TestServerProcess::start(const QString &script, const QStringList &arguments, int timeoutMs)
{
    if (!QFileInfo::exists(script))
        return makeError(Error::Kind::Input, u"the test server %1 does not exist"_s.arg(script));
    m_process.setProgram(u"python3"_s);
    m_process.setArguments(QStringList{script, u"--port"_s, u"0"_s, u"--watch-stdin"_s} + arguments);
    m_process.start();
    QDeadlineTimer deadline(timeoutMs);
    if (!m_process.waitForStarted(int(deadline.remainingTime())))
        return failure(u"python3 did not start: %1"_s.arg(m_process.errorString()));

    while (!m_process.canReadLine()) {
        if (m_process.state() != QProcess::Running || deadline.hasExpired()
            || !m_process.waitForReadyRead(int(deadline.remainingTime()))) {
            return failure(u"no \"LISTENING <port>\" line within %1 ms"_s.arg(timeoutMs));
        }
    }
    const QByteArray line = m_process.readLine().trimmed();
    bool ok = false;
    const uint port = line.startsWith("LISTENING ") ? line.mid(10).toUInt(&ok) : 0;
    if (!ok || port == 0 || port > 65535)
        return failure(u"unexpected first line \"%1\""_s.arg(QString::fromUtf8(line)));
    m_port = quint16(port);
    return Done{};
}

Error TestServerProcess::failure(const QString &message)
{
    m_process.waitForReadyRead(100);
    const QString stderrText = QString::fromUtf8(m_process.readAllStandardError()).trimmed();
    QString text = message;
    if (!stderrText.isEmpty())
        text += u"; its stderr: "_s + stderrText;
    return makeError(Error::Kind::Service, text, m_process.arguments().value(0));
}
