#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QString>

// One inspection a device published (PRODUCT.md, "Edge inspection result"), after parsing: the
// fields the fleet statistics, the event log and the review queue use.
struct InspectionResult
{
    QString deviceId;
    qint64 timestampMs = 0; // when the device inspected, from its own clock
    qint64 receivedAtMs = 0; // when the viewer received it, from ours
    QString prediction; // the class name as published
    bool defective = false; // the prediction is one of the configured defect classes
    double confidence = 0; // 0…1
    double latencyMs = 0; // inference_latency_ms
    QString imageUri; // file path, file://, s3:// or https:// (optional)
    QByteArray imageBase64; // inline image, still encoded (optional)
    QString defectType; // optional
    QJsonArray boundingBox; // optional [x, y, width, height] or as the device sent it
    QString topic;

    bool hasImage() const { return !imageUri.isEmpty() || !imageBase64.isEmpty(); }
};
