#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// A part of a generated answer and the passages it rests on (indexes into the answer's passages).
// start and end are character offsets into the answer, end exclusive.
struct Citation
{
    QString text;
    qsizetype start = 0;
    qsizetype end = 0;
    QList<int> passages;

    QJsonObject toJson() const;
    static QJsonArray toJson(const QList<Citation> &citations);
    static Citation fromJson(const QJsonObject &object);
};
