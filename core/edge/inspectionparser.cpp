#include "core/edge/inspectionparser.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>
#include <optional>

namespace {

using Outcome = InspectionParser::Outcome;

Outcome malformed(const QString &reason, const QString &detail)
{
    Outcome outcome;
    outcome.reason = reason;
    outcome.detail = detail;
    return outcome;
}

// A number that may arrive as a JSON number or as a numeric string; nullopt with `reason` set when
// it is neither (or not finite).
std::optional<double> numberField(const QJsonObject &object, const QString &field, Outcome &failure)
{
    const QJsonValue value = object.value(field);
    double number = 0;
    if (value.isUndefined() || value.isNull()) {
        failure = malformed(QStringLiteral("missing:") + field,
                            InspectionParser::tr("the field \"%1\" is missing").arg(field));
        return std::nullopt;
    }
    if (value.isDouble()) {
        number = value.toDouble();
    } else if (value.isString()) {
        bool ok = false;
        number = value.toString().trimmed().toDouble(&ok);
        if (!ok) {
            failure = malformed(
                QStringLiteral("not_a_number:") + field,
                InspectionParser::tr("\"%1\" is \"%2\", which is not a number").arg(field, value.toString().left(40)));
            return std::nullopt;
        }
    } else {
        failure = malformed(QStringLiteral("wrong_type:") + field,
                            InspectionParser::tr("\"%1\" must be a number or a numeric string").arg(field));
        return std::nullopt;
    }
    if (!std::isfinite(number)) {
        failure = malformed(QStringLiteral("not_a_number:") + field,
                            InspectionParser::tr("\"%1\" is not a finite number").arg(field));
        return std::nullopt;
    }
    return number;
}

// Epoch seconds (the seed's time.time()), epoch milliseconds, or an ISO 8601 string.
std::optional<qint64> timestampField(const QJsonObject &object, Outcome &failure)
{
    const QString field = QStringLiteral("timestamp");
    const QJsonValue value = object.value(field);
    if (value.isString()) {
        const QString text = value.toString().trimmed();
        bool numeric = false;
        text.toDouble(&numeric);
        if (!numeric) {
            const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
            if (!parsed.isValid()) {
                failure = malformed(QStringLiteral("bad_timestamp"),
                                    InspectionParser::tr("\"timestamp\" is \"%1\", neither epoch seconds nor ISO 8601")
                                        .arg(text.left(40)));
                return std::nullopt;
            }
            return parsed.toMSecsSinceEpoch();
        }
    }
    const std::optional<double> seconds = numberField(object, field, failure);
    if (!seconds)
        return std::nullopt;
    if (*seconds < 0) {
        failure
            = malformed(QStringLiteral("out_of_range:timestamp"), InspectionParser::tr("\"timestamp\" is negative"));
        return std::nullopt;
    }
    // Beyond the year 9999 in milliseconds is no clock's reading, and would overflow qint64.
    if (*seconds >= 253402300800000.0) {
        failure = malformed(QStringLiteral("out_of_range:timestamp"),
                            InspectionParser::tr("\"timestamp\" is after the year 9999"));
        return std::nullopt;
    }
    // Ten digits of seconds reach the year 2286; anything larger is already milliseconds.
    return *seconds >= 1e11 ? qint64(*seconds) : qint64(std::llround(*seconds * 1000.0));
}

std::optional<QString> stringField(const QJsonObject &object, const QString &field, bool required, Outcome &failure)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            failure = malformed(QStringLiteral("missing:") + field,
                                InspectionParser::tr("the field \"%1\" is missing").arg(field));
        return required ? std::nullopt : std::optional<QString>(QString());
    }
    if (!value.isString()) {
        failure = malformed(QStringLiteral("wrong_type:") + field,
                            InspectionParser::tr("\"%1\" must be a string").arg(field));
        return std::nullopt;
    }
    return value.toString();
}

} // namespace

InspectionParser::InspectionParser() : InspectionParser(Classes{})
{ }

InspectionParser::InspectionParser(Classes classes) : m_classes(std::move(classes))
{ }

InspectionParser::Outcome InspectionParser::parse(const QByteArray &payload, qint64 receivedAtMs,
                                                  const QString &topic) const
{
    if (m_payloadLimit > 0 && payload.size() > m_payloadLimit)
        return malformed(
            QStringLiteral("too_large"),
            tr("the payload is %1 bytes, over the limit of %2 bytes").arg(payload.size()).arg(m_payloadLimit));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError)
        return malformed(QStringLiteral("not_json"),
                         tr("not JSON: %1 at byte %2").arg(error.errorString()).arg(error.offset));
    if (!document.isObject())
        return malformed(QStringLiteral("not_object"), tr("the payload is JSON but not an object"));
    const QJsonObject object = document.object();

    Outcome failure;
    Outcome outcome;
    InspectionResult &result = outcome.result;
    result.receivedAtMs = receivedAtMs;
    result.topic = topic;

    const std::optional<QString> deviceId = stringField(object, QStringLiteral("device_id"), true, failure);
    if (!deviceId)
        return failure;
    if (deviceId->trimmed().isEmpty())
        return malformed(QStringLiteral("empty:device_id"), tr("\"device_id\" is empty"));
    result.deviceId = *deviceId;

    const std::optional<qint64> timestamp = timestampField(object, failure);
    if (!timestamp)
        return failure;
    result.timestampMs = *timestamp;

    const std::optional<QString> prediction = stringField(object, QStringLiteral("prediction"), true, failure);
    if (!prediction)
        return failure;
    result.defective = m_classes.defective.contains(*prediction);
    if (!result.defective && !m_classes.good.contains(*prediction))
        return malformed(
            QStringLiteral("unknown_class"),
            tr("\"prediction\" is \"%1\", not one of the configured classes (%2)")
                .arg(prediction->left(40), (m_classes.good + m_classes.defective).join(QStringLiteral(", "))));
    result.prediction = *prediction;

    const std::optional<double> confidence = numberField(object, QStringLiteral("confidence"), failure);
    if (!confidence)
        return failure;
    if (*confidence < 0 || *confidence > 1)
        return malformed(QStringLiteral("out_of_range:confidence"),
                         tr("\"confidence\" is %1, outside 0…1").arg(*confidence));
    result.confidence = *confidence;

    const std::optional<double> latency = numberField(object, QStringLiteral("inference_latency_ms"), failure);
    if (!latency)
        return failure;
    if (*latency < 0)
        return malformed(QStringLiteral("out_of_range:inference_latency_ms"),
                         tr("\"inference_latency_ms\" is negative (%1)").arg(*latency));
    result.latencyMs = *latency;

    const std::optional<QString> imageUri = stringField(object, QStringLiteral("image_uri"), false, failure);
    if (!imageUri)
        return failure;
    result.imageUri = *imageUri;
    const std::optional<QString> imageBase64 = stringField(object, QStringLiteral("image_base64"), false, failure);
    if (!imageBase64)
        return failure;
    if (!imageBase64->isEmpty()) {
        const QByteArray encoded = imageBase64->toLatin1();
        if (!QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors))
            return malformed(QStringLiteral("bad_base64:image_base64"), tr("\"image_base64\" is not valid base64"));
        result.imageBase64 = encoded;
    }
    const std::optional<QString> defectType = stringField(object, QStringLiteral("defect_type"), false, failure);
    if (!defectType)
        return failure;
    result.defectType = *defectType;
    const QJsonValue bbox = object.value(QStringLiteral("bbox"));
    if (!bbox.isUndefined() && !bbox.isNull()) {
        if (!bbox.isArray())
            return malformed(QStringLiteral("wrong_type:bbox"), tr("\"bbox\" must be an array"));
        result.boundingBox = bbox.toArray();
    }
    outcome.valid = true;
    return outcome;
}
