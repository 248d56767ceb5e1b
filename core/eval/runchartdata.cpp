#include "core/eval/runchartdata.h"

#include "core/eval/metricstatistics.h"
#include "core/eval/runtable.h"
#include "core/statistics/meanestimate.h"

#include <QtGlobal>

#include <cmath>

RunChartData RunChartData::of(const RunTable &table)
{
    RunChartData data;
    const std::size_t rows = table.rows.size();
    data.metrics.resize(std::size_t(table.metrics.size()));
    for (std::size_t column = 0; column < data.metrics.size(); ++column) {
        Metric &metric = data.metrics[column];
        const double threshold = table.run.settings.threshold(table.metrics[qsizetype(column)]);
        for (const float value : table.scores[column]) {
            if (std::isnan(value))
                continue;
            ++metric.histogram[std::size_t(qBound(0, int(value * bins), bins - 1))];
            ++metric.counted;
            metric.passed += MetricStatistics::passes(value, threshold);
        }
        metric.passInterval = MeanEstimate::wilson(metric.passed, metric.counted);
    }

    data.scatterX = Metrics::faithfulness;
    data.scatterY = Metrics::relevance;
    if (table.metricColumn(data.scatterX) < 0 || table.metricColumn(data.scatterY) < 0) {
        data.scatterX = table.metrics.value(0);
        data.scatterY = table.metrics.value(1);
    }
    const int xColumn = table.metricColumn(data.scatterX);
    const int yColumn = table.metricColumn(data.scatterY);
    if (xColumn < 0 || yColumn < 0 || xColumn == yColumn)
        return data;
    const std::vector<float> &xs = table.scores[std::size_t(xColumn)];
    const std::vector<float> &ys = table.scores[std::size_t(yColumn)];
    for (std::size_t row = 0; row < rows; ++row)
        data.scatterValid += !std::isnan(xs[row]) && !std::isnan(ys[row]);
    const qint64 step = qMax<qint64>(1, (data.scatterValid + qint64(scatterLimit) - 1) / qint64(scatterLimit));
    qint64 seen = 0;
    for (std::size_t row = 0; row < rows; ++row) {
        if (std::isnan(xs[row]) || std::isnan(ys[row]) || seen++ % step != 0)
            continue;
        data.scatter.emplace_back(QPointF(xs[row], ys[row]), table.rows[row].index);
    }
    return data;
}
