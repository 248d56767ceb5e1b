#pragma once

#include "core/common/result.h"
#include "core/edge/mqttmessage.h"
#include "core/edge/recording.h"

#include <QCoreApplication>

class Workspace;

// Recorded sessions in the workspace. Messages go in batches (one transaction and a few multi-row
// INSERTs per batch) and come out in pages, so neither recording nor replay holds a session whole.
class RecordingRepository
{
    Q_DECLARE_TR_FUNCTIONS(RecordingRepository)

public:
    explicit RecordingRepository(Workspace &workspace) : m_workspace(workspace) { }

    // A new, empty recording; refused when the name is taken (nothing stored is touched).
    Result<Recording> create(const QString &name, const QString &broker, const QString &topics);
    // Appends `batch` after `firstSequence - 1` and brings the recording's count up to date.
    Status append(qint64 recordingId, qint64 firstSequence, const MqttMessageBatch &batch);
    Status finish(qint64 recordingId);
    Result<QList<Recording>> list();
    Result<Recording> find(const QString &name);
    // Up to `limit` messages with a sequence above `afterSequence`, in order.
    Result<MqttMessageBatch> page(qint64 recordingId, qint64 afterSequence, int limit);
    Status remove(const QString &name);

private:
    Workspace &m_workspace;
};
