#include "core/eval/evalitemfields.h"

#include <QJsonDocument>

namespace {

// The first of `names` that `object` holds with a non-empty text; that name is marked as used.
QString firstText(const QJsonObject &object, const QStringList &names, QStringList &used)
{
    for (const QString &name : names) {
        const QString value = EvalItemFields::text(object.value(name));
        if (!value.isEmpty()) {
            used << name;
            return value;
        }
    }
    return {};
}

} // namespace

QString EvalItemFields::text(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QStringList EvalItemFields::contexts(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().isEmpty() ? QStringList() : QStringList{value.toString()};
    QStringList result;
    for (const QJsonValue &entry : value.toArray()) {
        const QJsonObject object = entry.toObject();
        if (object.contains(QStringLiteral("text")))
            result << text(object.value(QStringLiteral("text")));
        else if (object.value(QStringLiteral("content")).isObject()) // Bedrock retrievalResults
            result << text(object.value(QStringLiteral("content")).toObject().value(QStringLiteral("text")));
        else
            result << text(entry);
    }
    return result;
}

QString EvalItemFields::contentText(const QJsonValue &message)
{
    QStringList parts;
    for (const QJsonValue &block : message.toObject().value(QStringLiteral("content")).toArray())
        parts << text(block.toObject().value(QStringLiteral("text")));
    return parts.join(QLatin1Char('\n'));
}

QString EvalItemFields::noQuestionReason()
{
    return tr("no question (expected user_input, question or query)");
}

QString EvalItemFields::read(const QJsonObject &object, EvalItem &item)
{
    QStringList used;
    item.question
        = firstText(object, {QStringLiteral("user_input"), QStringLiteral("question"), QStringLiteral("query")}, used);
    item.response = firstText(object, {QStringLiteral("response"), QStringLiteral("answer")}, used);
    item.reference = firstText(
        object, {QStringLiteral("reference"), QStringLiteral("ground_truth"), QStringLiteral("expected_response")},
        used);
    for (const QString &name : {QStringLiteral("retrieved_contexts"), QStringLiteral("contexts")}) {
        if (object.contains(name)) {
            item.contexts = contexts(object.value(name));
            used << name;
            break;
        }
    }

    // Bedrock's own input: the first turn's prompt, reference and (bring your own) output.
    const QJsonArray turns = object.value(QStringLiteral("conversationTurns")).toArray();
    if (!turns.isEmpty()) {
        const QJsonObject turn = turns.at(0).toObject();
        const QJsonObject output = turn.value(QStringLiteral("output")).toObject();
        if (item.question.isEmpty())
            item.question = contentText(turn.value(QStringLiteral("prompt")));
        if (item.reference.isEmpty())
            item.reference = contentText(turn.value(QStringLiteral("referenceResponses")).toArray().at(0));
        if (item.response.isEmpty())
            item.response = text(output.value(QStringLiteral("text")));
        if (item.contexts.isEmpty())
            item.contexts = contexts(
                output.value(QStringLiteral("retrievedPassages")).toObject().value(QStringLiteral("retrievalResults")));
        // Later turns are not items of their own; keep them rather than drop them.
        if (turns.size() == 1)
            used << QStringLiteral("conversationTurns");
    }
    if (item.question.trimmed().isEmpty())
        return noQuestionReason();

    item.extra = object;
    for (const QString &name : used)
        item.extra.remove(name);
    return {};
}
