#pragma once

#include "core/common/result.h"
#include "core/edge/mqttmessage.h"
#include "core/edge/recording.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

class Workspace;

// Plays a recorded session back on the thread it lives on, with the original gaps between messages
// divided by `speed` (0: as fast as the receiver takes them). Messages are read page by page from
// the workspace, and each leaves with the time it is replayed as its receive time, so live
// statistics (rates, silence) read as they did when it was recorded.
class RecordingReplay : public QObject
{
    Q_OBJECT

public:
    RecordingReplay(QString workspacePath, QString name, double speed, QObject *parent = nullptr);
    ~RecordingReplay() override;

    const Recording &recording() const { return m_recording; }
    qint64 replayed() const { return m_replayed; }

public slots:
    void start();
    void stop();

signals:
    void started(const Recording &recording);
    void batchReady(const MqttMessageBatch &batch);
    void progress(qint64 replayed, qint64 total);
    // `error` is empty when the whole recording was played (or it was stopped).
    void finished(const QString &error);

private:
    void tick();
    bool loadPage();
    void finish(const QString &error);

    QString m_workspacePath;
    QString m_name;
    double m_speed;
    std::unique_ptr<Workspace> m_workspace;
    Recording m_recording;
    MqttMessageBatch m_page;
    int m_pageIndex = 0;
    qint64 m_afterSequence = 0;
    qint64 m_firstReceivedAtMs = -1;
    qint64 m_replayed = 0;
    QElapsedTimer m_clock;
    QTimer m_timer;
};

Q_DECLARE_METATYPE(Recording)
