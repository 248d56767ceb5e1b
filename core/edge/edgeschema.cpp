#include "core/edge/edgeschema.h"

SchemaModule EdgeSchema::schema()
{
    return {QStringLiteral("edge"),
            {{1,
              QStringLiteral("recorded MQTT sessions"),
              {QStringLiteral("CREATE TABLE edge_recordings ("
                              " id ${id},"
                              " name TEXT NOT NULL UNIQUE,"
                              " broker TEXT NOT NULL,"
                              " topics TEXT NOT NULL,"
                              " started_at TEXT NOT NULL,"
                              " ended_at TEXT NOT NULL DEFAULT '',"
                              " messages ${bigint} NOT NULL DEFAULT 0)"),
               QStringLiteral("CREATE TABLE edge_recorded_messages ("
                              " recording_id ${bigint} NOT NULL REFERENCES edge_recordings (id) ON DELETE CASCADE,"
                              " sequence ${bigint} NOT NULL,"
                              " received_at_ms ${bigint} NOT NULL,"
                              " topic TEXT NOT NULL,"
                              " payload ${blob} NOT NULL,"
                              " PRIMARY KEY (recording_id, sequence))")}}}};
}
