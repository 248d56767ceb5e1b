#pragma once

#include "core/common/result.h"
#include "core/edge/mqttmessage.h"
#include "core/edge/mqttsettings.h"

#include <QObject>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

struct mosquitto;
struct mosquitto_message;
typedef struct mqtt5__property mosquitto_property;

// An MQTT client over libmosquitto with its network loop on a thread of its own. Messages are copied
// inside libmosquitto's callback (it frees the buffer on return) and handed to this object's thread
// in batches: one queued call per burst, not per message, so a consumer that is busy for a moment
// receives everything that came meanwhile in one signal.
//
// The loop is ours rather than mosquitto_loop_start()'s because libmosquitto gives up, without
// reconnecting, after TLS, authentication and protocol errors. Here every failure is reported with
// the reason libmosquitto and OpenSSL give, and the client tries again with exponential backoff and
// jitter, resubscribing after each connect (a clean session forgets subscriptions).
class MqttClient : public QObject
{
    Q_OBJECT

public:
    enum class State { Stopped, Connecting, Connected, WaitingToReconnect };
    Q_ENUM(State)

    explicit MqttClient(MqttSettings settings, QObject *parent = nullptr);
    ~MqttClient() override;

    // Checks the settings and starts the network thread; an error names the setting at fault.
    Status start();
    // Disconnects cleanly (flushing queued publishes for up to `flushMs`) and joins the thread.
    void stop(int flushMs = 2000);

    // Thread-safe. Queues the message for the network thread; fails while not connected.
    Status publish(const QString &topic, const QByteArray &payload, int qos = 0);

    State state() const { return m_state.load(); }
    int reconnects() const { return m_reconnects.load(); }
    // Connections lost and got back, and the time without one: the gaps in what was received
    // (messages published meanwhile are lost unless the session persists them).
    int gaps() const { return m_gaps.load(); }
    qint64 offlineMs() const; // the gaps so far, one still open included
    const MqttSettings &settings() const { return m_settings; }
    static QString stateLabel(State state);

signals:
    void messagesReceived(const MqttMessageBatch &batch);
    void stateChanged(MqttClient::State state);
    // Every topic filter was granted; emitted after each (re)connect.
    void subscribed();
    // A connection attempt failed or a connection was lost; the client tries again by itself.
    // `kind` is Auth when the broker or TLS refused who we are (certificate, password, ACL), which
    // trying again will not fix, and Network otherwise.
    void connectionFailed(const QString &reason, Error::Kind kind);

private:
    void run();
    bool connectOnce();
    void waitBeforeRetry(int attempt);
    void setState(State state);
    void fail(Error::Kind kind, const QString &reason);
    QString describe(int code) const;
    void deliverPending();

    static void onConnect(mosquitto *handle, void *self, int reason, int flags, const mosquitto_property *properties);
    static void onMessage(mosquitto *handle, void *self, const mosquitto_message *message,
                          const mosquitto_property *properties);
    static void onPublish(mosquitto *handle, void *self, int messageId, int reason,
                          const mosquitto_property *properties);
    static void onSubscribe(mosquitto *handle, void *self, int messageId, int count, const int *granted,
                            const mosquitto_property *properties);
    static void onLog(mosquitto *handle, void *self, int level, const char *text);
    static int onPassphrase(char *buffer, int size, int writing, void *handle);

    MqttSettings m_settings;
    mosquitto *m_handle = nullptr;
    std::thread m_thread;
    std::atomic<State> m_state{State::Stopped};
    std::atomic<int> m_reconnects{0};
    std::atomic<int> m_gaps{0};
    std::atomic<qint64> m_offlineMs{0}; // closed gaps
    std::atomic<qint64> m_lostAtMs{0}; // when the open gap began (steady clock); 0: connected
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_refused{false}; // the broker answered CONNACK with a refusal
    std::atomic<int> m_unacknowledged{0}; // publishes not yet written (QoS 0) or acknowledged (QoS 1)
    std::mutex m_mutex; // guards everything below
    std::condition_variable m_wake;
    MqttMessageBatch m_pending;
    QString m_lastLogError;
    QString m_refusal;
    int m_pendingSubscriptions = 0;
    int m_flushMs = 2000;
};
