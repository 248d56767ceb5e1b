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
                              " topic TEXT,"
                              " payload ${blob} NOT NULL,"
                              " PRIMARY KEY (recording_id, sequence))")}},
             {2,
              QStringLiteral("labels given in the review queue"),
              // What a device may leave out (an image, a defect type, a box) may be NULL.
              {QStringLiteral("CREATE TABLE edge_review_labels ("
                              " id ${id},"
                              " device_id TEXT NOT NULL,"
                              " timestamp_ms ${bigint} NOT NULL,"
                              " prediction TEXT NOT NULL,"
                              " defective INTEGER NOT NULL,"
                              " confidence REAL NOT NULL,"
                              " image_uri TEXT,"
                              " image_base64 TEXT,"
                              " defect_type TEXT,"
                              " bounding_box TEXT,"
                              " topic TEXT,"
                              " label TEXT NOT NULL CHECK (label IN ('good', 'defective', 'unsure')),"
                              " labelled_at TEXT NOT NULL,"
                              " UNIQUE (device_id, timestamp_ms))")}}}};
}
