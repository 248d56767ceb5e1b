#include "core/playground/chatparametersjson.h"

#include <QJsonArray>
#include <QJsonDocument>

QJsonObject ChatParametersJson::toJson(const ChatParameters &parameters)
{
    QJsonObject object{{QStringLiteral("maxTokens"), parameters.maxTokens}};
    if (parameters.temperature)
        object.insert(QStringLiteral("temperature"), *parameters.temperature);
    if (parameters.topP)
        object.insert(QStringLiteral("topP"), *parameters.topP);
    if (!parameters.stopSequences.isEmpty())
        object.insert(QStringLiteral("stopSequences"), QJsonArray::fromStringList(parameters.stopSequences));
    return object;
}

ChatParameters ChatParametersJson::fromJson(const QJsonObject &object)
{
    ChatParameters parameters;
    parameters.maxTokens = object.value(QStringLiteral("maxTokens")).toInt(parameters.maxTokens);
    if (object.value(QStringLiteral("temperature")).isDouble())
        parameters.temperature = object.value(QStringLiteral("temperature")).toDouble();
    if (object.value(QStringLiteral("topP")).isDouble())
        parameters.topP = object.value(QStringLiteral("topP")).toDouble();
    for (const QJsonValue &stop : object.value(QStringLiteral("stopSequences")).toArray())
        parameters.stopSequences << stop.toString();
    return parameters;
}

QString ChatParametersJson::toText(const ChatParameters &parameters)
{
    return QString::fromUtf8(QJsonDocument(toJson(parameters)).toJson(QJsonDocument::Compact));
}

ChatParameters ChatParametersJson::fromText(const QString &text)
{
    return fromJson(QJsonDocument::fromJson(text.toUtf8()).object());
}
