#include "core/edge/edgealert.h"

#include <QDateTime>

QString EdgeAlert::kindName(Kind kind)
{
    switch (kind) {
    case Kind::DefectRate:
        return QStringLiteral("defect_rate");
    case Kind::LowConfidence:
        return QStringLiteral("low_confidence");
    case Kind::Latency:
        return QStringLiteral("latency");
    case Kind::Silent:
        return QStringLiteral("silent");
    }
    return {};
}

QString EdgeAlert::kindLabel(Kind kind)
{
    switch (kind) {
    case Kind::DefectRate:
        return tr("Defect rate");
    case Kind::LowConfidence:
        return tr("Low confidence");
    case Kind::Latency:
        return tr("Slow inference");
    case Kind::Silent:
        return tr("Silent");
    }
    return {};
}

QString EdgeAlert::describe() const
{
    switch (kind) {
    case Kind::DefectRate:
        return tr("%1: defect rate %2 % over the window, above %3 %")
            .arg(deviceId)
            .arg(value * 100, 0, 'f', 1)
            .arg(threshold * 100, 0, 'f', 1);
    case Kind::LowConfidence:
        return tr("%1: mean confidence %2 over the window, below %3")
            .arg(deviceId)
            .arg(value, 0, 'f', 3)
            .arg(threshold, 0, 'f', 3);
    case Kind::Latency:
        return tr("%1: p95 inference latency %2 ms, above %3 ms")
            .arg(deviceId)
            .arg(value, 0, 'f', 1)
            .arg(threshold, 0, 'f', 0);
    case Kind::Silent:
        return tr("%1: no message for %2 s").arg(deviceId).arg(value, 0, 'f', 0);
    }
    return {};
}

QJsonObject EdgeAlert::toJson() const
{
    QJsonObject object{
        {QStringLiteral("device"), deviceId},
        {QStringLiteral("kind"), kindName(kind)},
        {QStringLiteral("value"), value},
        {QStringLiteral("threshold"), threshold},
        {QStringLiteral("raised_at"), QDateTime::fromMSecsSinceEpoch(raisedAtMs, Qt::UTC).toString(Qt::ISODateWithMs)},
        {QStringLiteral("active"), isActive()},
        {QStringLiteral("message"), describe()}};
    if (!isActive())
        object.insert(QStringLiteral("cleared_at"),
                      QDateTime::fromMSecsSinceEpoch(clearedAtMs, Qt::UTC).toString(Qt::ISODateWithMs));
    return object;
}
