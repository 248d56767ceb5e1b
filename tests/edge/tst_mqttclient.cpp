// MqttClient against a real mosquitto: wildcards, both protocol versions, a broker restart, a
// persistent session, and TLS with client certificates made by openssl here in the test.

#include "core/edge/localbroker.h"
#include "core/edge/mqttclient.h"

#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

// Runs openssl with `arguments` in `directory`; fails the test with its output otherwise.
bool openssl(const QString &directory, const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(directory);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        qWarning().noquote() << "openssl" << arguments.join(QLatin1Char(' ')) << process.readAll();
        return false;
    }
    return true;
}

// A certificate authority, and certificates it signs, with EC keys (fast to make).
struct Certificates
{
    QTemporaryDir directory;

    QString path(const QString &name) const { return directory.filePath(name); }

    bool makeAuthority(const QString &name)
    {
        return openssl(directory.path(),
                       {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                        QStringLiteral("-nodes"), QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                        QStringLiteral("-out"), name + QStringLiteral(".crt"), QStringLiteral("-days"),
                        QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=") + name});
    }

    // Signs `name`.crt with `authority`; a passphrase encrypts the key.
    bool makeSigned(const QString &name, const QString &authority, const QString &passphrase = {})
    {
        QStringList request{QStringLiteral("req"),
                            QStringLiteral("-newkey"),
                            QStringLiteral("ec"),
                            QStringLiteral("-pkeyopt"),
                            QStringLiteral("ec_paramgen_curve:prime256v1"),
                            QStringLiteral("-keyout"),
                            name + QStringLiteral(".key"),
                            QStringLiteral("-out"),
                            name + QStringLiteral(".csr"),
                            QStringLiteral("-subj"),
                            QStringLiteral("/CN=") + name};
        request += passphrase.isEmpty() ? QStringList{QStringLiteral("-nodes")}
                                        : QStringList{QStringLiteral("-passout"), QStringLiteral("pass:") + passphrase};
        QFile extensions(path(name + QStringLiteral(".ext")));
        if (!extensions.open(QIODevice::WriteOnly))
            return false;
        extensions.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        extensions.close();
        return openssl(directory.path(), request)
            && openssl(directory.path(),
                       {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                        name + QStringLiteral(".csr"), QStringLiteral("-CA"), authority + QStringLiteral(".crt"),
                        QStringLiteral("-CAkey"), authority + QStringLiteral(".key"), QStringLiteral("-CAcreateserial"),
                        QStringLiteral("-out"), name + QStringLiteral(".crt"), QStringLiteral("-days"),
                        QStringLiteral("2"), QStringLiteral("-extfile"), name + QStringLiteral(".ext")});
    }
};

MqttSettings plainSettings(const LocalBroker &broker, QStringList topics, int version = 4)
{
    MqttSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = broker.port();
    settings.topics = std::move(topics);
    settings.qos = 1;
    settings.protocolVersion = version;
    return settings;
}

// Collects every message a client receives.
struct Inbox
{
    explicit Inbox(MqttClient &client)
    {
        QObject::connect(&client, &MqttClient::messagesReceived, &client,
                         [this](const MqttMessageBatch &batch) { messages += batch; });
    }
    MqttMessageBatch messages;
};

bool waitForState(MqttClient &client, MqttClient::State state, int timeoutMs = 10000)
{
    return QTest::qWaitFor([&]() { return client.state() == state; }, timeoutMs);
}

} // namespace

class MqttClientTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void wildcardsSelectTopics_data();
    void wildcardsSelectTopics();
    void reconnectsAndResubscribesAfterBrokerRestart();
    void persistentSessionKeepsQueuedMessages();
    void wrongPasswordIsRefusedAndRetried();
    void tlsWithClientCertificate();
    void tlsKeyPassphrase();
    void tlsWrongClientCertificateIsAClearError();
    void tlsUntrustedBrokerIsAClearError();
    void anUntrustedBrokerIsReachedOnlyWhenItsProfileTurnsVerificationOff();
    void invalidSettingsAreRefusedBeforeConnecting();

private:
    // A broker with a TLS listener signed by "ca"; `requireCertificate` asks clients for theirs.
    bool startTlsBroker(LocalBroker &broker, bool requireCertificate)
    {
        const auto &c = m_certificates;
        return bool(
            broker.start(0,
                         LocalBroker::Tls{c.path(QStringLiteral("ca.crt")), c.path(QStringLiteral("server.crt")),
                                          c.path(QStringLiteral("server.key")), requireCertificate}));
    }
    // Settings for the TLS listener, trusting `authority` and presenting `device` (none when empty).
    MqttSettings tlsSettings(const LocalBroker &broker, const QString &authority, const QString &device) const
    {
        MqttSettings settings = plainSettings(broker, {QStringLiteral("vqi/#")});
        settings.host = QStringLiteral("localhost"); // the name the broker's certificate carries
        settings.port = broker.tlsPort();
        settings.tls = true;
        settings.caFile = m_certificates.path(authority + QStringLiteral(".crt"));
        if (!device.isEmpty()) {
            settings.certificateFile = m_certificates.path(device + QStringLiteral(".crt"));
            settings.keyFile = m_certificates.path(device + QStringLiteral(".key"));
        }
        return settings;
    }

    Certificates m_certificates;
};

void MqttClientTest::initTestCase()
{
    if (LocalBroker::executable().isEmpty())
        QSKIP("mosquitto is not installed");
    QVERIFY(m_certificates.directory.isValid());
    QVERIFY(m_certificates.makeAuthority(QStringLiteral("ca")));
    QVERIFY(m_certificates.makeAuthority(QStringLiteral("rogue-ca")));
    QVERIFY(m_certificates.makeSigned(QStringLiteral("server"), QStringLiteral("ca")));
    QVERIFY(m_certificates.makeSigned(QStringLiteral("device"), QStringLiteral("ca")));
    QVERIFY(m_certificates.makeSigned(QStringLiteral("locked-device"), QStringLiteral("ca"),
                                      QStringLiteral("open sesame")));
    QVERIFY(m_certificates.makeSigned(QStringLiteral("rogue-device"), QStringLiteral("rogue-ca")));
}

void MqttClientTest::wildcardsSelectTopics_data()
{
    QTest::addColumn<int>("version");
    QTest::newRow("MQTT 3.1.1") << 4;
    QTest::newRow("MQTT 5") << 5;
}

void MqttClientTest::wildcardsSelectTopics()
{
    QFETCH(int, version);
    LocalBroker broker;
    QVERIFY2(broker.start(), qPrintable(broker.log()));
    MqttClient subscriber(plainSettings(broker, {QStringLiteral("factory/+/vqi"), QStringLiteral("line/#")}, version));
    QSignalSpy subscribed(&subscriber, &MqttClient::subscribed);
    Inbox inbox(subscriber);
    QVERIFY(subscriber.start());
    QVERIFY(subscribed.wait(10000));

    MqttClient publisher(plainSettings(broker, {}, version));
    QVERIFY(publisher.start());
    QVERIFY(waitForState(publisher, MqttClient::State::Connected));
    for (const char *topic : {"factory/a/vqi", "factory/a/b/vqi", "line/1/2", "line", "other/vqi"})
        QVERIFY(publisher.publish(QString::fromLatin1(topic), QByteArray("payload of ") + topic, 1));

    // "line" matches "line/#" too: # includes the parent level.
    QTRY_COMPARE_WITH_TIMEOUT(inbox.messages.size(), 3, 5000);
    QStringList topics;
    for (const MqttMessage &message : std::as_const(inbox.messages))
        topics << message.topic;
    topics.sort();
    QCOMPARE(topics,
             (QStringList{QStringLiteral("factory/a/vqi"), QStringLiteral("line"), QStringLiteral("line/1/2")}));
    QCOMPARE(inbox.messages.first().payload.startsWith("payload of "), true);
    QTest::qWait(200);
    QCOMPARE(inbox.messages.size(), 3);
}

void MqttClientTest::reconnectsAndResubscribesAfterBrokerRestart()
{
    LocalBroker broker;
    QVERIFY(broker.start());
    MqttClient subscriber(plainSettings(broker, {QStringLiteral("vqi/#")}));
    QSignalSpy subscribed(&subscriber, &MqttClient::subscribed);
    QSignalSpy failed(&subscriber, &MqttClient::connectionFailed);
    Inbox inbox(subscriber);
    QVERIFY(subscriber.start());
    QVERIFY(subscribed.wait(10000));

    {
        MqttClient publisher(plainSettings(broker, {}));
        QVERIFY(publisher.start());
        QVERIFY(waitForState(publisher, MqttClient::State::Connected));
        for (int index = 0; index < 50; ++index)
            QVERIFY(publisher.publish(QStringLiteral("vqi/before"), QByteArray::number(index), 1));
        QTRY_COMPARE_WITH_TIMEOUT(inbox.messages.size(), 50, 5000);
    }

    // The broker goes away mid-stream and comes back (persistence off: it forgets every session).
    QVERIFY(broker.restart());
    QTRY_VERIFY_WITH_TIMEOUT(subscribed.size() >= 2, 20000);
    QVERIFY(failed.size() >= 1);
    QCOMPARE(failed.first().at(1).value<Error::Kind>(), Error::Kind::Network); // a lost broker, not a refusal
    QVERIFY(subscriber.reconnects() >= 1);
    QCOMPARE(subscriber.state(), MqttClient::State::Connected);

    MqttClient publisher(plainSettings(broker, {}));
    QVERIFY(publisher.start());
    QVERIFY(waitForState(publisher, MqttClient::State::Connected));
    for (int index = 0; index < 50; ++index)
        QVERIFY(publisher.publish(QStringLiteral("vqi/after"), QByteArray::number(index), 1));
    QTRY_COMPARE_WITH_TIMEOUT(inbox.messages.size(), 100, 5000);
    QCOMPARE(inbox.messages.last().topic, QStringLiteral("vqi/after"));
}

void MqttClientTest::persistentSessionKeepsQueuedMessages()
{
    LocalBroker broker;
    QVERIFY(broker.start());
    MqttSettings settings = plainSettings(broker, {QStringLiteral("vqi/#")}, 5);
    settings.clientId = QStringLiteral("genaiops-test-persistent");
    settings.cleanSession = false;
    {
        MqttClient first(settings);
        QSignalSpy subscribed(&first, &MqttClient::subscribed);
        QVERIFY(first.start());
        QVERIFY(subscribed.wait(10000));
        first.stop();
    }
    MqttClient publisher(plainSettings(broker, {}, 5));
    QVERIFY(publisher.start());
    QVERIFY(waitForState(publisher, MqttClient::State::Connected));
    for (int index = 0; index < 10; ++index)
        QVERIFY(publisher.publish(QStringLiteral("vqi/offline"), QByteArray::number(index), 1));
    QTest::qWait(300);

    // Back with the same client id: the broker hands over what arrived while it was away.
    MqttClient second(settings);
    Inbox inbox(second);
    QVERIFY(second.start());
    QTRY_COMPARE_WITH_TIMEOUT(inbox.messages.size(), 10, 10000);
    QCOMPARE(inbox.messages.first().payload, QByteArray("0"));
    QCOMPARE(inbox.messages.last().payload, QByteArray("9"));
}

void MqttClientTest::wrongPasswordIsRefusedAndRetried()
{
    LocalBroker broker;
    broker.requirePassword(QStringLiteral("line-7"), QStringLiteral("s3cret"));
    QVERIFY2(broker.start(), qPrintable(broker.log()));
    MqttSettings settings = plainSettings(broker, {QStringLiteral("vqi/#")});
    settings.username = QStringLiteral("line-7");
    settings.password = QStringLiteral("wrong");
    MqttClient refused(settings);
    QSignalSpy failed(&refused, &MqttClient::connectionFailed);
    QVERIFY(refused.start());
    QVERIFY(failed.wait(10000));
    const QString reason = failed.first().first().toString();
    QVERIFY2(reason.startsWith(QLatin1String("the broker refused the connection")), qPrintable(reason));
    QCOMPARE(failed.first().at(1).value<Error::Kind>(), Error::Kind::Auth);
    // libmosquitto gives up after a refusal; this client tries again, with backoff.
    QTRY_VERIFY_WITH_TIMEOUT(failed.size() >= 2, 10000);
    QVERIFY(refused.state() != MqttClient::State::Connected);

    settings.password = QStringLiteral("s3cret");
    MqttClient admitted(settings);
    QSignalSpy subscribed(&admitted, &MqttClient::subscribed);
    QVERIFY(admitted.start());
    QVERIFY(subscribed.wait(10000));
}

void MqttClientTest::tlsWithClientCertificate()
{
    LocalBroker broker;
    QVERIFY2(startTlsBroker(broker, true), qPrintable(broker.log()));
    MqttSettings settings = tlsSettings(broker, QStringLiteral("ca"), QStringLiteral("device"));
    MqttClient subscriber(settings);
    QSignalSpy subscribed(&subscriber, &MqttClient::subscribed);
    Inbox inbox(subscriber);
    QVERIFY(subscriber.start());
    QVERIFY2(subscribed.wait(10000), qPrintable(broker.log()));

    MqttClient publisher(plainSettings(broker, {})); // the plain listener reaches the same topics
    QVERIFY(publisher.start());
    QVERIFY(waitForState(publisher, MqttClient::State::Connected));
    QVERIFY(publisher.publish(QStringLiteral("vqi/tls"), "over TLS", 1));
    QTRY_COMPARE_WITH_TIMEOUT(inbox.messages.size(), 1, 5000);
    QCOMPARE(inbox.messages.first().payload, QByteArray("over TLS"));
}

void MqttClientTest::tlsKeyPassphrase()
{
    LocalBroker broker;
    QVERIFY2(startTlsBroker(broker, true), qPrintable(broker.log()));
    MqttSettings settings = tlsSettings(broker, QStringLiteral("ca"), QStringLiteral("locked-device"));

    settings.keyPassphrase = QStringLiteral("open sesame");
    MqttClient unlocked(settings);
    QSignalSpy subscribed(&unlocked, &MqttClient::subscribed);
    QVERIFY(unlocked.start());
    QVERIFY(subscribed.wait(10000));

    settings.keyPassphrase = QStringLiteral("wrong");
    MqttClient locked(settings);
    QSignalSpy failed(&locked, &MqttClient::connectionFailed);
    QVERIFY(locked.start());
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.first().first().toString().startsWith(QLatin1String("TLS: the client key could not be read")),
             qPrintable(failed.first().first().toString()));
    QVERIFY(locked.state() != MqttClient::State::Connected);
}

void MqttClientTest::tlsWrongClientCertificateIsAClearError()
{
    LocalBroker broker;
    QVERIFY2(startTlsBroker(broker, true), qPrintable(broker.log()));
    // rogue-device is signed by a CA the broker does not trust.
    MqttSettings settings = tlsSettings(broker, QStringLiteral("ca"), QStringLiteral("rogue-device"));
    MqttClient client(settings);
    QSignalSpy failed(&client, &MqttClient::connectionFailed);
    QSignalSpy subscribed(&client, &MqttClient::subscribed);
    QVERIFY(client.start());
    QVERIFY(failed.wait(10000));
    const QString reason = failed.first().first().toString();
    qInfo().noquote() << "wrong client certificate:" << reason;
    QVERIFY2(reason.startsWith(QLatin1String("TLS: the broker rejected the client certificate")), qPrintable(reason));
    QCOMPARE(failed.first().at(1).value<Error::Kind>(), Error::Kind::Auth);
    QVERIFY2(reason.contains(QLatin1String("OpenSSL")), qPrintable(reason)); // the details stay for searching
    // It keeps trying (a rotated certificate may fix it) and never pretends to be connected.
    QTRY_VERIFY_WITH_TIMEOUT(failed.size() >= 2, 10000);
    QCOMPARE(subscribed.size(), 0);
}

void MqttClientTest::tlsUntrustedBrokerIsAClearError()
{
    LocalBroker broker;
    QVERIFY2(startTlsBroker(broker, false), qPrintable(broker.log()));
    // The client trusts rogue-ca only, which did not sign the broker.
    MqttSettings settings = tlsSettings(broker, QStringLiteral("rogue-ca"), QString());
    MqttClient client(settings);
    QSignalSpy failed(&client, &MqttClient::connectionFailed);
    QVERIFY(client.start());
    QVERIFY(failed.wait(10000));
    const QString reason = failed.first().first().toString();
    qInfo().noquote() << "untrusted broker:" << reason;
    QVERIFY2(reason.startsWith(QLatin1String("TLS: the broker's certificate is not trusted")), qPrintable(reason));
    QCOMPARE(failed.first().at(1).value<Error::Kind>(), Error::Kind::Auth);
    QVERIFY2(reason.contains(QLatin1String("certificate verify failed")), qPrintable(reason));
}

// The per-profile opt-out: the same untrusted broker, reached once the profile says verify_tls
// "no" (a test broker with its own CA); with any other value verification stays on.
void MqttClientTest::anUntrustedBrokerIsReachedOnlyWhenItsProfileTurnsVerificationOff()
{
    LocalBroker broker;
    QVERIFY2(startTlsBroker(broker, false), qPrintable(broker.log()));
    for (const QString &value : {QStringLiteral("yes"), QStringLiteral("off"), QStringLiteral("no")}) {
        MqttSettings settings = tlsSettings(broker, QStringLiteral("rogue-ca"), QString());
        settings.applyProfile(QJsonObject{{QStringLiteral("verify_tls"), value}}, {});
        QCOMPARE(settings.verifyTls, value != QLatin1String("no"));
        MqttClient client(settings);
        QSignalSpy subscribed(&client, &MqttClient::subscribed);
        QSignalSpy failed(&client, &MqttClient::connectionFailed);
        QVERIFY(client.start());
        QVERIFY(QTest::qWaitFor([&] { return !subscribed.isEmpty() || !failed.isEmpty(); }, 10000));
        QCOMPARE(subscribed.isEmpty(), value != QLatin1String("no"));
        client.stop(0);
    }
}

void MqttClientTest::invalidSettingsAreRefusedBeforeConnecting()
{
    MqttSettings settings;
    settings.topics = {QStringLiteral("vqi/#/more")};
    MqttClient client(settings);
    const Status started = client.start();
    QVERIFY(!started);
    QCOMPARE(started.error().where, QStringLiteral("topic"));

    MqttSettings missingFile;
    missingFile.tls = true;
    missingFile.caFile = QStringLiteral("/nonexistent/ca.crt");
    const Status refused = MqttClient(missingFile).start();
    QVERIFY(!refused);
    QVERIFY(refused.error().describe().contains(QLatin1String("/nonexistent/ca.crt")));

    QVERIFY(!MqttSettings::fromUrl(QStringLiteral("http://broker:1883")));
    QCOMPARE(MqttSettings::fromUrl(QStringLiteral("mqtts://iot.example.com")).value().port, 8883);
    QCOMPARE(MqttSettings::fromUrl(QStringLiteral("mqtt://10.0.0.5")).value().port, 1883);

    // Found by fuzz_mqtt_settings: an IPv6 broker was written back as "mqtt://::1:1884", which no
    // longer reads as a broker at all.
    const MqttSettings ipv6 = MqttSettings::fromUrl(QStringLiteral("mqtt://[::1]:1884")).value();
    QCOMPARE(ipv6.url(), QStringLiteral("mqtt://[::1]:1884"));
    const Result<MqttSettings> again = MqttSettings::fromUrl(ipv6.url());
    QVERIFY(again);
    QCOMPARE(again.value().host, QStringLiteral("::1"));
    QCOMPARE(again.value().port, 1884);
}

QTEST_GUILESS_MAIN(MqttClientTest)
#include "tst_mqttclient.moc"
