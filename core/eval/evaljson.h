#pragma once

#include "core/eval/evaltypes.h"

// How eval values are kept in TEXT columns: compact JSON, the same on SQLite and PostgreSQL.
class EvalJson
{
public:
    static QString text(const QJsonObject &object);
    static QString text(const QJsonArray &array);
    static QJsonObject object(const QString &text);
    static QJsonArray array(const QString &text);

    // [low, high], or [null, null] when there is too little data for an interval.
    static QJsonArray interval(const Interval &interval);

    static QString contextsText(const QStringList &contexts);
    static QStringList contexts(const QString &text);
    static QString skippedText(const QList<SkippedLine> &skipped);
    static QList<SkippedLine> skipped(const QString &text);
    // Every score with its explanation, details and error: [{metric, value|null, …}].
    static QString scoresText(const QList<MetricScore> &scores);
    static QList<MetricScore> scores(const QString &text);
    // A result's guardrail verdict; "" when the item went through none.
    static QString guardrailText(const std::optional<GuardrailVerdict> &verdict);
    static std::optional<GuardrailVerdict> guardrail(const QString &text);
    // A Knowledge Base result's passages and citations, {passages:[…], citations:[…]}; "" when none.
    static QString retrievalText(const QList<RetrievedPassage> &passages, const QList<Citation> &citations);
    static void retrieval(const QString &text, QList<RetrievedPassage> &passages, QList<Citation> &citations);
};
