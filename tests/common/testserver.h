#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

// One of the protocol-faithful servers in tests/servers/, run as a child process for a test: it
// starts with --port 0 --watch-stdin, so it picks a free port and exits with the test even when the
// test crashes. The /_test endpoints are wrapped so a test can read what went over the wire.
class TestServer
{
public:
    // `script` is a file in tests/servers/, e.g. "openai_server.py"; `arguments` are extra flags.
    explicit TestServer(const QString &script, const QStringList &arguments = {});
    ~TestServer();

    TestServer(const TestServer &) = delete;
    TestServer &operator=(const TestServer &) = delete;

    // Starts the server and waits for its "LISTENING <port>" line; errorString() says why not.
    bool start(int timeoutMs = 15000);
    void stop();
    QString errorString() const { return m_errorString; }

    int port() const { return m_port; }
    // http://127.0.0.1:<port> followed by `path`.
    QUrl url(const QString &path = {}) const;

    // GET /_test/requests: every model request so far, oldest first, with the raw wire path,
    // lower-case headers, body and the server's verdict.
    QJsonArray requests() const;
    QJsonObject lastRequest() const;
    // POST /_test/reset: clears the log and the fault counters.
    bool reset() const;
    // GET /_test/stats: the model servers' counters (max_in_flight …).
    QJsonObject stats() const;
    // POST /_test/replies: the model servers' scripted reply rules (their README says how).
    bool setReplies(const QJsonArray &rules) const;
    // GET /_test/state: what the registry servers (sagemaker_server.py, mlflow_server.py) hold.
    QJsonObject state() const;

    static QString scriptPath(const QString &script);

private:
    QByteArray call(const QByteArray &method, const QString &path, const QByteArray &body = {},
                    int timeoutMs = 10000) const;

    QString m_script;
    QStringList m_arguments;
    QProcess m_process;
    int m_port = 0;
    QString m_errorString;
};
