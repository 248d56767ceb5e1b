#pragma once

#include "core/edge/inspectionresult.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QStringList>

// Turns an MQTT payload into an InspectionResult, or names why it is not one. Firmware differs in
// the wild: confidence and latency arrive as numbers from one and as strings ("0.9876") from
// another, timestamps as epoch seconds, epoch milliseconds or ISO 8601. Anything else wrong is a
// malformed message with a stable reason ("missing:confidence", "out_of_range:confidence" …) that
// the statistics count and the panel shows; parsing never throws and never stops a stream.
class InspectionParser
{
    Q_DECLARE_TR_FUNCTIONS(InspectionParser)

public:
    struct Classes
    {
        QStringList good{QStringLiteral("good")};
        QStringList defective{QStringLiteral("defective")};
    };

    struct Outcome
    {
        bool valid = false;
        InspectionResult result; // when valid
        QString reason; // when not: a stable key for counting
        QString detail; // when not: a sentence for people
    };

    InspectionParser();
    explicit InspectionParser(Classes classes);

    Outcome parse(const QByteArray &payload, qint64 receivedAtMs, const QString &topic = {}) const;

    const Classes &classes() const { return m_classes; }

    // AWS IoT Core refuses a publish over 128 KB; a payload over the limit is malformed ("too_large")
    // before any of it is parsed. 0: no limit.
    static constexpr qsizetype DefaultPayloadLimit = 128 * 1024;
    qsizetype payloadLimit() const { return m_payloadLimit; }
    void setPayloadLimit(qsizetype bytes) { m_payloadLimit = bytes; }

private:
    Classes m_classes;
    qsizetype m_payloadLimit = DefaultPayloadLimit;
};

Q_DECLARE_METATYPE(InspectionParser::Classes)
