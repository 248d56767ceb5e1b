#pragma once

#include "core/eval/resultrowcursor.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QPointF>
#include <QStringList>

// What a run report needs from a run's rows, gathered in one pass with bounded memory: histogram bins
// per metric, the faithfulness × relevance points merged per 0.01 cell, the lowest-scoring rows and
// the first rows with errors. Memory does not grow with the number of items.
class RunDigest
{
public:
    static constexpr int histogramBins = 10;

    explicit RunDigest(const QStringList &metrics, int keep = 50);

    void add(ResultRow row);

    QList<qint64> bins(const QString &metric) const { return m_bins.value(metric); }
    // Distinct points of items that have both a faithfulness and a relevance value, and how many
    // items sit on each.
    QList<QPointF> scatterPoints() const;
    QList<qint64> scatterWeights() const { return m_cells.values(); }
    qint64 scatterCount() const { return m_scatterCount; }

    // Rows with at least one value, lowest first by their lowest value among the metrics (ties by index).
    QList<ResultRow> lowest() const;
    // The lowest value of a row among the metrics, and which metric gave it.
    std::optional<QPair<QString, double>> lowestScore(const ResultRow &row) const;
    // The first rows that failed as a whole or have a metric error, and how many there were in all.
    const QList<ResultRow> &errors() const { return m_errors; }
    qint64 errorCount() const { return m_errorCount; }

private:
    struct Ranked
    {
        double lowest;
        qint64 index;
        ResultRow row;
    };

    QStringList m_metrics;
    int m_keep;
    QHash<QString, QList<qint64>> m_bins;
    QMap<QPair<int, int>, qint64> m_cells;
    qint64 m_scatterCount = 0;
    QList<Ranked> m_lowest; // sorted, at most m_keep
    QList<ResultRow> m_errors;
    qint64 m_errorCount = 0;
};
