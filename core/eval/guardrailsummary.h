#pragma once

#include "core/eval/evaltypes.h"
#include "core/statistics/interval.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>

// What a guardrail did over a run: how many items it checked, how often it intervened (with
// Wilson's 95 % interval), and in how many items each policy family and content-filter type fired.
// The intervention rate also reads as a metric, guardrail_intervention_rate, so gates such as
// `guardrail_intervention_rate<=0.02` (or `@upper95`) judge it like any score.
struct GuardrailSummary
{
    Q_DECLARE_TR_FUNCTIONS(GuardrailSummary)

public:
    static QString rateMetric() { return QStringLiteral("guardrail_intervention_rate"); }
    // The policy families of GuardrailFinding::policy, in the order reports list them.
    static QStringList policies()
    {
        return {QStringLiteral("topic"), QStringLiteral("content"), QStringLiteral("word"), QStringLiteral("pii"),
                QStringLiteral("grounding")};
    }

    qint64 checked = 0;
    qint64 intervened = 0;
    double rate = 0;
    Interval ci95;
    QMap<QString, qint64> byPolicy; // every family, 0 where none fired
    QMap<QString, qint64> byFilterType; // PROMPT_ATTACK, INSULTS, … where one fired
    qint64 units = 0;
    // Interventions without a trace (a Knowledge Base's guardrailAction says only that one happened):
    // the per-policy counts cannot include them.
    qint64 untraced = 0;
    // Grounding and relevance scores over the items checked for them: their means, -1 when none.
    double meanGrounding = -1;
    double meanRelevance = -1;

    static GuardrailSummary of(const QList<GuardrailVerdict> &verdicts);
    // The rate as a MetricSummary (mean = rate, pass rate = share not intervened) for gates.
    MetricSummary asMetric() const;
    // "  guardrail gr1:1: intervened in 5 of 6 items (83.3%, 95% [43.6, 97.0]); fired: topic 1, …"
    QString describe(const QString &guardrail) const;
    // {checked, intervened, rate, ci95, by_policy:{…}, by_filter_type:{…}, units}
    QJsonObject toJson() const;
};
