#include "core/eval/judgeagreement.h"

#include "core/eval/evaljson.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/labelrepository.h"
#include "core/eval/metricstatistics.h"
#include "core/storage/workspace.h"

#include <QJsonArray>
#include <QMap>

#include <algorithm>

namespace {

QJsonValue number(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QString bounds(const Interval &interval)
{
    return interval.isKnown() ? QStringLiteral("[%1, %2]").arg(interval.low, 0, 'f', 2).arg(interval.high, 0, 'f', 2)
                              : QStringLiteral("[–]");
}

} // namespace

QString MetricAgreement::describe() const
{
    if (labelledItems == 0)
        return tr("no labelled item has a judge score yet");
    if (!judgeKappa.kappa)
        return tr("κ unknown on %n item(s): judge and people gave one verdict only, agreement %1 %", nullptr,
                  int(labelledItems))
            .arg(judgeKappa.agreement * 100, 0, 'f', 0);
    return tr("κ %1 %2 on %n item(s), agreement %3 %", nullptr, int(labelledItems))
        .arg(*judgeKappa.kappa, 0, 'f', 2)
        .arg(bounds(judgeKappa.ci95))
        .arg(judgeKappa.agreement * 100, 0, 'f', 0);
}

QString MetricAgreement::warning() const
{
    if (labelledItems == 0 || trustworthy())
        return {};
    if (!measured())
        return tr("%1: judge agreement not measured yet (%2)").arg(metric, describe());
    return tr("%1: judge not trustworthy for this metric: κ's lower bound %2 is under %3")
        .arg(metric)
        .arg(judgeKappa.ci95.low, 0, 'f', 2)
        .arg(trustedKappa, 0, 'f', 1);
}

QJsonObject MetricAgreement::toJson() const
{
    QJsonArray pairs;
    for (const ReviewerPair &pair : reviewerPairs)
        pairs.append(QJsonObject{{QStringLiteral("reviewers"), QJsonArray{pair.first, pair.second}},
                                 {QStringLiteral("n"), pair.kappa.pairs},
                                 {QStringLiteral("kappa"), number(pair.kappa.kappa)},
                                 {QStringLiteral("kappa_ci95"), EvalJson::interval(pair.kappa.ci95)},
                                 {QStringLiteral("agreement"), pair.kappa.agreement}});
    const bool corrects = corrected.labelled >= 2;
    return {{QStringLiteral("metric"), metric},
            {QStringLiteral("threshold"), threshold},
            {QStringLiteral("n"), labelledItems},
            {QStringLiteral("labels"), judgeKappa.pairs},
            {QStringLiteral("without_judge_score"), withoutJudgeScore},
            {QStringLiteral("reviewers"), QJsonArray::fromStringList(reviewers)},
            {QStringLiteral("kappa"), number(judgeKappa.kappa)},
            {QStringLiteral("kappa_ci95"), EvalJson::interval(judgeKappa.ci95)},
            {QStringLiteral("agreement"), judgeKappa.agreement},
            {QStringLiteral("confusion"),
             QJsonObject{{QStringLiteral("judge_pass_human_pass"), confusion[1][1]},
                         {QStringLiteral("judge_pass_human_fail"), confusion[1][0]},
                         {QStringLiteral("judge_fail_human_pass"), confusion[0][1]},
                         {QStringLiteral("judge_fail_human_fail"), confusion[0][0]}}},
            {QStringLiteral("judge_bias"), number(judgeBias)},
            {QStringLiteral("reviewer_kappa"), pairs},
            {QStringLiteral("judged_mean"), judgedItems > 0 ? QJsonValue(judgedMean) : QJsonValue()},
            {QStringLiteral("judged_n"), judgedItems},
            {QStringLiteral("human_mean"), labelledItems > 0 ? QJsonValue(corrected.humanMean) : QJsonValue()},
            {QStringLiteral("human_ci95"), EvalJson::interval(corrected.humanCi95)},
            {QStringLiteral("corrected_mean"), corrects ? QJsonValue(corrected.estimate) : QJsonValue()},
            {QStringLiteral("corrected_ci95"), EvalJson::interval(corrected.ci95)},
            {QStringLiteral("corrected_lambda"), corrects ? QJsonValue(corrected.lambda) : QJsonValue()},
            {QStringLiteral("random_sample"), randomSample},
            {QStringLiteral("trustworthy"), trustworthy()}};
}

MetricAgreement JudgeAgreement::of(const QString &metric, double threshold, const QList<qint64> &items,
                                   const QList<double> &scores, const QList<HumanLabel> &labels)
{
    QHash<qint64, double> judgeScores;
    judgeScores.reserve(items.size());
    for (qsizetype i = 0; i < std::min(items.size(), scores.size()); ++i)
        judgeScores.insert(items[i], scores[i]);
    MetricAgreement result;
    result.metric = metric;
    result.threshold = threshold;
    // Labels by item (in item order), so each item counts once in the bias and the corrected mean.
    QMap<qint64, QList<const HumanLabel *>> byItem;
    for (const HumanLabel &label : labels)
        if (label.metric == metric)
            byItem[label.itemIndex].append(&label);
    QList<int> judgeVerdicts;
    QList<int> humanVerdicts;
    QList<qint64> clusters;
    QList<double> labelledJudge;
    QList<double> labelledHuman;
    QMap<QString, QHash<qint64, int>> verdictsOf; // reviewer → item → pass (1) or fail (0)
    for (auto it = byItem.cbegin(); it != byItem.cend(); ++it) {
        for (const HumanLabel *label : it.value()) {
            if (!result.reviewers.contains(label->reviewer))
                result.reviewers << label->reviewer;
            verdictsOf[label->reviewer].insert(it.key(), label->passes(threshold) ? 1 : 0);
        }
        const auto judged = judgeScores.constFind(it.key());
        if (judged == judgeScores.constEnd()) {
            ++result.withoutJudgeScore;
            continue;
        }
        const int judgePass = MetricStatistics::passes(judged.value(), threshold) ? 1 : 0;
        double humanSum = 0;
        bool random = false;
        for (const HumanLabel *label : it.value()) {
            const int humanPass = label->passes(threshold) ? 1 : 0;
            judgeVerdicts << judgePass;
            humanVerdicts << humanPass;
            clusters << it.key();
            ++result.confusion[judgePass][humanPass];
            humanSum += label->value;
            random = random || label->source == QLatin1String("random");
        }
        result.randomSample = result.randomSample && random;
        labelledJudge << judged.value();
        labelledHuman << humanSum / double(it.value().size());
    }
    std::sort(result.reviewers.begin(), result.reviewers.end());
    result.labelledItems = labelledJudge.size();
    result.judgeKappa = CohenKappa::estimate(judgeVerdicts, humanVerdicts, clusters);
    if (!labelledJudge.isEmpty()) {
        double bias = 0;
        for (qsizetype i = 0; i < labelledJudge.size(); ++i)
            bias += labelledJudge[i] - labelledHuman[i];
        result.judgeBias = bias / double(labelledJudge.size());
    }
    for (qsizetype a = 0; a < result.reviewers.size(); ++a)
        for (qsizetype b = a + 1; b < result.reviewers.size(); ++b) {
            const QHash<qint64, int> &first = verdictsOf[result.reviewers[a]];
            const QHash<qint64, int> &second = verdictsOf[result.reviewers[b]];
            QList<qint64> shared;
            for (auto it = first.cbegin(); it != first.cend(); ++it)
                if (second.contains(it.key()))
                    shared << it.key();
            if (shared.isEmpty())
                continue;
            std::sort(shared.begin(), shared.end());
            QList<int> left;
            QList<int> right;
            for (qint64 item : shared) {
                left << first.value(item);
                right << second.value(item);
            }
            result.reviewerPairs.append(MetricAgreement::ReviewerPair{result.reviewers[a], result.reviewers[b],
                                                                      CohenKappa::estimate(left, right)});
        }
    QList<double> unlabelled;
    double judgedSum = 0;
    // In item order, so the same labels always give the same figures to the last digit.
    for (qsizetype i = 0; i < std::min(items.size(), scores.size()); ++i) {
        judgedSum += scores[i];
        if (!byItem.contains(items[i]))
            unlabelled << scores[i];
    }
    result.judgedItems = judgeScores.size();
    result.judgedMean = judgeScores.isEmpty() ? 0 : judgedSum / double(judgeScores.size());
    result.corrected = PredictionPoweredMean::of(labelledJudge, labelledHuman, unlabelled);
    // Scores live in [0, 1], and so does their mean: cutting an interval there keeps its coverage.
    for (Interval *interval : {&result.corrected.ci95, &result.corrected.humanCi95})
        if (interval->isKnown())
            *interval = {std::clamp(interval->low, 0.0, 1.0), std::clamp(interval->high, 0.0, 1.0)};
    return result;
}

Result<QList<MetricAgreement>> JudgeAgreement::compute(Workspace &workspace, qint64 runId)
{
    EvalRunRepository runs(workspace);
    auto run = runs.require(runId);
    if (!run)
        return run.error();
    auto labels = LabelRepository(workspace).labels(runId);
    if (!labels)
        return labels.error();
    QList<MetricAgreement> result;
    for (const QString &metric : judgedMetrics(run.value().settings.metrics)) {
        const bool labelled = std::any_of(labels.value().cbegin(), labels.value().cend(),
                                          [&](const HumanLabel &label) { return label.metric == metric; });
        if (!labelled)
            continue;
        QList<qint64> items;
        auto values = runs.metricValues(runId, metric, &items);
        if (!values)
            return values.error();
        result << of(metric, run.value().settings.threshold(metric), items, values.value(), labels.value());
    }
    return result;
}

QJsonObject JudgeAgreement::toJson(const QList<MetricAgreement> &metrics)
{
    QJsonArray array;
    for (const MetricAgreement &metric : metrics)
        array.append(metric.toJson());
    return {{QStringLiteral("metrics"), array}};
}

QStringList JudgeAgreement::judgedMetrics(const QStringList &metrics)
{
    QStringList judged;
    for (const QString &metric : metrics)
        if (!Metrics::isLexical(metric))
            judged << metric;
    return judged;
}
