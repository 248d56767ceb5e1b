#pragma once

#include "core/common/result.h"
#include "core/eval/humanlabel.h"
#include "core/statistics/cohenkappa.h"
#include "core/statistics/predictionpoweredmean.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

class Workspace;

// How far people agree with the judge on one metric of one run, from the labels they gave.
struct MetricAgreement
{
    Q_DECLARE_TR_FUNCTIONS(MetricAgreement)

public:
    // κ between two reviewers on the items both labelled: the ceiling a judge can hope to reach.
    struct ReviewerPair
    {
        QString first;
        QString second;
        KappaEstimate kappa;
    };

    static constexpr double trustedKappa = 0.6; // "substantial" agreement (Landis and Koch)

    QString metric;
    double threshold = 0.7;
    qint64 labelledItems = 0; // items with a label and a judge score
    qint64 withoutJudgeScore = 0; // labelled items the judge failed on: left out
    QStringList reviewers;
    KappaEstimate judgeKappa; // judge pass/fail against each label's pass/fail
    // [judge][human], 0 fail and 1 pass: counts of labels.
    qint64 confusion[2][2] = {{0, 0}, {0, 0}};
    std::optional<double> judgeBias; // mean(judge score − human value) over labelled items
    QList<ReviewerPair> reviewerPairs;
    PredictionPoweredMean corrected;
    double judgedMean = 0; // the judge alone over every scored item
    qint64 judgedItems = 0;
    bool randomSample = true; // every labelled item came from a random draw

    // Known only with a κ interval: a lower bound under trustedKappa means the judge's verdicts on
    // this metric cannot stand in for people's.
    bool trustworthy() const { return judgeKappa.ci95.isKnown() && judgeKappa.ci95.low >= trustedKappa; }
    bool measured() const { return judgeKappa.kappa.has_value() && judgeKappa.ci95.isKnown(); }
    // "κ 0.72 [0.61, 0.83] on 40 items, agreement 88 %" or why there is no figure yet.
    QString describe() const;
    // What the banner says, empty when the judge can be trusted or nobody labelled yet.
    QString warning() const;
    QJsonObject toJson() const;
};

class JudgeAgreement
{
    Q_DECLARE_TR_FUNCTIONS(JudgeAgreement)

public:
    // Every judged metric of the run that has at least one label, in the run's metric order.
    static Result<QList<MetricAgreement>> compute(Workspace &workspace, qint64 runId);
    // One metric from the judge's scores (`scores[i]` of item `items[i]`, ascending) and the labels;
    // labels of other metrics are ignored.
    static MetricAgreement of(const QString &metric, double threshold, const QList<qint64> &items,
                              const QList<double> &scores, const QList<HumanLabel> &labels);
    static QJsonObject toJson(const QList<MetricAgreement> &metrics);
    // The metrics a judge scored, and so people label: every metric that is not lexical, in order.
    static QStringList judgedMetrics(const QStringList &metrics);
};
