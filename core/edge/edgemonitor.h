#pragma once

#include "core/edge/alertrules.h"
#include "core/edge/edgeupdate.h"
#include "core/edge/eventcompactor.h"
#include "core/edge/fleetchartseries.h"
#include "core/edge/fleetstatistics.h"
#include "core/edge/inspectionparser.h"

#include <QObject>
#include <QTimer>

#include <memory>

class MqttClient;
class RecordingRepository;
class Workspace;

// The one parse → statistics → record pipeline, for the panel (on a worker thread) and for
// `edge listen` (on the CLI's thread): it owns the MQTT client, parses every message, keeps the
// fleet statistics and the optional recording, and every 100 ms sends one EdgeUpdate with the
// charts' series and the event log's rows already made. The UI thread only ever sees those
// updates, never a message.
class EdgeMonitor : public QObject
{
    Q_OBJECT

public:
    static constexpr int updateIntervalMs = 100;
    static constexpr int maximumEventsPerUpdate = 4000;
    static constexpr int maximumReviewPerUpdate = 200;

    explicit EdgeMonitor(QString workspacePath = {}, QObject *parent = nullptr);
    ~EdgeMonitor() override;

public slots:
    // Where recordings go; the workspace is opened on this thread when the first one starts.
    void setWorkspacePath(const QString &path);
    // Replaces any connection; errors arrive in updates (lastError) and through failed().
    void connectTo(const MqttSettings &settings);
    void disconnectFromBroker();
    // Messages from a replay (or a test) enter exactly as the broker's would.
    void ingest(const MqttMessageBatch &batch);
    void setRules(const AlertRules &rules);
    void setClasses(const InspectionParser::Classes &classes);
    void setPayloadLimit(qsizetype bytes);
    void startRecording(const QString &name);
    void stopRecording();
    // Forgets every statistic, event and alert (the connection stays).
    void reset();
    // Takes no message after the `limit`th, valid or not (0: no limit), and says so once.
    void setMessageLimit(qint64 limit) { m_limit = limit; }

public:
    // Read on the monitor's own thread.
    const FleetStatistics &statistics() const { return m_statistics; }
    int reconnects() const;
    int gaps() const;
    qint64 offlineMs() const;

signals:
    void updated(const EdgeUpdate &update);
    // Every problem, in words for people (the panel's banner).
    void failed(const QString &message);
    // The broker could not be reached or refused us (Error::Kind::Auth); the client keeps trying.
    void connectionFailed(const Error &error);
    // Every topic filter was granted, after each (re)connect.
    void subscribed();
    // A recording could not start or a write to it failed; it has stopped.
    void recordingFailed(const Error &error);
    void limitReached();
    // `messages` is -1 when the recording could not start (failed() says why).
    void recordingStopped(const QString &name, qint64 messages);

private:
    void publishUpdate();
    Status openWorkspace();
    void flushRecording();

    QString m_workspacePath;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<RecordingRepository> m_recordings;
    std::unique_ptr<MqttClient> m_client;
    InspectionParser m_parser;
    FleetStatistics m_statistics;
    FleetChartSeries m_charts;
    EventCompactor m_compactor;
    QTimer m_timer;
    EdgeUpdate m_next;
    QString m_lastError;
    qint64 m_recordingId = 0;
    qint64 m_recorded = 0;
    MqttMessageBatch m_recordBuffer;
    QString m_recordingName;
    qint64 m_limit = 0;
};
