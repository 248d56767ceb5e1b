#pragma once

#include "core/edge/alertrules.h"
#include "core/edge/edgeupdate.h"
#include "core/edge/fleetstatistics.h"
#include "core/edge/inspectionparser.h"

#include <QObject>
#include <QTimer>

#include <memory>

class MqttClient;
class RecordingRepository;
class Workspace;

// The panel's engine, on a worker thread: it owns the MQTT client, parses every message, keeps the
// fleet statistics and the optional recording, and every 100 ms sends one EdgeUpdate. The UI
// thread only ever sees those updates, never a message.
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
    void startRecording(const QString &name);
    void stopRecording();
    // Forgets every statistic, event and alert (the connection stays).
    void reset();

signals:
    void updated(const EdgeUpdate &update);
    void failed(const QString &message);
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
    QTimer m_timer;
    EdgeUpdate m_next;
    QString m_lastError;
    qint64 m_recordingId = 0;
    qint64 m_recorded = 0;
    MqttMessageBatch m_recordBuffer;
    QString m_recordingName;
};
