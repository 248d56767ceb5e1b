#include "core/eval/reviewqueue.h"

#include "core/eval/evaljson.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/labelrepository.h"
#include "core/eval/metricstatistics.h"
#include "core/storage/workspace.h"

#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <random>

namespace {

constexpr int strata = 5;

} // namespace

QString ReviewQueue::samplingName(Sampling sampling)
{
    switch (sampling) {
    case Sampling::Random:
        return QStringLiteral("random");
    case Sampling::Stratified:
        return QStringLiteral("stratified");
    case Sampling::Unstable:
        return QStringLiteral("unstable");
    }
    return QStringLiteral("random");
}

std::optional<ReviewQueue::Sampling> ReviewQueue::samplingFromName(const QString &name)
{
    for (Sampling sampling : {Sampling::Random, Sampling::Stratified, Sampling::Unstable})
        if (name == samplingName(sampling))
            return sampling;
    return std::nullopt;
}

QList<qint64> ReviewQueue::sample(const QList<qint64> &items, const QList<double> &scores, Sampling sampling, int size,
                                  quint64 seed)
{
    std::mt19937_64 random(seed);
    const qsizetype count = std::min(items.size(), scores.size());
    if (sampling != Sampling::Stratified) {
        QList<qint64> shuffled = items.mid(0, count);
        std::shuffle(shuffled.begin(), shuffled.end(), random);
        return shuffled.mid(0, std::max(0, size));
    }
    QList<QList<qint64>> bins(strata);
    for (qsizetype i = 0; i < count; ++i)
        bins[std::clamp(int(std::floor(scores[i] * strata)), 0, strata - 1)].append(items[i]);
    for (QList<qint64> &bin : bins)
        std::shuffle(bin.begin(), bin.end(), random);
    // Round robin over the bins, so a short queue still covers the whole score range.
    QList<qint64> result;
    for (qsizetype round = 0; result.size() < size; ++round) {
        bool any = false;
        for (const QList<qint64> &bin : bins) {
            if (round < bin.size() && result.size() < size) {
                result.append(bin[round]);
                any = true;
            }
        }
        if (!any)
            break;
    }
    return result;
}

Result<QList<qint64>> ReviewQueue::build(Workspace &workspace, qint64 runId, const QString &metric, Sampling sampling,
                                         int size, const QString &reviewer, quint64 seed)
{
    EvalRunRepository runs(workspace);
    auto run = runs.require(runId);
    if (!run)
        return run.error();
    if (!run.value().settings.metrics.contains(metric) || Metrics::isLexical(metric))
        return makeError(Error::Kind::Input, tr("run %1 has no judged metric \"%2\"").arg(runId).arg(metric));
    auto labels = LabelRepository(workspace).labels(runId, metric);
    if (!labels)
        return labels.error();
    QSet<qint64> done;
    for (const HumanLabel &label : labels.value())
        if (label.reviewer == reviewer)
            done.insert(label.itemIndex);
    QList<qint64> items;
    auto values = runs.metricValues(runId, metric, &items);
    if (!values)
        return values.error();
    QList<qint64> openItems;
    QList<double> openScores;
    for (qsizetype i = 0; i < items.size(); ++i)
        if (!done.contains(items[i])) {
            openItems << items[i];
            openScores << values.value()[i];
        }
    if (sampling != Sampling::Unstable)
        return sample(openItems, openScores, sampling, size, seed);

    const double threshold = run.value().settings.threshold(metric);
    QSet<qint64> open(openItems.cbegin(), openItems.cend());
    QList<std::pair<double, qint64>> unstable; // distance of the mean from the threshold, item
    auto query = workspace.execute(
        QStringLiteral("SELECT item_index, scores FROM eval_results WHERE run_id = :run ORDER BY item_index"),
        {{QStringLiteral("run"), runId}});
    if (!query)
        return query.error();
    while (query.value().next()) {
        const qint64 item = query.value().value(0).toLongLong();
        if (!open.contains(item))
            continue;
        for (const MetricScore &score : EvalJson::scores(query.value().value(1).toString()))
            if (score.metric == metric && score.value && MetricStatistics::crossesThreshold(score.repeats, threshold))
                unstable.append({std::abs(*score.value - threshold), item});
    }
    std::stable_sort(unstable.begin(), unstable.end(),
                     [](const auto &left, const auto &right) { return left.first < right.first; });
    QList<qint64> result;
    for (qsizetype i = 0; i < unstable.size() && result.size() < size; ++i)
        result << unstable[i].second;
    return result;
}
