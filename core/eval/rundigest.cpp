#include "core/eval/rundigest.h"

#include "core/eval/svgchart.h"

#include <algorithm>
#include <cmath>

RunDigest::RunDigest(const QStringList &metrics, int keep) : m_metrics(metrics), m_keep(std::max(keep, 0))
{
    for (const QString &metric : metrics)
        m_bins.insert(metric, QList<qint64>(histogramBins, 0));
}

void RunDigest::add(ResultRow row)
{
    if (!row.result)
        return;
    const ItemResult &result = *row.result;
    for (const QString &metric : m_metrics) {
        const MetricScore *score = result.score(metric);
        if (score && score->value && std::isfinite(*score->value))
            ++m_bins[metric][SvgChart::binOf(*score->value, histogramBins, 0.0, 1.0)];
    }
    const MetricScore *faithfulness = result.score(Metrics::faithfulness);
    const MetricScore *relevance = result.score(Metrics::relevance);
    if (faithfulness && faithfulness->value && relevance && relevance->value) {
        ++m_cells[{int(std::lround(*faithfulness->value * 100)), int(std::lround(*relevance->value * 100))}];
        ++m_scatterCount;
    }

    // Contexts and extra fields are not shown in the report's tables and may be large.
    row.item.contexts.clear();
    row.item.extra = {};
    const bool hasError = !result.ok
        || std::any_of(result.scores.cbegin(), result.scores.cend(),
                       [](const MetricScore &score) { return !score.error.isEmpty(); });
    if (hasError && m_errorCount++ < m_keep)
        m_errors.append(row);

    const auto lowest = lowestScore(row);
    if (!lowest || m_keep == 0)
        return;
    if (m_lowest.size() == m_keep && lowest->second >= m_lowest.last().lowest)
        return;
    const Ranked ranked{lowest->second, row.item.index, std::move(row)};
    const auto place = std::upper_bound(m_lowest.begin(), m_lowest.end(), ranked, [](const Ranked &a, const Ranked &b) {
        return a.lowest < b.lowest || (a.lowest == b.lowest && a.index < b.index);
    });
    m_lowest.insert(place, ranked);
    if (m_lowest.size() > m_keep)
        m_lowest.removeLast();
}

QList<QPointF> RunDigest::scatterPoints() const
{
    QList<QPointF> points;
    points.reserve(m_cells.size());
    for (auto it = m_cells.cbegin(); it != m_cells.cend(); ++it)
        points.append(QPointF(it.key().first / 100.0, it.key().second / 100.0));
    return points;
}

QList<ResultRow> RunDigest::lowest() const
{
    QList<ResultRow> rows;
    rows.reserve(m_lowest.size());
    for (const Ranked &ranked : m_lowest)
        rows.append(ranked.row);
    return rows;
}

std::optional<QPair<QString, double>> RunDigest::lowestScore(const ResultRow &row) const
{
    std::optional<QPair<QString, double>> lowest;
    if (!row.result)
        return lowest;
    for (const QString &metric : m_metrics) {
        const MetricScore *score = row.result->score(metric);
        if (score && score->value && (!lowest || *score->value < lowest->second))
            lowest = qMakePair(metric, *score->value);
    }
    return lowest;
}
