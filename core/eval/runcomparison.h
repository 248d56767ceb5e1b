#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"
#include "core/eval/qualitygate.h"
#include "core/statistics/pairedtest.h"

#include <QCoreApplication>
#include <QJsonObject>

class Workspace;
struct RunScores;

// One item scored in both runs.
struct ComparedItem
{
    qint64 indexA = 0;
    qint64 indexB = 0;
    double a = 0;
    double b = 0;
    QString question; // as run B's dataset words it (first 200 characters); in largestChanges only
};

// One metric of a paired comparison.
struct MetricComparison
{
    QString metric;
    PairedDifference difference; // b − a over the items scored in both
    double adjustedPValue = 1; // Holm's, across the metrics compared
    PairedTest::Verdict verdict = PairedTest::Verdict::NoDifference;
    double minimumDetectable = 0; // at α 0.05 and power 0.8, for this many items and this noise
    double threshold = 0.7; // run B's pass threshold, for the pass/fail sign test
    qint64 passingA = 0;
    qint64 passingB = 0;
    qint64 onlyAPasses = 0; // discordant pairs, the sign test's evidence
    qint64 onlyBPasses = 0;
    double signTestPValue = 1;
    QList<ComparedItem> items; // in run B's item order
    QList<ComparedItem> largestChanges; // the items that moved most, largest first (at most maximumChanges)
};

// Two runs compared item by item (paired): per metric the mean difference with its paired
// standard error, 95 % interval, t-test p-value, the runs' correlation, a verdict after Holm's
// correction and the smallest difference this many items could detect. Items pair by the
// datasets' `id` field when both have one on every item, else by question, contexts and
// reference; a run of the same dataset pairs item for item. Items found in one run only are
// listed and left out, never paired by position.
struct RunComparison
{
    Q_DECLARE_TR_FUNCTIONS(RunComparison)

public:
    EvalRun runA;
    EvalRun runB;
    QString pairedBy; // "item", "id" or "content"
    qint64 pairedItems = 0;
    QStringList onlyA; // labels (id, else 1-based number) of unpaired items
    QStringList onlyB;
    QList<MetricComparison> metrics;

    static constexpr qsizetype maximumChanges = 500; // more than anyone reads in a list

    enum class Questions { With, Without };
    // `metrics` empty: every metric both runs have; a named metric that one run lacks is a Usage
    // error. With Questions::With the largest changes get their questions (for people to read).
    static Result<RunComparison> compute(Workspace &workspace, qint64 runA, qint64 runB,
                                         const QStringList &metrics = {}, Questions questions = Questions::With);
    static RunComparison compare(const RunScores &a, const RunScores &b, const QStringList &metrics = {});

    QJsonObject toJson() const;
    // Items were paired and each has the same score in both runs on every metric compared.
    bool isIdentical() const;
    // What no-regression gates of run B against baseline A need.
    QList<RegressionCheck> regressionChecks() const;
    // "better: +0.052 (95 % CI +0.031 to +0.073), p 0.0004 after Holm" and the like.
    static QString describe(const MetricComparison &metric);
};
