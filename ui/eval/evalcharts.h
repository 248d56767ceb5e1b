#pragma once

#include "core/eval/runtable.h"
#include "core/eval/runtrend.h"
#include "core/statistics/interval.h"

#include <QPointF>
#include <QWidget>

#include <vector>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QValueAxis;

// The run page's charts: a histogram of the chosen metric, faithfulness × relevance (a click opens
// the item), pass rate per metric against its threshold, and the trend of run means across runs of
// the same dataset.
class EvalCharts : public QWidget
{
    Q_OBJECT

public:
    explicit EvalCharts(QWidget *parent = nullptr);

    void setTable(const RunTable &table);
    // Until a big run has loaded whole: the run's charts say so rather than show the last run's.
    void showLoading(qint64 items);
    // Oldest first: each metric's mean as a line, its 95 % interval as a band around it.
    void setTrend(const QList<TrendPoint> &runs);
    qsizetype scatterPointCount() const { return qsizetype(m_scatterItems.size()); }

signals:
    void itemActivated(qint64 itemIndex);

private:
    void showHistogram();
    void showScatter();
    void showPassRates();
    void addErrorBars(QChart *chart, QValueAxis *axisX, const QList<Interval> &intervals);
    void replace(QChartView *view, QChart *chart);
    void scatterClicked(const QPointF &point);

    const RunTable *m_table = nullptr;
    QComboBox *m_histogramMetric;
    QChartView *m_histogram;
    QChartView *m_scatter;
    QChartView *m_passRates;
    QChartView *m_trend;
    QLabel *m_scatterNote;
    std::vector<std::pair<QPointF, qint64>> m_scatterItems;
    bool m_dark = false;
};
