#include "ui/eval/evalcharts.h"

#include "core/statistics/meanestimate.h"
#include "ui/theme.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QGridLayout>
#include <QHorizontalBarSeries>
#include <QImage>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPainter>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtMath>

#include <array>
#include <cmath>

namespace {

// A filled circle `size` pixels across, for QXYSeries::setLightMarker.
QImage marker(const QColor &color, qreal size)
{
    const int side = qCeil(size);
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(0, 0, size, size));
    return image;
}

constexpr int bins = RunChartData::bins;

QChart *newChart(const QString &title, bool dark)
{
    auto *chart = new QChart;
    // Axis numbers in the user's locale (0,5 in German), as the tables show them.
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true);
    chart->setTitle(title);
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setVisible(false);
    return chart;
}

// 0 to 1 in steps of 0.2. `headroom` extends the range past 1 (and below 0 when `symmetric`)
// without adding ticks there: points on the edge stay whole, bar labels outside a full bar fit.
QValueAxis *unitAxis(const QString &title, double headroom = 0.0, bool symmetric = false)
{
    auto *axis = new QValueAxis;
    axis->setRange(symmetric ? -headroom : 0.0, 1.0 + headroom);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0.0);
    axis->setTickInterval(0.2);
    axis->setLabelFormat(QStringLiteral("%.1f"));
    axis->setTitleText(title);
    return axis;
}

} // namespace

EvalCharts::EvalCharts(QWidget *parent) : QWidget(parent)
{
    m_dark = Theme::isDark();
    m_histogramMetric = new QComboBox(this);
    m_histogram = new QChartView(this);
    m_scatter = new QChartView(this);
    m_passRates = new QChartView(this);
    m_trend = new QChartView(this);
    for (QChartView *view : {m_histogram, m_scatter, m_passRates, m_trend}) {
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(200, 190);
    }
    m_scatterNote = new QLabel(this);
    m_scatterNote->setEnabled(false);
    connect(m_histogramMetric, &QComboBox::currentIndexChanged, this, &EvalCharts::showHistogram);

    auto *histogramBox = new QVBoxLayout;
    histogramBox->addWidget(m_histogramMetric);
    histogramBox->addWidget(m_histogram, 1);
    auto *scatterBox = new QVBoxLayout;
    scatterBox->addWidget(m_scatter, 1);
    scatterBox->addWidget(m_scatterNote);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(histogramBox, 0, 0);
    layout->addLayout(scatterBox, 0, 1);
    layout->addWidget(m_passRates, 0, 2);
    layout->addWidget(m_trend, 0, 3);
    for (int column = 0; column < 4; ++column)
        layout->setColumnStretch(column, 1);
}

void EvalCharts::replace(QChartView *view, QChart *chart)
{
    QChart *previous = view->chart();
    view->setChart(chart);
    delete previous;
}

void EvalCharts::setTable(const RunTable &table)
{
    m_table = &table;
    const QString current = m_histogramMetric->currentText();
    {
        const QSignalBlocker blocker(m_histogramMetric);
        m_histogramMetric->clear();
        m_histogramMetric->addItems(table.metrics);
        const int keep = m_histogramMetric->findText(current);
        m_histogramMetric->setCurrentIndex(keep >= 0 ? keep : 0);
    }
    showHistogram();
    showScatter();
    showPassRates();
}

void EvalCharts::showLoading(qint64 items)
{
    m_table = nullptr;
    m_scatterItems.clear();
    m_scatterNote->clear();
    for (QChartView *view : {m_histogram, m_scatter, m_passRates})
        replace(view, newChart(tr("Loading %n items…", nullptr, int(items)), m_dark));
}

void EvalCharts::showHistogram()
{
    if (!m_table)
        return;
    const QString metric = m_histogramMetric->currentText();
    const int column = m_table->metricColumn(metric);
    std::array<qint64, bins> counts{};
    if (column >= 0 && std::size_t(column) < m_table->charts.metrics.size())
        counts = m_table->charts.metrics[std::size_t(column)].histogram;
    auto *chart = newChart(tr("Distribution of %1").arg(metric), m_dark);
    auto *set = new QBarSet(metric);
    QStringList categories;
    for (int bin = 0; bin < bins; ++bin) {
        *set << double(counts[std::size_t(bin)]);
        // ".3" rather than "0.3" (",3" in German): ten labels must fit under a quarter of the page.
        categories << (bin == 0 ? QStringLiteral("0") : QLocale().toString(double(bin) / bins, 'f', 1).mid(1));
    }
    auto *series = new QBarSeries;
    series->setBarWidth(0.95);
    series->append(set);
    chart->addSeries(series);
    auto *axisX = new QBarCategoryAxis;
    axisX->append(categories);
    axisX->setTitleText(tr("score (bin start)"));
    QFont small = axisX->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.75);
    axisX->setLabelsFont(small);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto *axisY = new QValueAxis;
    axisY->setLabelFormat(QStringLiteral("%d"));
    axisY->setTitleText(tr("items"));
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    axisY->applyNiceNumbers();
    replace(m_histogram, chart);
}

void EvalCharts::showScatter()
{
    const RunChartData &figures = m_table->charts;
    m_scatterItems = figures.scatter;
    const QString &xMetric = figures.scatterX;
    const QString &yMetric = figures.scatterY;
    auto *chart = newChart(tr("%1 × %2").arg(xMetric, yMetric), m_dark);
    auto *series = new QScatterSeries;
    series->setMarkerSize(7);
    chart->addSeries(series);
    // Translucent, so where many items share a score (often 1.0 and 1.0) the point shows darker.
    QColor fill = series->color(); // the chart's theme chose it
    fill.setAlpha(m_dark ? 170 : 110);
    series->setColor(fill);
    series->setBorderColor(Qt::transparent);
    // A light marker is painted at each point; without one Qt Charts makes a graphics item per
    // point, which took 70 ms for 5,000 points on the UI thread. Set before the points are.
    series->setLightMarker(marker(fill, series->markerSize()));
    if (m_table->metricColumn(xMetric) >= 0 && m_table->metricColumn(yMetric) >= 0) {
        QList<QPointF> points;
        points.reserve(qsizetype(figures.scatter.size()));
        for (const auto &[point, item] : figures.scatter)
            points << point;
        series->replace(points);
        m_scatterNote->setText(
            qint64(points.size()) < figures.scatterValid
                ? tr("%1 of %2 items shown; click a point to open it.").arg(points.size()).arg(figures.scatterValid)
                : tr("Click a point to open the item."));
    } else {
        m_scatterNote->setText(tr("Needs two metrics."));
    }
    auto *axisX = unitAxis(xMetric, 0.04, true);
    auto *axisY = unitAxis(yMetric, 0.04, true);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisX);
    series->attachAxis(axisY);
    connect(series, &QScatterSeries::clicked, this, &EvalCharts::scatterClicked);
    replace(m_scatter, chart);
}

void EvalCharts::scatterClicked(const QPointF &point)
{
    qint64 nearest = -1;
    double best = 1e9;
    for (const auto &[position, item] : m_scatterItems) {
        const double distance = std::hypot(position.x() - point.x(), position.y() - point.y());
        if (distance < best) {
            best = distance;
            nearest = item;
        }
    }
    if (nearest >= 0)
        emit itemActivated(nearest);
}

void EvalCharts::showPassRates()
{
    auto *chart = newChart(tr("Pass rate against thresholds (95% CI)"), m_dark);
    auto *set = new QBarSet(tr("pass rate"));
    QStringList categories;
    QList<Interval> intervals;
    const QLocale locale;
    // A guarded run's items the guardrail let through, under the metrics: the intervention rate's
    // other side, beside the quality it bought.
    if (m_table->run.settings.isGuarded()) {
        qint64 checked = 0, intervened = 0;
        for (const RunRow &row : m_table->rows) {
            checked += row.hasResult ? 1 : 0;
            intervened += row.guardrailIntervened ? 1 : 0;
        }
        const double share = checked ? double(checked - intervened) / double(checked) : 0.0;
        *set << share;
        intervals << MeanEstimate::wilson(checked - intervened, checked);
        categories
            << tr("guardrail let through<br>%1 (%2 intervened)").arg(locale.toString(share, 'f', 2)).arg(intervened);
    }
    // A lying bar chart stacks its categories upwards: last first, so they read top-down as the
    // table's columns do.
    for (int column = int(m_table->metrics.size()) - 1; column >= 0; --column) {
        const QString &metric = m_table->metrics[column];
        const double threshold = m_table->run.settings.threshold(metric);
        const RunChartData::Metric &figures = m_table->charts.metrics[std::size_t(column)];
        const double share = figures.counted ? double(figures.passed) / double(figures.counted) : 0.0;
        *set << share;
        intervals << figures.passInterval;
        // Labels are rich text. The share and its interval stand beside the name, where the error
        // bar cannot cover them.
        categories << (intervals.last().isKnown()
                           ? QStringLiteral("%1 ≥ %2<br>%3 (%4–%5)")
                                 .arg(metric, locale.toString(threshold), locale.toString(share, 'f', 2),
                                      locale.toString(intervals.last().low, 'f', 2),
                                      locale.toString(intervals.last().high, 'f', 2))
                           : QStringLiteral("%1 ≥ %2").arg(metric, locale.toString(threshold)));
    }
    // Lying bars: the metrics' names read in full beside them.
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    chart->addSeries(series);
    auto *axisY = new QBarCategoryAxis;
    axisY->append(categories);
    QFont small = axisY->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    axisY->setLabelsFont(small);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    auto *axisX = unitAxis(tr("share of items"), 0.04);
    // Six labels run together in a quarter of a small window; three, with lines between, do not.
    axisX->setTickInterval(0.5);
    axisX->setMinorTickCount(4);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    addErrorBars(chart, axisX, intervals);
    replace(m_passRates, chart);
}

void EvalCharts::addErrorBars(QChart *chart, QValueAxis *axisX, const QList<Interval> &intervals)
{
    // Bar i of a category axis sits at i on a value axis from −0.5 to n − 0.5; a hidden one of those
    // places each Wilson interval across its bar as |—|.
    auto *rows = new QValueAxis;
    rows->setRange(-0.5, double(intervals.size()) - 0.5);
    rows->setVisible(false);
    chart->addAxis(rows, Qt::AlignRight);
    const QColor colour = Theme::color(Theme::Role::Ink, m_dark);
    for (qsizetype i = 0; i < intervals.size(); ++i) {
        if (!intervals[i].isKnown())
            continue;
        auto *bar = new QLineSeries;
        const double y = double(i);
        constexpr double cap = 0.12;
        *bar << QPointF(intervals[i].low, y - cap) << QPointF(intervals[i].low, y + cap) << QPointF(intervals[i].low, y)
             << QPointF(intervals[i].high, y) << QPointF(intervals[i].high, y + cap)
             << QPointF(intervals[i].high, y - cap);
        bar->setPen(QPen(colour, 1.5));
        chart->addSeries(bar);
        bar->attachAxis(axisX);
        bar->attachAxis(rows);
    }
}

void EvalCharts::setTrend(const QList<TrendPoint> &runs)
{
    auto *chart = newChart(tr("Run means over time, 95% CI band (same dataset)"), m_dark);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    struct Lines
    {
        QLineSeries *mean;
        QLineSeries *low;
        QLineSeries *high;
    };
    QMap<QString, Lines> lines;
    for (int position = 0; position < runs.size(); ++position) {
        for (const MetricSummary &metric : runs[position].metrics) {
            if (!lines.contains(metric.metric)) {
                auto *line = new QLineSeries;
                line->setName(metric.metric);
                line->setPointsVisible(true);
                // A QAreaSeries does not own its bounds: the chart does, and deletes them with itself.
                lines.insert(metric.metric, {line, new QLineSeries(chart), new QLineSeries(chart)});
            }
            const Lines &series = lines[metric.metric];
            series.mean->append(position + 1, metric.mean);
            const Interval band = metric.ci95.isKnown() ? metric.ci95 : Interval{metric.mean, metric.mean};
            series.low->append(position + 1, band.low);
            series.high->append(position + 1, band.high);
        }
    }
    auto *axisX = new QValueAxis;
    // One tick per run (up to ten), numbered from 1 as people count runs.
    const int count = int(qMax<qsizetype>(2, runs.size()));
    axisX->setRange(1, count);
    axisX->setTickCount(qMin(count, 10));
    axisX->setLabelFormat(QStringLiteral("%.0f"));
    QFont small = chart->legend()->font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    chart->legend()->setFont(small);
    axisX->setTitleText(tr("run (oldest → newest)"));
    auto *axisY = unitAxis(tr("mean"));
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    for (const Lines &series : std::as_const(lines)) {
        chart->addSeries(series.mean);
        series.mean->attachAxis(axisX);
        series.mean->attachAxis(axisY);
        // The band in the line's own colour, faint, behind nothing that matters; not in the legend.
        auto *band = new QAreaSeries(series.high, series.low);
        QColor fill = series.mean->color();
        fill.setAlpha(55);
        band->setColor(fill);
        band->setBorderColor(Qt::transparent);
        chart->addSeries(band);
        band->attachAxis(axisX);
        band->attachAxis(axisY);
        chart->legend()->markers(band).value(0)->setVisible(false);
    }
    replace(m_trend, chart);
}
