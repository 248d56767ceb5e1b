#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

// A raised (and perhaps since cleared) alert on one device.
struct EdgeAlert
{
    Q_DECLARE_TR_FUNCTIONS(EdgeAlert)

public:
    enum class Kind { DefectRate, LowConfidence, Latency, Silent };

    QString deviceId;
    Kind kind = Kind::DefectRate;
    double value = 0; // what was measured when it was raised
    double threshold = 0;
    qint64 raisedAtMs = 0;
    qint64 clearedAtMs = 0; // 0 while active

    bool isActive() const { return clearedAtMs == 0; }
    static QString kindName(Kind kind); // stable, for JSON: defect_rate, low_confidence …
    static QString kindLabel(Kind kind); // for people
    QString describe() const;
    QJsonObject toJson() const;
};
