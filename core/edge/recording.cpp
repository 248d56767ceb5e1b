#include "core/edge/recording.h"

QJsonObject Recording::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("broker"), broker},
            {QStringLiteral("topics"), topics},
            {QStringLiteral("started_at"), startedAt},
            {QStringLiteral("ended_at"), endedAt},
            {QStringLiteral("messages"), messages}};
}
