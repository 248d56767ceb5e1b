#include "core/edge/recordingreplay.h"

#include "core/edge/recordingrepository.h"
#include "core/storage/workspace.h"
#include "core/workspaceschema.h"

#include <QDateTime>

namespace {
constexpr int pageSize = 5000;
constexpr int fullSpeedBatch = 2000; // per turn of the event loop, so the receiver keeps up
} // namespace

RecordingReplay::RecordingReplay(QString workspacePath, QString name, double speed, QObject *parent)
    : QObject(parent), m_workspacePath(std::move(workspacePath)), m_name(std::move(name)), m_speed(speed)
{
    // A child moves with this object to its thread; a timer left behind could not be started there.
    m_timer.setParent(this);
    qRegisterMetaType<Recording>("Recording");
    qRegisterMetaType<MqttMessageBatch>("MqttMessageBatch");
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &RecordingReplay::tick);
}

RecordingReplay::~RecordingReplay() = default;

void RecordingReplay::start()
{
    Result<std::unique_ptr<Workspace>> opened
        = Workspace::open(m_workspacePath, Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules());
    if (!opened)
        return finish(opened.error().describe());
    m_workspace = std::move(opened.value());
    Result<Recording> found = RecordingRepository(*m_workspace).find(m_name);
    if (!found)
        return finish(found.error().describe());
    m_recording = found.value();
    emit started(m_recording);
    if (!loadPage())
        return;
    m_clock.start();
    m_timer.start(m_speed > 0 ? 5 : 0);
}

void RecordingReplay::stop()
{
    if (m_timer.isActive())
        finish({});
}

bool RecordingReplay::loadPage()
{
    Result<MqttMessageBatch> page = RecordingRepository(*m_workspace).page(m_recording.id, m_afterSequence, pageSize);
    if (!page) {
        finish(page.error().describe());
        return false;
    }
    m_page = std::move(page.value());
    m_pageIndex = 0;
    m_afterSequence += m_page.size();
    return true;
}

void RecordingReplay::tick()
{
    MqttMessageBatch batch;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    while (true) {
        if (m_pageIndex >= m_page.size()) {
            if (m_page.size() < pageSize || !loadPage() || m_page.isEmpty())
                break;
        }
        MqttMessage &message = m_page[m_pageIndex];
        if (m_firstReceivedAtMs < 0)
            m_firstReceivedAtMs = message.receivedAtMs;
        if (m_speed > 0) {
            const double dueMs = double(message.receivedAtMs - m_firstReceivedAtMs) / m_speed;
            if (dueMs > double(m_clock.elapsed()))
                break;
        } else if (batch.size() >= fullSpeedBatch) {
            break;
        }
        message.receivedAtMs = now;
        batch.append(std::move(message));
        ++m_pageIndex;
    }
    if (!batch.isEmpty()) {
        m_replayed += batch.size();
        emit batchReady(batch);
        emit progress(m_replayed, m_recording.messages);
    }
    if (m_pageIndex >= m_page.size() && m_page.size() < pageSize)
        finish({});
}

void RecordingReplay::finish(const QString &error)
{
    m_timer.stop();
    emit finished(error);
}
