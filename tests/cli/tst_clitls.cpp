// TLS verification and its per-profile opt-out, end to end: the OpenAI-compatible test server
// serving HTTPS with a self-signed certificate, reached by `genaiops chat` through a profile.

#include "common/testserver.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Outcome
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestCliTls : public QObject
{
    Q_OBJECT

    QTemporaryDir m_directory;
    std::unique_ptr<TestServer> m_server;

    Outcome cli(const QStringList &arguments, const QByteArray &input = {})
    {
        QProcess process;
        process.start(QStringLiteral(GENAIOPS_CLI_PATH),
                      QStringList{u"--workspace"_s, m_directory.filePath(u"ws.genaiops"_s)} + arguments);
        process.waitForStarted();
        process.write(input);
        process.closeWriteChannel();
        process.waitForFinished(60000);
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

    bool profile(const QString &name, const QByteArray &verify)
    {
        const QByteArray settings = "base_url=https://127.0.0.1:" + QByteArray::number(m_server->port()) + "/v1\n"
            + (verify.isEmpty() ? QByteArray() : "verify_tls=" + verify + '\n');
        return cli({u"credentials"_s, u"set"_s, name, u"--kind"_s, u"openai"_s}, settings).exitCode == 0;
    }

private slots:
    void initTestCase()
    {
        // A certificate nobody signed: what a test server or a lab gateway has.
        QCOMPARE(QProcess::execute(u"openssl"_s,
                                   {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s,
                                    m_directory.filePath(u"key.pem"_s), u"-out"_s, m_directory.filePath(u"cert.pem"_s),
                                    u"-days"_s, u"1"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
                                    u"subjectAltName=IP:127.0.0.1"_s}),
                 0);
        m_server = std::make_unique<TestServer>(u"openai_server.py"_s,
                                                QStringList{u"--tls-cert"_s, m_directory.filePath(u"cert.pem"_s),
                                                            u"--tls-key"_s, m_directory.filePath(u"key.pem"_s)});
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        QVERIFY(profile(u"verified"_s, {}));
        QVERIFY(profile(u"mistyped"_s, "off"));
        QVERIFY(profile(u"lab"_s, "no"));
    }

    // By default, and with anything but "no", an unknown certificate is refused with the reason.
    void anUntrustedCertificateIsRefusedUnlessTheProfileSaysNo_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::newRow("verification on by default") << u"verified"_s;
        QTest::newRow("verify_tls=off is not no") << u"mistyped"_s;
    }

    void anUntrustedCertificateIsRefusedUnlessTheProfileSaysNo()
    {
        QFETCH(QString, profile);
        const Outcome outcome = cli({u"chat"_s, u"--profile"_s, profile, u"--model"_s, u"gpt-4o-mini"_s, u"hello"_s});
        QVERIFY(outcome.exitCode != 0);
        QVERIFY2(outcome.err.contains("certificate"), outcome.err.constData());
        QVERIFY(!outcome.err.contains("does not verify TLS"));
        QVERIFY(outcome.out.isEmpty());
    }

    // verify_tls=no reaches the server, and the CLI warns on this run and on every run.
    void aProfileThatSaysNoConnectsAndIsWarnedAboutOnEveryRun()
    {
        for (int run = 0; run < 2; ++run) {
            const Outcome outcome
                = cli({u"chat"_s, u"--profile"_s, u"lab"_s, u"--model"_s, u"gpt-4o-mini"_s, u"hello"_s});
            QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
            QVERIFY(outcome.out.startsWith("Echo: hello"));
            QVERIFY2(outcome.err.contains("warning: profile \"lab\" does not verify TLS certificates"),
                     outcome.err.constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestCliTls)
#include "tst_clitls.moc"
