#include "core/edge/edgemonitor.h"

#include "core/edge/mqttclient.h"
#include "core/edge/recordingrepository.h"
#include "core/storage/workspace.h"
#include "core/workspaceschema.h"

#include <QDateTime>

EdgeMonitor::EdgeMonitor(QString workspacePath, QObject *parent)
    : QObject(parent), m_workspacePath(std::move(workspacePath))
{
    // A child moves with this object to its thread; a timer left behind could not be started there.
    m_timer.setParent(this);
    qRegisterMetaType<EdgeUpdate>("EdgeUpdate");
    qRegisterMetaType<MqttMessageBatch>("MqttMessageBatch");
    qRegisterMetaType<MqttSettings>("MqttSettings");
    qRegisterMetaType<AlertRules>("AlertRules");
    qRegisterMetaType<FleetChartData>("FleetChartData");
    qRegisterMetaType<EventNames>("EventNames");
    qRegisterMetaType<InspectionParser::Classes>("InspectionParser::Classes");
    qRegisterMetaType<Error>("Error");
    m_timer.setInterval(updateIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EdgeMonitor::publishUpdate);
}

EdgeMonitor::~EdgeMonitor()
{
    stopRecording();
}

void EdgeMonitor::setWorkspacePath(const QString &path)
{
    if (path == m_workspacePath)
        return;
    stopRecording();
    m_workspace.reset();
    m_workspacePath = path;
}

void EdgeMonitor::connectTo(const MqttSettings &settings)
{
    disconnectFromBroker();
    m_lastError.clear();
    m_client = std::make_unique<MqttClient>(settings);
    connect(m_client.get(), &MqttClient::messagesReceived, this, &EdgeMonitor::ingest);
    connect(m_client.get(), &MqttClient::connectionFailed, this, [this](const QString &reason, Error::Kind kind) {
        m_lastError = reason;
        emit failed(reason);
        emit connectionFailed(makeError(kind, reason, m_client->settings().url()));
    });
    connect(m_client.get(), &MqttClient::subscribed, this, [this]() {
        m_lastError.clear();
        emit subscribed();
    });
    if (Status started = m_client->start(); !started) {
        m_lastError = started.error().describe();
        emit failed(m_lastError);
        emit connectionFailed(started.error());
        m_client.reset();
    }
    m_timer.start();
    publishUpdate();
}

void EdgeMonitor::disconnectFromBroker()
{
    if (!m_client)
        return;
    m_client->stop(0);
    m_client.reset();
    publishUpdate();
}

int EdgeMonitor::reconnects() const
{
    return m_client ? m_client->reconnects() : 0;
}

int EdgeMonitor::gaps() const
{
    return m_client ? m_client->gaps() : 0;
}

qint64 EdgeMonitor::offlineMs() const
{
    return m_client ? m_client->offlineMs() : 0;
}

void EdgeMonitor::ingest(const MqttMessageBatch &incoming)
{
    if (!m_timer.isActive())
        m_timer.start();
    const bool limited = m_limit > 0;
    if (limited && m_statistics.messages() >= m_limit)
        return;
    const MqttMessageBatch batch
        = limited ? incoming.mid(0, qMin<qint64>(incoming.size(), m_limit - m_statistics.messages())) : incoming;
    for (const MqttMessage &message : batch) {
        InspectionParser::Outcome outcome = m_parser.parse(message.payload, message.receivedAtMs, message.topic);
        if (!outcome.valid) {
            m_statistics.addMalformed(outcome.reason, outcome.detail, message.payload, message.receivedAtMs);
            continue;
        }
        m_statistics.add(outcome.result);
        const bool doubtful
            = outcome.result.defective || outcome.result.confidence < m_statistics.rules().lowConfidenceBelow;
        if (doubtful) {
            if (m_next.reviewCandidates.size() < maximumReviewPerUpdate)
                m_next.reviewCandidates.append(outcome.result);
            else
                ++m_next.reviewLeftOut;
        }
        if (m_next.events.size() < maximumEventsPerUpdate)
            m_next.events.append(m_compactor.compact(outcome.result));
        else
            ++m_next.eventsLeftOut;
    }
    if (m_recordingId > 0)
        m_recordBuffer.append(batch);
    if (limited && m_statistics.messages() >= m_limit)
        emit limitReached();
}

void EdgeMonitor::flushRecording()
{
    if (m_recordingId == 0 || m_recordBuffer.isEmpty())
        return;
    // One transaction per update, not per batch: a flood arrives in many small batches.
    RecordingRepository repository(*m_workspace);
    const Status appended = repository.append(m_recordingId, m_recorded + 1, m_recordBuffer);
    if (appended)
        m_recorded += m_recordBuffer.size();
    m_recordBuffer.clear();
    if (!appended) {
        emit failed(tr("Recording stopped: %1").arg(appended.error().describe()));
        emit recordingFailed(appended.error());
        stopRecording();
    }
}

void EdgeMonitor::setRules(const AlertRules &rules)
{
    m_statistics = FleetStatistics(rules);
    publishUpdate();
}

void EdgeMonitor::setClasses(const InspectionParser::Classes &classes)
{
    const qsizetype limit = m_parser.payloadLimit();
    m_parser = InspectionParser(classes);
    m_parser.setPayloadLimit(limit);
}

void EdgeMonitor::setPayloadLimit(qsizetype bytes)
{
    m_parser.setPayloadLimit(bytes);
}

Status EdgeMonitor::openWorkspace()
{
    if (m_workspace)
        return Done{};
    Result<std::unique_ptr<Workspace>> opened
        = Workspace::open(m_workspacePath, Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules());
    if (!opened)
        return opened.error();
    m_workspace = std::move(opened.value());
    return Done{};
}

void EdgeMonitor::startRecording(const QString &name)
{
    stopRecording();
    if (Status opened = openWorkspace(); !opened) {
        emit failed(tr("Cannot record: %1").arg(opened.error().describe()));
        emit recordingFailed(opened.error());
        emit recordingStopped(name, -1);
        return;
    }
    RecordingRepository repository(*m_workspace);
    const MqttSettings settings = m_client ? m_client->settings() : MqttSettings{};
    Result<Recording> created
        = repository.create(name, m_client ? settings.url() : tr("replay"), settings.topics.join(QLatin1Char(',')));
    if (!created) {
        emit failed(tr("Cannot record: %1").arg(created.error().describe()));
        emit recordingFailed(created.error());
        emit recordingStopped(name, -1);
        return;
    }
    m_recordingId = created.value().id;
    m_recordingName = name;
    m_recorded = 0;
    publishUpdate();
}

void EdgeMonitor::stopRecording()
{
    if (m_recordingId == 0)
        return;
    flushRecording();
    if (m_recordingId == 0)
        return; // the flush failed and stopped it already
    RecordingRepository repository(*m_workspace);
    if (Status finished = repository.finish(m_recordingId); !finished) {
        emit failed(finished.error().describe());
        emit recordingFailed(finished.error());
    }
    m_recordingId = 0;
    emit recordingStopped(m_recordingName, m_recorded);
    m_recordingName.clear();
    publishUpdate();
}

void EdgeMonitor::reset()
{
    m_statistics = FleetStatistics(m_statistics.rules());
    m_charts.clear();
    m_compactor.clear();
    m_next = EdgeUpdate{};
    publishUpdate();
}

void EdgeMonitor::publishUpdate()
{
    flushRecording();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_next.fleet = m_statistics.update(now, m_next.alertChanges);
    m_charts.add(m_next.fleet);
    m_next.charts = m_charts.data(m_statistics.rules());
    m_next.eventNames = m_compactor.names();
    m_next.state = m_client ? m_client->state() : MqttClient::State::Stopped;
    m_next.reconnects = reconnects();
    m_next.gaps = gaps();
    m_next.offlineMs = offlineMs();
    m_next.lastError = m_lastError;
    m_next.recordedMessages = m_recorded;
    m_next.recordingName = m_recordingName;
    emit updated(m_next);
    m_next = EdgeUpdate{};
}
