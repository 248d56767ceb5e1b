#pragma once

#include "core/statistics/interval.h"

#include <QList>
#include <QPointF>
#include <QString>

#include <array>
#include <vector>

struct RunTable;

// The figures behind a run page's charts, counted in one pass over the scores on the workspace
// thread: a ten-bin histogram and the pass rate of each metric, and the scatter of two metrics
// thinned to what a chart can show.
struct RunChartData
{
    static constexpr int bins = 10;
    static constexpr std::size_t scatterLimit = 2000; // Qt Charts does per-point work (8 µs each) when points change

    struct Metric
    {
        std::array<qint64, bins> histogram{};
        qint64 counted = 0;
        qint64 passed = 0;
        Interval passInterval; // Wilson's 95 % interval
    };
    std::vector<Metric> metrics; // as RunTable::metrics
    QString scatterX; // faithfulness × relevance when the run has both, else its first two metrics
    QString scatterY;
    std::vector<std::pair<QPointF, qint64>> scatter; // the points shown, each with its item
    qint64 scatterValid = 0; // items with both values, of which `scatter` is every n-th

    static RunChartData of(const RunTable &table);
};
