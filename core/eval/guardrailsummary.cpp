#include "core/eval/guardrailsummary.h"

#include "core/eval/evaljson.h"
#include "core/statistics/meanestimate.h"

#include <cmath>

using namespace Qt::StringLiterals;

GuardrailSummary GuardrailSummary::of(const QList<GuardrailVerdict> &verdicts)
{
    GuardrailSummary summary;
    for (const QString &policy : policies())
        summary.byPolicy.insert(policy, 0);
    double grounding = 0, relevance = 0;
    qint64 groundingCount = 0, relevanceCount = 0;
    for (const GuardrailVerdict &verdict : verdicts) {
        ++summary.checked;
        summary.intervened += verdict.intervened ? 1 : 0;
        summary.untraced += verdict.intervened && verdict.findings.isEmpty() ? 1 : 0;
        summary.units += verdict.units;
        for (const QString &policy : verdict.firedPolicies())
            summary.byPolicy[policy] += 1;
        for (const QString &type : verdict.firedFilterTypes())
            summary.byFilterType[type] += 1;
        if (const auto score = verdict.grounding(u"GROUNDING"_s); score && score->score >= 0) {
            grounding += score->score;
            ++groundingCount;
        }
        if (const auto score = verdict.grounding(u"RELEVANCE"_s); score && score->score >= 0) {
            relevance += score->score;
            ++relevanceCount;
        }
    }
    if (summary.checked > 0) {
        summary.rate = double(summary.intervened) / double(summary.checked);
        summary.ci95 = MeanEstimate::wilson(summary.intervened, summary.checked);
    }
    if (groundingCount > 0)
        summary.meanGrounding = grounding / double(groundingCount);
    if (relevanceCount > 0)
        summary.meanRelevance = relevance / double(relevanceCount);
    return summary;
}

MetricSummary GuardrailSummary::asMetric() const
{
    MetricSummary metric;
    metric.metric = rateMetric();
    metric.count = checked;
    metric.mean = metric.median = rate;
    metric.min = intervened < checked ? 0 : 1;
    metric.max = intervened > 0 ? 1 : 0;
    metric.ci95 = ci95;
    metric.standardError = checked > 0 ? std::sqrt(rate * (1 - rate) / double(checked)) : 0;
    metric.passing = checked - intervened;
    metric.passRate = checked > 0 ? double(metric.passing) / double(checked) : 0;
    metric.passRateCi95 = MeanEstimate::wilson(metric.passing, checked);
    return metric;
}

QJsonObject GuardrailSummary::toJson() const
{
    QJsonObject policyCounts;
    for (auto it = byPolicy.cbegin(); it != byPolicy.cend(); ++it)
        policyCounts.insert(it.key(), it.value());
    QJsonObject filterCounts;
    for (auto it = byFilterType.cbegin(); it != byFilterType.cend(); ++it)
        filterCounts.insert(it.key(), it.value());
    QJsonObject object{{"checked"_L1, checked},
                       {"intervened"_L1, intervened},
                       {"rate"_L1, rate},
                       {"ci95"_L1, EvalJson::interval(ci95)},
                       {"by_policy"_L1, policyCounts},
                       {"by_filter_type"_L1, filterCounts},
                       {"units"_L1, units},
                       {"untraced"_L1, untraced}};
    object.insert("mean_grounding"_L1, meanGrounding >= 0 ? QJsonValue(meanGrounding) : QJsonValue());
    object.insert("mean_relevance"_L1, meanRelevance >= 0 ? QJsonValue(meanRelevance) : QJsonValue());
    return object;
}

QString GuardrailSummary::describe(const QString &guardrail) const
{
    const QString interval = ci95.isKnown()
        ? tr(", 95% [%1, %2]").arg(ci95.low * 100, 0, 'f', 1).arg(ci95.high * 100, 0, 'f', 1)
        : QString();
    QStringList fired;
    for (const QString &policy : policies()) {
        QString part = u"%1 %2"_s.arg(policy).arg(byPolicy.value(policy));
        if (policy == "content"_L1 && !byFilterType.isEmpty()) {
            QStringList types;
            for (auto it = byFilterType.cbegin(); it != byFilterType.cend(); ++it)
                types << u"%1 %2"_s.arg(it.key()).arg(it.value());
            part += u" ("_s + types.join(u", "_s) + u')';
        }
        fired << part;
    }
    QString text = tr("  guardrail %1: intervened in %2 of %3 items (%4%%5); fired in items: %6; %7 policy units")
                       .arg(guardrail)
                       .arg(intervened)
                       .arg(checked)
                       .arg(rate * 100, 0, 'f', 1)
                       .arg(interval, fired.join(u", "_s))
                       .arg(units);
    if (untraced > 0)
        text += tr("\n      %1 of the interventions came without a trace: the service did not say which policy acted")
                    .arg(untraced);
    if (meanGrounding >= 0 || meanRelevance >= 0)
        text += tr("\n      mean grounding %1, mean relevance %2")
                    .arg(meanGrounding >= 0 ? QString::number(meanGrounding, 'f', 2) : tr("not checked"),
                         meanRelevance >= 0 ? QString::number(meanRelevance, 'f', 2) : tr("not checked"));
    return text;
}
