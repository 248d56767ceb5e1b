#pragma once

#include <QJsonObject>
#include <QString>

// A recorded session as listed: what was recorded, from where, and how much.
struct Recording
{
    qint64 id = 0;
    QString name;
    QString broker;
    QString topics;
    QString startedAt;
    QString endedAt; // empty while recording, or when the recorder was killed
    qint64 messages = 0;

    QJsonObject toJson() const;
};
