#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

class Workspace;

// Which items of a run a reviewer labels next, for one judged metric. Items the reviewer labelled
// already, and items without a judge score, are never offered.
//   random      a uniform sample: the one the corrected mean (prediction-powered inference) needs
//   stratified  equal numbers from each fifth of the score range, so rare low scores are seen
//   unstable    items whose repeated judge calls fell on both sides of the threshold, closest first
class ReviewQueue
{
    Q_DECLARE_TR_FUNCTIONS(ReviewQueue)

public:
    enum class Sampling { Random, Stratified, Unstable };

    static QString samplingName(Sampling sampling);
    static std::optional<Sampling> samplingFromName(const QString &name);

    static Result<QList<qint64>> build(Workspace &workspace, qint64 runId, const QString &metric, Sampling sampling,
                                       int size, const QString &reviewer, quint64 seed);

    // Random and stratified draws from `items` (ascending) with their judge `scores`.
    static QList<qint64> sample(const QList<qint64> &items, const QList<double> &scores, Sampling sampling, int size,
                                quint64 seed);
};
