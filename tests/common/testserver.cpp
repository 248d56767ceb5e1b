#include "common/testserver.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

TestServer::TestServer(const QString &script, const QStringList &arguments) : m_script(script), m_arguments(arguments)
{ }

TestServer::~TestServer()
{
    stop();
}

QString TestServer::scriptPath(const QString &script)
{
    return QStringLiteral(GENAIOPS_SOURCE_DIR "/tests/servers/") + script;
}

bool TestServer::start(int timeoutMs)
{
    m_process.setProgram(u"python3"_s);
    m_process.setArguments(QStringList{scriptPath(m_script), u"--port"_s, u"0"_s, u"--watch-stdin"_s} + m_arguments);
    m_process.start();
    if (!m_process.waitForStarted(timeoutMs)) {
        m_errorString = u"cannot start python3 %1: %2"_s.arg(m_script, m_process.errorString());
        return false;
    }
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_process.canReadLine()) {
        if (deadline.hasExpired() || !m_process.waitForReadyRead(int(deadline.remainingTime()))) {
            m_errorString = u"%1 did not say LISTENING within %2 ms: %3"_s.arg(
                m_script, QString::number(timeoutMs), QString::fromUtf8(m_process.readAllStandardError()));
            stop();
            return false;
        }
    }
    const QByteArray line = m_process.readLine().trimmed();
    if (!line.startsWith("LISTENING ")) {
        m_errorString = u"%1 printed \"%2\" instead of LISTENING <port>"_s.arg(m_script, QString::fromUtf8(line));
        stop();
        return false;
    }
    m_port = line.mid(10).toInt();
    return m_port > 0;
}

void TestServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel(); // --watch-stdin: the server exits on its own
    if (!m_process.waitForFinished(3000)) {
        m_process.kill();
        m_process.waitForFinished(3000);
    }
}

QUrl TestServer::url(const QString &path) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path));
}

QByteArray TestServer::call(const QByteArray &method, const QString &path, const QByteArray &body, int timeoutMs) const
{
    QNetworkAccessManager network;
    QNetworkRequest request(url(path));
    request.setRawHeader("Content-Type", "application/json");
    QNetworkReply *reply = network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    const QByteArray answer = reply->isFinished() ? reply->readAll() : QByteArray();
    delete reply;
    return answer;
}

QJsonObject TestServer::stats() const
{
    return QJsonDocument::fromJson(call("GET", u"/_test/stats"_s)).object();
}

bool TestServer::setReplies(const QJsonArray &rules) const
{
    const QByteArray answer = call("POST", u"/_test/replies"_s, QJsonDocument(rules).toJson(QJsonDocument::Compact));
    return !answer.isEmpty() && !answer.contains("error");
}

QJsonArray TestServer::requests() const
{
    return QJsonDocument::fromJson(call("GET", u"/_test/requests"_s)).array();
}

QJsonObject TestServer::lastRequest() const
{
    const QJsonArray all = requests();
    return all.isEmpty() ? QJsonObject() : all.last().toObject();
}

bool TestServer::reset() const
{
    return QJsonDocument::fromJson(call("POST", u"/_test/reset"_s)).object().value("ok"_L1).toBool();
}

QJsonObject TestServer::state() const
{
    return QJsonDocument::fromJson(call("GET", u"/_test/state"_s)).object();
}
