#include "core/eval/evaljson.h"

#include <QJsonDocument>

QString EvalJson::text(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString EvalJson::text(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonObject EvalJson::object(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QJsonArray EvalJson::array(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

QJsonArray EvalJson::interval(const Interval &interval)
{
    if (!interval.isKnown())
        return {QJsonValue(), QJsonValue()};
    return {interval.low, interval.high};
}

QString EvalJson::contextsText(const QStringList &contexts)
{
    return text(QJsonArray::fromStringList(contexts));
}

QStringList EvalJson::contexts(const QString &text)
{
    QStringList result;
    for (const QJsonValue &context : array(text))
        result << context.toString();
    return result;
}

QString EvalJson::skippedText(const QList<SkippedLine> &skipped)
{
    QJsonArray lines;
    for (const SkippedLine &line : skipped)
        lines << QJsonObject{{QStringLiteral("line"), line.line}, {QStringLiteral("reason"), line.reason}};
    return text(lines);
}

QList<SkippedLine> EvalJson::skipped(const QString &text)
{
    QList<SkippedLine> result;
    for (const QJsonValue &entry : array(text)) {
        const QJsonObject line = entry.toObject();
        result << SkippedLine{line.value(QStringLiteral("line")).toInt(),
                              line.value(QStringLiteral("reason")).toString()};
    }
    return result;
}

QString EvalJson::scoresText(const QList<MetricScore> &scores)
{
    QJsonArray entries;
    for (const MetricScore &score : scores) {
        QJsonObject entry{{QStringLiteral("metric"), score.metric},
                          {QStringLiteral("value"), score.value ? QJsonValue(*score.value) : QJsonValue()}};
        if (!score.explanation.isEmpty())
            entry.insert(QStringLiteral("explanation"), score.explanation);
        if (!score.details.isEmpty())
            entry.insert(QStringLiteral("details"), score.details);
        if (!score.error.isEmpty())
            entry.insert(QStringLiteral("error"), score.error);
        if (!score.repeats.isEmpty()) {
            QJsonArray repeats;
            for (double value : score.repeats)
                repeats.append(value);
            entry.insert(QStringLiteral("repeats"), repeats);
        }
        entries << entry;
    }
    return text(entries);
}

QList<MetricScore> EvalJson::scores(const QString &text)
{
    QList<MetricScore> result;
    for (const QJsonValue &value : array(text)) {
        const QJsonObject entry = value.toObject();
        MetricScore score;
        score.metric = entry.value(QStringLiteral("metric")).toString();
        if (entry.value(QStringLiteral("value")).isDouble())
            score.value = entry.value(QStringLiteral("value")).toDouble();
        score.explanation = entry.value(QStringLiteral("explanation")).toString();
        score.details = entry.value(QStringLiteral("details")).toArray();
        score.error = entry.value(QStringLiteral("error")).toString();
        for (const QJsonValue &repeat : entry.value(QStringLiteral("repeats")).toArray())
            score.repeats.append(repeat.toDouble());
        result << score;
    }
    return result;
}

QString EvalJson::guardrailText(const std::optional<GuardrailVerdict> &verdict)
{
    return verdict ? text(verdict->toJson()) : QString();
}

std::optional<GuardrailVerdict> EvalJson::guardrail(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    return GuardrailVerdict::fromJson(object(text));
}

QString EvalJson::retrievalText(const QList<RetrievedPassage> &passages, const QList<Citation> &citations)
{
    if (passages.isEmpty() && citations.isEmpty())
        return {};
    return text(QJsonObject{{QStringLiteral("passages"), RetrievedPassage::toJson(passages)},
                            {QStringLiteral("citations"), Citation::toJson(citations)}});
}

void EvalJson::retrieval(const QString &text, QList<RetrievedPassage> &passages, QList<Citation> &citations)
{
    passages.clear();
    citations.clear();
    if (text.isEmpty())
        return;
    const QJsonObject stored = object(text);
    for (const QJsonValue &passage : stored.value(QStringLiteral("passages")).toArray())
        passages << RetrievedPassage::fromJson(passage.toObject());
    for (const QJsonValue &citation : stored.value(QStringLiteral("citations")).toArray())
        citations << Citation::fromJson(citation.toObject());
}
