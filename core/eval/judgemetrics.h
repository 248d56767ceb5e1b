#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// What a judge model is asked and how its answers are read; no networking. Faithfulness takes two
// calls (split the response into statements, then a 0/1 verdict per statement against the
// contexts), relevance one (a 0–1 rubric score). Templates are editable and use {{question}},
// {{contexts}}, {{response}} and {{statements}}; an empty template means the built-in one.
class JudgeMetrics
{
    Q_DECLARE_TR_FUNCTIONS(JudgeMetrics)

public:
    static QString defaultStatementsPrompt();
    static QString defaultVerdictsPrompt();
    static QString defaultRelevancePrompt();

    static Result<QString> statementsPrompt(const QString &customTemplate, const EvalItem &item,
                                            const QString &response);
    static Result<QString> verdictsPrompt(const QString &customTemplate, const EvalItem &item, const QString &response,
                                          const QStringList &statements);
    static Result<QString> relevancePrompt(const QString &customTemplate, const EvalItem &item,
                                           const QString &response);

    // The first balanced JSON object in a judge's answer, inside a ```json fence or surrounded by
    // prose; reasoning in <think>…</think> is skipped.
    static Result<QJsonObject> extractJsonObject(const QString &answer);

    // {"statements":[…]}: at least one non-blank statement, else an error.
    static Result<QStringList> parseStatements(const QString &answer);
    // {"verdicts":[{statement, verdict, reason}]}, one per statement: faithfulness = supported ÷ total,
    // every verdict kept in details.
    static Result<MetricScore> parseVerdicts(const QString &answer, const QStringList &statements);
    // {"score": 0…1, "explanation": "…"}.
    static Result<MetricScore> parseRelevance(const QString &answer);

private:
    static Error badAnswer(const QString &reason, const QString &answer);
};
