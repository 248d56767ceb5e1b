#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// A passage a Knowledge Base retrieved: its text, where it came from, and how well it matched.
struct RetrievedPassage
{
    QString text;
    QString locationType; // S3, WEB, CONFLUENCE, …
    QString uri; // the source's address, whatever its location type
    double score = -1; // Retrieve only; -1 when not given
    QJsonObject metadata;

    QJsonObject toJson() const;
    static QJsonArray toJson(const QList<RetrievedPassage> &passages);
    static RetrievedPassage fromJson(const QJsonObject &object);
    // A Bedrock retrievedReference or retrievalResult: {content:{text}, location:{type, s3Location:{uri}, …}, score,
    // metadata}.
    static RetrievedPassage fromWire(const QJsonObject &object);
};
