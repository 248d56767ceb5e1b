#include "core/edge/mqttclient.h"

#include "core/common/logcategories.h"
#include "core/common/retrybackoff.h"

#include <QDateTime>
#include <QUuid>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <mosquitto.h>
#include <mqtt_protocol.h>
#include <mutex>

namespace {

constexpr int loopTimeoutMs = 100;

void initialiseLibrary()
{
    static std::once_flag once;
    std::call_once(once, []() { mosquitto_lib_init(); });
}

// OpenSSL's words, as libmosquitto logs them, in words an engineer can act on.
QString explainTls(const QString &openSslError)
{
    const auto has = [&](const char *text) { return openSslError.contains(QLatin1String(text)); };
    if (has("alert unknown ca") || has("alert bad certificate") || has("certificate required")
        || has("alert certificate unknown"))
        return MqttClient::tr(
            "TLS: the broker rejected the client certificate (it is missing, or not signed by a CA the broker trusts)");
    if (has("alert certificate expired") || has("certificate has expired"))
        return MqttClient::tr("TLS: a certificate has expired");
    if (has("certificate verify failed"))
        return MqttClient::tr(
            "TLS: the broker's certificate is not trusted (wrong CA file, or the host name does not match it)");
    if (has("PEM lib") || has("bad decrypt") || has("bad password"))
        return MqttClient::tr("TLS: the client key could not be read (wrong passphrase?)");
    if (has("key values mismatch"))
        return MqttClient::tr("TLS: the client key does not belong to the client certificate");
    if (has("no application protocol"))
        return MqttClient::tr("TLS: the broker does not accept the ALPN protocol");
    return {};
}

MqttClient *clientOf(void *self)
{
    return static_cast<MqttClient *>(self);
}

} // namespace

MqttClient::MqttClient(MqttSettings settings, QObject *parent) : QObject(parent), m_settings(std::move(settings))
{
    qRegisterMetaType<MqttMessageBatch>("MqttMessageBatch");
    if (m_settings.clientId.isEmpty())
        m_settings.clientId = QStringLiteral("genaiops-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

MqttClient::~MqttClient()
{
    stop(0);
}

QString MqttClient::stateLabel(State state)
{
    switch (state) {
    case State::Stopped:
        return tr("Disconnected");
    case State::Connecting:
        return tr("Connecting…");
    case State::Connected:
        return tr("Connected");
    case State::WaitingToReconnect:
        return tr("Reconnecting…");
    }
    return {};
}

Status MqttClient::start()
{
    if (m_thread.joinable())
        return Done{};
    if (Status valid = m_settings.validate(); !valid)
        return valid;
    initialiseLibrary();
    m_handle = mosquitto_new(m_settings.clientId.toUtf8().constData(), m_settings.cleanSession, this);
    if (!m_handle)
        return makeError(Error::Kind::Internal, tr("libmosquitto could not create a client"));
    // Publishing happens on other threads; this tells libmosquitto that our loop thread writes.
    mosquitto_threaded_set(m_handle, true);
    mosquitto_int_option(m_handle, MOSQ_OPT_PROTOCOL_VERSION,
                         m_settings.protocolVersion == 5 ? MQTT_PROTOCOL_V5 : MQTT_PROTOCOL_V311);
    mosquitto_int_option(m_handle, MOSQ_OPT_TCP_NODELAY, 1);
    mosquitto_connect_v5_callback_set(m_handle, &MqttClient::onConnect);
    mosquitto_message_v5_callback_set(m_handle, &MqttClient::onMessage);
    mosquitto_publish_v5_callback_set(m_handle, &MqttClient::onPublish);
    mosquitto_subscribe_v5_callback_set(m_handle, &MqttClient::onSubscribe);
    mosquitto_log_callback_set(m_handle, &MqttClient::onLog);
    if (!m_settings.username.isEmpty())
        mosquitto_username_pw_set(m_handle, m_settings.username.toUtf8().constData(),
                                  m_settings.password.isEmpty() ? nullptr : m_settings.password.toUtf8().constData());
    if (m_settings.tls) {
        const QByteArray ca = m_settings.caFile.toLocal8Bit(), certificate = m_settings.certificateFile.toLocal8Bit(),
                         key = m_settings.keyFile.toLocal8Bit();
        // Without a CA file the system's trust store verifies the broker (AWS IoT's Amazon root CA
        // is in it); the broker's host name is checked and sent as SNI either way.
        const int set = mosquitto_tls_set(m_handle, ca.isEmpty() ? nullptr : ca.constData(),
                                          ca.isEmpty() ? "/etc/ssl/certs" : nullptr,
                                          certificate.isEmpty() ? nullptr : certificate.constData(),
                                          key.isEmpty() ? nullptr : key.constData(), &MqttClient::onPassphrase);
        if (set != MOSQ_ERR_SUCCESS) {
            mosquitto_destroy(m_handle);
            m_handle = nullptr;
            return makeError(Error::Kind::Input, tr("the TLS files were refused: %1").arg(describe(set)),
                             m_settings.url());
        }
        if (!m_settings.alpn.isEmpty())
            mosquitto_string_option(m_handle, MOSQ_OPT_TLS_ALPN, m_settings.alpn.toUtf8().constData());
        if (!m_settings.verifyTls) { // SSL_VERIFY_NONE, and no host name check either
            mosquitto_tls_opts_set(m_handle, 0, nullptr, nullptr);
            mosquitto_tls_insecure_set(m_handle, true);
        }
    }
    m_stopping = false;
    m_thread = std::thread([this]() { run(); });
    return Done{};
}

void MqttClient::stop(int flushMs)
{
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_flushMs = flushMs;
    }
    m_wake.notify_all();
    m_thread.join();
    mosquitto_destroy(m_handle);
    m_handle = nullptr;
    setState(State::Stopped);
}

Status MqttClient::publish(const QString &topic, const QByteArray &payload, int qos)
{
    if (state() != State::Connected)
        return makeError(Error::Kind::Network, tr("not connected"), m_settings.url());
    const QByteArray name = topic.toUtf8();
    ++m_unacknowledged; // before the call: the network thread may confirm it at once
    const int code
        = mosquitto_publish(m_handle, nullptr, name.constData(), int(payload.size()), payload.constData(), qos, false);
    if (code != MOSQ_ERR_SUCCESS) {
        --m_unacknowledged;
        return makeError(code == MOSQ_ERR_NO_CONN ? Error::Kind::Network : Error::Kind::Service, describe(code), topic);
    }
    return Done{};
}

void MqttClient::run()
{
    int attempt = 0;
    while (!m_stopping) {
        if (!connectOnce()) {
            waitBeforeRetry(++attempt);
            continue;
        }
        int code = MOSQ_ERR_SUCCESS;
        while (!m_stopping && !m_refused) {
            code = mosquitto_loop(m_handle, loopTimeoutMs, 1);
            if (code != MOSQ_ERR_SUCCESS)
                break;
            if (state() == State::Connected)
                attempt = 0;
        }
        if (m_stopping)
            break;
        {
            std::lock_guard lock(m_mutex);
            fail(m_refused || code == MOSQ_ERR_TLS ? Error::Kind::Auth : Error::Kind::Network,
                 m_refused ? m_refusal : tr("connection lost: %1").arg(describe(code)));
        }
        mosquitto_disconnect(m_handle);
        waitBeforeRetry(++attempt);
    }
    // Let queued publishes reach the broker before saying goodbye. Beyond 20 QoS 1 messages in
    // flight libmosquitto holds the rest back where want_write does not see them: wait for the acks.
    QDateTime deadline = QDateTime::currentDateTimeUtc().addMSecs(m_flushMs);
    while (state() == State::Connected && (mosquitto_want_write(m_handle) || m_unacknowledged > 0)
           && QDateTime::currentDateTimeUtc() < deadline)
        mosquitto_loop(m_handle, 10, 1);
    mosquitto_disconnect(m_handle);
    mosquitto_loop(m_handle, 10, 1);
}

bool MqttClient::connectOnce()
{
    setState(State::Connecting);
    m_refused = false;
    {
        std::lock_guard lock(m_mutex);
        m_lastLogError.clear();
    }
    mosquitto_property *properties = nullptr;
    if (m_settings.protocolVersion == 5 && !m_settings.cleanSession)
        mosquitto_property_add_int32(&properties, MQTT_PROP_SESSION_EXPIRY_INTERVAL, 24 * 3600);
    const QByteArray host = m_settings.host.toUtf8();
    const int code = mosquitto_connect_bind_v5(m_handle, host.constData(), m_settings.port, m_settings.keepAliveSeconds,
                                               nullptr, properties);
    mosquitto_property_free_all(&properties);
    if (code == MOSQ_ERR_SUCCESS)
        return true;
    std::lock_guard lock(m_mutex);
    fail(code == MOSQ_ERR_TLS ? Error::Kind::Auth : Error::Kind::Network, tr("cannot connect: %1").arg(describe(code)));
    return false;
}

void MqttClient::waitBeforeRetry(int attempt)
{
    if (m_stopping)
        return;
    setState(State::WaitingToReconnect);
    ++m_reconnects;
    const RetryBackoff backoff(RetryPolicy{std::numeric_limits<int>::max(), 500, 15000});
    const int delay = std::max(200, backoff.delayMs(attempt + 1));
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, std::chrono::milliseconds(delay), [this]() { return m_stopping.load(); });
}

// Called with m_mutex held.
void MqttClient::fail(Error::Kind kind, const QString &reason)
{
    QString text = reason;
    if (const QString explained = explainTls(m_lastLogError); !explained.isEmpty()) {
        text = explained + QStringLiteral(": ") + reason;
        kind = Error::Kind::Auth;
    }
    if (!m_lastLogError.isEmpty() && !text.contains(m_lastLogError))
        text += QStringLiteral(" (") + m_lastLogError + QLatin1Char(')');
    // The consumer decides how loud this is (the CLI fails, the panel shows it); --verbose logs it.
    qCInfo(lcEdge).noquote() << m_settings.url() << text;
    QMetaObject::invokeMethod(
        this, [this, text, kind]() { emit connectionFailed(text, kind); }, Qt::QueuedConnection);
}

namespace {

qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

qint64 MqttClient::offlineMs() const
{
    const qint64 lostAt = m_lostAtMs.load();
    return m_offlineMs.load() + (lostAt > 0 ? steadyMs() - lostAt : 0);
}

void MqttClient::setState(State state)
{
    const State previous = m_state.exchange(state);
    if (previous == state)
        return;
    if (previous == State::Connected && state != State::Stopped) {
        m_lostAtMs = steadyMs();
    } else if (state == State::Connected || state == State::Stopped) {
        if (const qint64 lostAt = m_lostAtMs.exchange(0); lostAt > 0) {
            m_offlineMs += steadyMs() - lostAt;
            if (state == State::Connected)
                ++m_gaps;
        }
    }
    QMetaObject::invokeMethod(
        this, [this, state]() { emit stateChanged(state); }, Qt::QueuedConnection);
}

QString MqttClient::describe(int code) const
{
    if (code == MOSQ_ERR_ERRNO)
        return QString::fromLocal8Bit(std::strerror(errno));
    if (code == MOSQ_ERR_TLS)
        return tr("the TLS handshake failed");
    return QString::fromUtf8(mosquitto_strerror(code));
}

void MqttClient::deliverPending()
{
    MqttMessageBatch batch;
    {
        std::lock_guard lock(m_mutex);
        batch.swap(m_pending);
    }
    if (!batch.isEmpty())
        emit messagesReceived(batch);
}

void MqttClient::onConnect(mosquitto *handle, void *self, int reason, int, const mosquitto_property *)
{
    MqttClient *client = clientOf(self);
    if (reason != 0) {
        const QString why = client->m_settings.protocolVersion == 5
            ? QString::fromUtf8(mosquitto_reason_string(reason))
            : QString::fromUtf8(mosquitto_connack_string(reason));
        std::lock_guard lock(client->m_mutex);
        client->m_refusal = tr("the broker refused the connection: %1").arg(why);
        client->m_refused = true;
        return;
    }
    {
        std::lock_guard lock(client->m_mutex);
        client->m_pendingSubscriptions = int(client->m_settings.topics.size());
    }
    client->setState(State::Connected);
    for (const QString &topic : client->m_settings.topics)
        mosquitto_subscribe_v5(handle, nullptr, topic.toUtf8().constData(), client->m_settings.qos, 0, nullptr);
}

void MqttClient::onMessage(mosquitto *, void *self, const mosquitto_message *message, const mosquitto_property *)
{
    MqttClient *client = clientOf(self);
    MqttMessage copy;
    copy.topic = QString::fromUtf8(message->topic);
    copy.payload = QByteArray(static_cast<const char *>(message->payload), message->payloadlen);
    copy.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    copy.qos = message->qos;
    copy.retained = message->retain;
    bool first = false;
    {
        std::lock_guard lock(client->m_mutex);
        first = client->m_pending.isEmpty();
        client->m_pending.append(std::move(copy));
    }
    // One queued call per burst: the receiver takes everything pending when it gets to it.
    if (first)
        QMetaObject::invokeMethod(client, &MqttClient::deliverPending, Qt::QueuedConnection);
}

void MqttClient::onPublish(mosquitto *, void *self, int, int, const mosquitto_property *)
{
    --clientOf(self)->m_unacknowledged;
}

void MqttClient::onSubscribe(mosquitto *, void *self, int, int count, const int *granted, const mosquitto_property *)
{
    MqttClient *client = clientOf(self);
    for (int index = 0; index < count; ++index) {
        if (granted[index] >= 0x80) {
            std::lock_guard lock(client->m_mutex);
            client->fail(
                Error::Kind::Auth,
                tr("the broker refused the subscription to \"%1\"").arg(client->m_settings.topics.value(index)));
        }
    }
    bool all = false;
    {
        std::lock_guard lock(client->m_mutex);
        all = --client->m_pendingSubscriptions == 0;
    }
    if (all) {
        qCInfo(lcEdge).noquote() << "subscribed to" << client->m_settings.topics.join(QStringLiteral(", ")) << "on"
                                 << client->m_settings.url();
        QMetaObject::invokeMethod(
            client, [client]() { emit client->subscribed(); }, Qt::QueuedConnection);
    }
}

void MqttClient::onLog(mosquitto *, void *self, int level, const char *text)
{
    if (!(level & (MOSQ_LOG_ERR | MOSQ_LOG_WARNING)))
        return;
    MqttClient *client = clientOf(self);
    std::lock_guard lock(client->m_mutex);
    client->m_lastLogError = QString::fromUtf8(text);
}

int MqttClient::onPassphrase(char *buffer, int size, int, void *handle)
{
    auto *client = clientOf(mosquitto_userdata(static_cast<mosquitto *>(handle)));
    const QByteArray passphrase = client->m_settings.keyPassphrase.toUtf8();
    if (passphrase.isEmpty() || passphrase.size() >= size)
        return 0;
    std::memcpy(buffer, passphrase.constData(), std::size_t(passphrase.size()));
    return int(passphrase.size());
}
