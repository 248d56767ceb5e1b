#include "core/edge/recordingrepository.h"

#include "core/storage/batchinsert.h"
#include "core/storage/workspace.h"

#include <QDateTime>
#include <QSqlQuery>

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

Recording recordingFrom(const QSqlQuery &query)
{
    return {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toString(),   query.value(4).toString(), query.value(5).toString(),
            query.value(6).toLongLong()};
}

const QString selectRecording
    = QStringLiteral("SELECT id, name, broker, topics, started_at, ended_at, messages FROM edge_recordings");

} // namespace

Result<Recording> RecordingRepository::create(const QString &name, const QString &broker, const QString &topics)
{
    if (name.trimmed().isEmpty())
        return makeError(Error::Kind::Usage, tr("a recording needs a name"), QStringLiteral("--record"));
    if (Result<Recording> existing = find(name); existing)
        return makeError(Error::Kind::Usage,
                         tr("a recording named \"%1\" exists already; choose another name").arg(name),
                         QStringLiteral("--record"));
    Result<QSqlQuery> inserted
        = m_workspace.execute(QStringLiteral("INSERT INTO edge_recordings (name, broker, topics, started_at) VALUES "
                                             "(:name, :broker, :topics, :started)"),
                              {{QStringLiteral("name"), name},
                               {QStringLiteral("broker"), broker},
                               {QStringLiteral("topics"), topics},
                               {QStringLiteral("started"), now()}});
    if (!inserted)
        return inserted.error();
    return find(name);
}

Status RecordingRepository::append(qint64 recordingId, qint64 firstSequence, const MqttMessageBatch &batch)
{
    if (batch.isEmpty())
        return Done{};
    return m_workspace.transaction([&]() -> Status {
        BatchInsert insert(m_workspace, QStringLiteral("edge_recorded_messages"),
                           {QStringLiteral("recording_id"), QStringLiteral("sequence"),
                            QStringLiteral("received_at_ms"), QStringLiteral("topic"), QStringLiteral("payload")});
        qint64 sequence = firstSequence;
        for (const MqttMessage &message : batch) {
            // libmosquitto hands a zero-length payload over as NULL; stored as NULL it would break
            // the NOT NULL column and lose the whole batch.
            const QByteArray payload = message.payload.isNull() ? QByteArray("") : message.payload;
            if (Status added = insert.add({recordingId, sequence++, message.receivedAtMs, message.topic, payload});
                !added)
                return added;
        }
        if (Status flushed = insert.flush(); !flushed)
            return flushed;
        Result<QSqlQuery> counted
            = m_workspace.execute(QStringLiteral("UPDATE edge_recordings SET messages = :messages WHERE id = :id"),
                                  {{QStringLiteral("messages"), sequence - 1}, {QStringLiteral("id"), recordingId}});
        return counted ? Status(Done{}) : Status(counted.error());
    });
}

Status RecordingRepository::finish(qint64 recordingId)
{
    Result<QSqlQuery> finished
        = m_workspace.execute(QStringLiteral("UPDATE edge_recordings SET ended_at = :ended WHERE id = :id"),
                              {{QStringLiteral("ended"), now()}, {QStringLiteral("id"), recordingId}});
    return finished ? Status(Done{}) : Status(finished.error());
}

Result<QList<Recording>> RecordingRepository::list()
{
    Result<QSqlQuery> query
        = m_workspace.execute(selectRecording + QStringLiteral(" ORDER BY started_at DESC, id DESC"));
    if (!query)
        return query.error();
    QList<Recording> recordings;
    while (query.value().next())
        recordings.append(recordingFrom(query.value()));
    return recordings;
}

Result<Recording> RecordingRepository::find(const QString &name)
{
    Result<QSqlQuery> query = m_workspace.execute(selectRecording + QStringLiteral(" WHERE name = :name"),
                                                  {{QStringLiteral("name"), name}});
    if (!query)
        return query.error();
    if (!query.value().next())
        return makeError(Error::Kind::Usage, tr("there is no recording named \"%1\"").arg(name), name);
    return recordingFrom(query.value());
}

Result<MqttMessageBatch> RecordingRepository::page(qint64 recordingId, qint64 afterSequence, int limit)
{
    Result<QSqlQuery> query = m_workspace.execute(
        QStringLiteral("SELECT received_at_ms, topic, payload FROM edge_recorded_messages"
                       " WHERE recording_id = :id AND sequence > :after ORDER BY sequence LIMIT :limit"),
        {{QStringLiteral("id"), recordingId},
         {QStringLiteral("after"), afterSequence},
         {QStringLiteral("limit"), limit}});
    if (!query)
        return query.error();
    MqttMessageBatch batch;
    QSqlQuery &rows = query.value();
    while (rows.next()) {
        MqttMessage message;
        message.receivedAtMs = rows.value(0).toLongLong();
        message.topic = rows.value(1).toString();
        message.payload = rows.value(2).toByteArray();
        batch.append(std::move(message));
    }
    return batch;
}

Status RecordingRepository::remove(const QString &name)
{
    Result<Recording> recording = find(name);
    if (!recording)
        return recording.error();
    return m_workspace.transaction([&]() -> Status {
        const QVariantMap id{{QStringLiteral("id"), recording.value().id}};
        if (Result<QSqlQuery> messages
            = m_workspace.execute(QStringLiteral("DELETE FROM edge_recorded_messages WHERE recording_id = :id"), id);
            !messages)
            return messages.error();
        Result<QSqlQuery> removed
            = m_workspace.execute(QStringLiteral("DELETE FROM edge_recordings WHERE id = :id"), id);
        return removed ? Status(Done{}) : Status(removed.error());
    });
}
