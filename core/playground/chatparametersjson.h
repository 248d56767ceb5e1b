#pragma once

#include "core/providers/chatrequest.h"

#include <QJsonObject>

// ChatParameters as the workspace stores them: unset optionals are left out, so "the model's
// default" survives a round trip instead of turning into a number.
class ChatParametersJson
{
public:
    static QJsonObject toJson(const ChatParameters &parameters);
    static ChatParameters fromJson(const QJsonObject &object);

    static QString toText(const ChatParameters &parameters);
    static ChatParameters fromText(const QString &text);
};
