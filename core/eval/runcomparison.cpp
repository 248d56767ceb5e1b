#include "core/eval/runcomparison.h"

#include "core/eval/evaljson.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/metricstatistics.h"
#include "core/eval/runscores.h"
#include "core/statistics/distributions.h"
#include "core/storage/preparedquery.h"

#include <QHash>
#include <QJsonArray>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace {

struct Pairing
{
    QString by;
    QList<QPair<qsizetype, qsizetype>> pairs; // positions in a and b, in b's order
    QStringList onlyA;
    QStringList onlyB;
};

// Pairs equal keys in order of appearance: the k-th copy of a key in one run with its k-th copy in
// the other, so a dataset that repeats a question still pairs one to one.
template<typename Key>
Pairing pairByKey(const RunScores &a, const RunScores &b, const QList<Key> &keysA, const QList<Key> &keysB)
{
    Pairing pairing;
    QHash<Key, QList<qsizetype>> positionsA;
    for (qsizetype i = 0; i < keysA.size(); ++i)
        positionsA[keysA[i]].append(i);
    QHash<Key, qsizetype> used;
    QList<bool> pairedA(keysA.size(), false);
    for (qsizetype j = 0; j < keysB.size(); ++j) {
        const auto found = positionsA.constFind(keysB[j]);
        qsizetype &next = used[keysB[j]];
        if (found == positionsA.cend() || next >= found->size()) {
            pairing.onlyB.append(b.label(j));
            continue;
        }
        const qsizetype i = (*found)[next++];
        pairedA[i] = true;
        pairing.pairs.append({i, j});
    }
    for (qsizetype i = 0; i < keysA.size(); ++i) {
        if (!pairedA[i])
            pairing.onlyA.append(a.label(i));
    }
    return pairing;
}

// Whether the item at `position` has any score in the run: an item never scored (a cancelled run,
// a failed item) is in the other run only.
bool scored(const RunScores &run, size_t position)
{
    for (const std::vector<double> &column : run.values) {
        if (position < column.size() && std::isfinite(column[position]))
            return true;
    }
    return false;
}

Pairing pairItems(const RunScores &a, const RunScores &b)
{
    if (a.run.datasetId == b.run.datasetId) {
        // One dataset: the same position is the same item in both runs.
        Pairing pairing;
        pairing.by = QStringLiteral("item");
        for (size_t i = 0; i < std::min(a.items.size(), b.items.size()); ++i) {
            const bool inA = scored(a, i);
            const bool inB = scored(b, i);
            if (inA && inB)
                pairing.pairs.append({qsizetype(i), qsizetype(i)});
            else if (inA)
                pairing.onlyA.append(a.label(qsizetype(i)));
            else if (inB)
                pairing.onlyB.append(b.label(qsizetype(i)));
        }
        return pairing;
    }
    Pairing pairing
        = a.hasIds() && b.hasIds() ? pairByKey(a, b, a.ids, b.ids) : pairByKey(a, b, a.contentKeys, b.contentKeys);
    pairing.by = a.hasIds() && b.hasIds() ? QStringLiteral("id") : QStringLiteral("content");
    return pairing;
}

QJsonValue number(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue();
}

QString signed3(double value)
{
    return (value > 0 ? QStringLiteral("+") : QString()) + QString::number(value, 'f', 3);
}

} // namespace

Result<RunComparison> RunComparison::compute(Workspace &workspace, qint64 runA, qint64 runB, const QStringList &metrics,
                                             Questions questions)
{
    // Identity keys (ids, content hashes) are read only to pair across two datasets.
    EvalRunRepository runs(workspace);
    auto foundA = runs.find(runA);
    auto foundB = runs.find(runB);
    for (const auto *found : {&foundA, &foundB}) {
        if (!*found)
            return found->error();
    }
    for (const auto *found : {&foundA, &foundB}) {
        if (!found->value())
            return makeError(Error::Kind::Input,
                             tr("no evaluation run %1 (see `genaiops eval list`)").arg(found == &foundA ? runA : runB));
    }
    QStringList chosen;
    for (const QString &metric : metrics) {
        if (chosen.contains(metric))
            continue;
        if (!foundA.value()->settings.metrics.contains(metric) || !foundB.value()->settings.metrics.contains(metric))
            return makeError(
                Error::Kind::Usage,
                tr("metric \"%1\" is not scored in both runs (run %2: %3; run %4: %5)")
                    .arg(metric, QString::number(runA), foundA.value()->settings.metrics.join(QStringLiteral(", ")),
                         QString::number(runB), foundB.value()->settings.metrics.join(QStringLiteral(", "))));
        chosen << metric;
    }
    const bool sameDataset = foundA.value()->datasetId == foundB.value()->datasetId;
    const RunScores::Keys keys = sameDataset ? RunScores::Keys::None : RunScores::Keys::Identity;
    auto first = RunScores::load(workspace, *foundA.value(), keys);
    if (!first)
        return first.error();
    auto second = RunScores::load(workspace, *foundB.value(), keys);
    if (!second)
        return second.error();
    RunComparison comparison = compare(first.value(), second.value(), chosen);
    if (questions == Questions::Without)
        return comparison;
    // Only the items people will read get their question: a few thousand lookups by key instead
    // of every question of both datasets.
    PreparedQuery question(
        workspace,
        QStringLiteral("SELECT substr(question, 1, 200) FROM eval_items WHERE dataset_id = ? AND item_index = ?"));
    QHash<qint64, QString> questionOf;
    for (MetricComparison &metric : comparison.metrics) {
        for (ComparedItem &item : metric.largestChanges) {
            auto known = questionOf.constFind(item.indexB);
            if (known == questionOf.cend()) {
                if (const Status done = question.run(QVariantList{comparison.runB.datasetId, item.indexB}); !done)
                    return done.error();
                known = questionOf.insert(item.indexB,
                                          question.query().next() ? question.query().value(0).toString() : QString());
            }
            item.question = *known;
        }
    }
    return comparison;
}

RunComparison RunComparison::compare(const RunScores &a, const RunScores &b, const QStringList &metrics)
{
    RunComparison comparison;
    comparison.runA = a.run;
    comparison.runB = b.run;
    const Pairing pairing = pairItems(a, b);
    comparison.pairedBy = pairing.by;
    comparison.pairedItems = pairing.pairs.size();
    comparison.onlyA = pairing.onlyA;
    comparison.onlyB = pairing.onlyB;
    QStringList names = metrics;
    if (names.isEmpty()) {
        for (const QString &metric : b.run.settings.metrics) {
            if (a.run.settings.metrics.contains(metric))
                names << metric;
        }
    }
    QList<double> pValues;
    for (const QString &name : std::as_const(names)) {
        const std::vector<double> *valuesA = a.metric(name);
        const std::vector<double> *valuesB = b.metric(name);
        if (!valuesA || !valuesB)
            continue;
        MetricComparison metric;
        metric.metric = name;
        metric.threshold = b.run.settings.threshold(name);
        QList<double> left, right;
        for (const auto &[i, j] : pairing.pairs) {
            const double x = (*valuesA)[size_t(i)];
            const double y = (*valuesB)[size_t(j)];
            if (!std::isfinite(x) || !std::isfinite(y))
                continue; // scored in one run only: no pair for this metric
            left.append(x);
            right.append(y);
            metric.items.append({a.items[size_t(i)], b.items[size_t(j)], x, y, {}});
            const bool passA = MetricStatistics::passes(x, metric.threshold);
            const bool passB = MetricStatistics::passes(y, metric.threshold);
            metric.passingA += passA;
            metric.passingB += passB;
            metric.onlyAPasses += passA && !passB;
            metric.onlyBPasses += passB && !passA;
        }
        metric.difference = PairedTest::tTest(left, right);
        metric.minimumDetectable = PairedTest::minimumDetectable(metric.difference.standardError);
        metric.signTestPValue = Distributions::signTestP(metric.onlyBPasses, metric.onlyAPasses + metric.onlyBPasses);
        for (const ComparedItem &item : std::as_const(metric.items)) {
            if (std::abs(item.b - item.a) > 1e-9)
                metric.largestChanges.append(item);
        }
        const auto larger = [](const ComparedItem &first, const ComparedItem &second) {
            return std::abs(first.b - first.a) > std::abs(second.b - second.a);
        };
        const qsizetype kept = std::min(maximumChanges, metric.largestChanges.size());
        std::partial_sort(metric.largestChanges.begin(), metric.largestChanges.begin() + kept,
                          metric.largestChanges.end(), larger);
        metric.largestChanges.resize(kept);
        pValues.append(metric.difference.pValue);
        comparison.metrics.append(metric);
    }
    const QList<double> adjusted = PairedTest::holm(pValues);
    for (qsizetype m = 0; m < comparison.metrics.size(); ++m) {
        MetricComparison &metric = comparison.metrics[m];
        metric.adjustedPValue = adjusted[m];
        metric.verdict = metric.difference.count >= 2
            ? PairedTest::verdict(metric.difference.meanDifference, metric.adjustedPValue)
            : PairedTest::Verdict::NoDifference;
    }
    return comparison;
}

QString RunComparison::describe(const MetricComparison &metric)
{
    const PairedDifference &difference = metric.difference;
    if (difference.count < 2)
        return tr("%1: too few items scored in both runs (%2)").arg(metric.metric).arg(difference.count);
    const QString figures
        = tr("%1 (95 % CI %2 to %3), p %4 after Holm, n %5")
              .arg(signed3(difference.meanDifference), signed3(difference.ci95.low), signed3(difference.ci95.high))
              .arg(metric.adjustedPValue, 0, 'g', 2)
              .arg(difference.count);
    switch (metric.verdict) {
    case PairedTest::Verdict::Better:
        return tr("better: %1").arg(figures);
    case PairedTest::Verdict::Worse:
        return tr("worse: %1").arg(figures);
    case PairedTest::Verdict::NoDifference:
        break;
    }
    return tr("no difference detectable at this size: %1; the smallest these items could detect is %2")
        .arg(figures, QString::number(metric.minimumDetectable, 'f', 3));
}

bool RunComparison::isIdentical() const
{
    if (pairedItems == 0 || metrics.isEmpty())
        return false;
    return std::all_of(metrics.cbegin(), metrics.cend(), [](const MetricComparison &metric) {
        return std::all_of(metric.items.cbegin(), metric.items.cend(),
                           [](const ComparedItem &item) { return std::abs(item.b - item.a) <= 1e-9; });
    });
}

QJsonObject RunComparison::toJson() const
{
    QJsonObject metricObject;
    for (const MetricComparison &metric : metrics) {
        const PairedDifference &difference = metric.difference;
        const auto count = double(std::max<qint64>(1, difference.count));
        metricObject.insert(
            metric.metric,
            QJsonObject{{QStringLiteral("n"), difference.count},
                        {QStringLiteral("mean_a"), difference.meanA},
                        {QStringLiteral("mean_b"), difference.meanB},
                        {QStringLiteral("mean_difference"), difference.meanDifference},
                        {QStringLiteral("se"), difference.standardError},
                        {QStringLiteral("ci95"), EvalJson::interval(difference.ci95)},
                        {QStringLiteral("p_value"), difference.pValue},
                        {QStringLiteral("p_value_holm"), metric.adjustedPValue},
                        {QStringLiteral("correlation"), number(difference.correlation)},
                        {QStringLiteral("verdict"), PairedTest::verdictName(metric.verdict)},
                        {QStringLiteral("minimum_detectable_difference"), number(metric.minimumDetectable)},
                        {QStringLiteral("threshold"), metric.threshold},
                        {QStringLiteral("pass_rate_a"), double(metric.passingA) / count},
                        {QStringLiteral("pass_rate_b"), double(metric.passingB) / count},
                        {QStringLiteral("pass_only_a"), metric.onlyAPasses},
                        {QStringLiteral("pass_only_b"), metric.onlyBPasses},
                        {QStringLiteral("sign_test_p_value"), metric.signTestPValue}});
    }
    return {{QStringLiteral("run_a"), runA.id},
            {QStringLiteral("run_b"), runB.id},
            {QStringLiteral("paired_by"), pairedBy},
            {QStringLiteral("paired_items"), pairedItems},
            {QStringLiteral("metrics"), metricObject},
            {QStringLiteral("unpaired"),
             QJsonObject{{QStringLiteral("only_a"), QJsonArray::fromStringList(onlyA)},
                         {QStringLiteral("only_b"), QJsonArray::fromStringList(onlyB)}}}};
}

QList<RegressionCheck> RunComparison::regressionChecks() const
{
    QList<RegressionCheck> checks;
    for (const MetricComparison &metric : metrics) {
        checks.append({metric.metric, metric.difference.count, metric.difference.meanDifference,
                       metric.verdict == PairedTest::Verdict::Worse,
                       tr("against run %1: %2").arg(runA.id).arg(describe(metric))});
    }
    return checks;
}
