#include "core/eval/svgchart.h"

#include "core/eval/svgcanvas.h"

#include <algorithm>
#include <cmath>

namespace {

const QString barColour = QStringLiteral("#4c78a8");
const QString markColour = QStringLiteral("#d62728");
const QString gridColour = QStringLiteral("#e3e3e3");
const QString axisColour = QStringLiteral("#555555");

// The rectangle inside the axes; fractions 0…1 map onto it, y growing upwards.
struct Plot
{
    double left, top, width, height;

    double x(double fraction) const { return left + bounded(fraction) * width; }
    double y(double fraction) const { return top + height - bounded(fraction) * height; }
    static double bounded(double fraction) { return std::isfinite(fraction) ? std::clamp(fraction, 0.0, 1.0) : 0.0; }
    double bottom() const { return top + height; }
};

struct Tick
{
    double fraction;
    QString label;
};

QString score(double value)
{
    return QString::number(value, 'g', 3);
}

QList<Tick> scoreTicks(double step)
{
    QList<Tick> ticks;
    const int count = int(std::lround(1.0 / step));
    for (int i = 0; i <= count; ++i)
        ticks.append({i * step, score(i * step)});
    return ticks;
}

// Round steps of 1, 2 or 5 × 10^k so that at most six ticks cover `maximum`; returns the axis top.
qint64 countTicks(qint64 maximum, QList<Tick> &ticks)
{
    qint64 step = 1;
    for (qint64 magnitude = 1; step * 5 < maximum; magnitude *= 10) {
        for (qint64 factor : {1, 2, 5}) {
            step = factor * magnitude;
            if (step * 5 >= maximum)
                break;
        }
    }
    const qint64 top = std::max<qint64>(1, (maximum + step - 1) / step * step);
    for (qint64 value = 0; value <= top; value += step)
        ticks.append({double(value) / double(top), QString::number(value)});
    return top;
}

void verticalAxis(SvgCanvas &canvas, const Plot &plot, const QList<Tick> &ticks, const QString &label)
{
    for (const Tick &tick : ticks) {
        canvas.line(plot.left, plot.y(tick.fraction), plot.left + plot.width, plot.y(tick.fraction), gridColour);
        canvas.text(plot.left - 6, plot.y(tick.fraction) + 4, tick.label, SvgCanvas::Anchor::End);
    }
    canvas.line(plot.left, plot.top, plot.left, plot.bottom(), axisColour);
    if (!label.isEmpty())
        canvas.text(18, plot.top + plot.height / 2, label, SvgCanvas::Anchor::Middle, 13, -90);
}

void horizontalAxis(SvgCanvas &canvas, const Plot &plot, const QList<Tick> &ticks, const QString &label)
{
    canvas.line(plot.left, plot.bottom(), plot.left + plot.width, plot.bottom(), axisColour);
    for (const Tick &tick : ticks) {
        canvas.line(plot.x(tick.fraction), plot.bottom(), plot.x(tick.fraction), plot.bottom() + 5, axisColour);
        canvas.text(plot.x(tick.fraction), plot.bottom() + 18, tick.label, SvgCanvas::Anchor::Middle);
    }
    if (!label.isEmpty())
        canvas.text(plot.left + plot.width / 2, plot.bottom() + 40, label, SvgCanvas::Anchor::Middle, 13);
}

void emptyNote(SvgCanvas &canvas, const Plot &plot, const QString &note)
{
    canvas.text(plot.left + plot.width / 2, plot.top + plot.height / 2, note, SvgCanvas::Anchor::Middle, 14);
}

} // namespace

int SvgChart::binOf(double value, int bins, double minimum, double maximum)
{
    if (bins < 1 || !(maximum > minimum) || !std::isfinite(value))
        return 0;
    const double position = (value - minimum) / (maximum - minimum) * bins;
    return int(std::clamp(std::floor(position), 0.0, double(bins - 1)));
}

QList<qint64> SvgChart::binCounts(const QList<double> &values, int bins, double minimum, double maximum)
{
    QList<qint64> counts(std::max(bins, 1), 0);
    if (!(maximum > minimum))
        return counts;
    for (double value : values)
        if (std::isfinite(value))
            ++counts[binOf(value, int(counts.size()), minimum, maximum)];
    return counts;
}

QString SvgChart::histogram(const QString &title, const QList<double> &values, int bins, double minimum, double maximum)
{
    return histogramOfCounts(title, binCounts(values, bins, minimum, maximum), minimum, maximum);
}

QString SvgChart::histogramOfCounts(const QString &title, const QList<qint64> &counts, double minimum, double maximum)
{
    SvgCanvas canvas(640, 360, title);
    const Plot plot{64, 48, 552, 248};
    const qint64 largest = counts.isEmpty() ? 0 : *std::max_element(counts.cbegin(), counts.cend());
    QList<Tick> yTicks;
    const qint64 top = countTicks(largest, yTicks);
    verticalAxis(canvas, plot, yTicks, QStringLiteral("items"));

    const qsizetype bins = std::max<qsizetype>(counts.size(), 1);
    const double binWidth = plot.width / double(bins);
    const double span = (maximum - minimum) / double(bins);
    for (qsizetype i = 0; i < counts.size(); ++i) {
        if (counts[i] == 0)
            continue;
        const double x = plot.left + double(i) * binWidth;
        const double y = plot.y(double(counts[i]) / double(top));
        canvas.rect(x + 1, y, binWidth - 2, plot.bottom() - y, barColour,
                    QStringLiteral("%1 to %2: %3 items")
                        .arg(score(minimum + double(i) * span), score(minimum + double(i + 1) * span),
                             QString::number(counts[i])));
        canvas.text(x + binWidth / 2, y - 4, QString::number(counts[i]), SvgCanvas::Anchor::Middle, 11);
    }
    QList<Tick> xTicks;
    const qsizetype every = (bins + 9) / 10;
    for (qsizetype i = 0; i <= bins; i += every)
        xTicks.append({double(i) / double(bins), score(minimum + double(i) * span)});
    horizontalAxis(canvas, plot, xTicks, QStringLiteral("score"));
    if (largest == 0)
        emptyNote(canvas, plot, QStringLiteral("no values"));
    return canvas.finish();
}

QString SvgChart::scatter(const QString &title, const QString &xLabel, const QString &yLabel,
                          const QList<QPointF> &points, const QList<qint64> &weights)
{
    SvgCanvas canvas(640, 420, title);
    const Plot plot{64, 48, 544, 308};
    verticalAxis(canvas, plot, scoreTicks(0.2), yLabel);
    horizontalAxis(canvas, plot, scoreTicks(0.2), xLabel);
    for (qsizetype i = 0; i < points.size(); ++i) {
        const QPointF &point = points[i];
        const qint64 weight = i < weights.size() ? std::max<qint64>(weights[i], 1) : 1;
        const double radius = std::min(4.0 + 1.5 * (std::sqrt(double(weight)) - 1), 14.0);
        QString tooltip = QStringLiteral("%1 %2, %3 %4").arg(xLabel, score(point.x()), yLabel, score(point.y()));
        if (weight > 1)
            tooltip += QStringLiteral(" (%1 items)").arg(weight);
        canvas.circle(plot.x(point.x()), plot.y(point.y()), radius, barColour, tooltip);
    }
    if (points.isEmpty())
        emptyNote(canvas, plot, QStringLiteral("no items with both scores"));
    return canvas.finish();
}

QString SvgChart::bars(const QString &title, const QList<QPair<QString, double>> &values,
                       const QList<std::optional<double>> &thresholds, const QList<Interval> &intervals)
{
    constexpr double rowHeight = 30;
    const double height = 48 + rowHeight * double(std::max<qsizetype>(values.size(), 1)) + 56;
    SvgCanvas canvas(640, height, title);
    const Plot plot{216, 48, 360, height - 48 - 56};
    const QList<Tick> ticks = scoreTicks(0.25);
    for (const Tick &tick : ticks)
        canvas.line(plot.x(tick.fraction), plot.top, plot.x(tick.fraction), plot.bottom(), gridColour);
    horizontalAxis(canvas, plot, ticks, {});

    bool anyThreshold = false;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const auto &[label, value] = values[i];
        const double rowTop = plot.top + double(i) * rowHeight;
        canvas.text(plot.left - 8, rowTop + 19, SvgCanvas::elide(label, 26), SvgCanvas::Anchor::End, 12, 0, label);
        canvas.rect(plot.left, rowTop + 6, plot.x(value) - plot.left, rowHeight - 12, barColour,
                    QStringLiteral("%1: %2").arg(label, score(value)));
        double labelAt = value;
        if (i < intervals.size() && intervals[i].isKnown()) {
            const double middle = rowTop + rowHeight / 2;
            const double low = plot.x(std::clamp(intervals[i].low, 0.0, 1.0));
            const double high = plot.x(std::clamp(intervals[i].high, 0.0, 1.0));
            canvas.line(low, middle, high, middle, axisColour, 1.5);
            canvas.line(low, middle - 5, low, middle + 5, axisColour, 1.5);
            canvas.line(high, middle - 5, high, middle + 5, axisColour, 1.5);
            labelAt = std::max(value, intervals[i].high); // the figure stands clear of the error bar
        }
        canvas.text(plot.x(std::min(1.0, labelAt)) + 6, rowTop + 19, QString::number(value, 'f', 2),
                    SvgCanvas::Anchor::Start, 11);
        if (i < thresholds.size() && thresholds[i]) {
            anyThreshold = true;
            const double x = plot.x(*thresholds[i]);
            canvas.line(x, rowTop + 2, x, rowTop + rowHeight - 2, markColour, 2, true);
        }
    }
    canvas.line(plot.left, plot.top, plot.left, plot.bottom(), axisColour);
    if (anyThreshold) {
        canvas.line(plot.left, height - 14, plot.left + 16, height - 14, markColour, 2, true);
        canvas.text(plot.left + 22, height - 10, QStringLiteral("threshold"), SvgCanvas::Anchor::Start, 11);
    }
    if (values.isEmpty())
        emptyNote(canvas, plot, QStringLiteral("no values"));
    return canvas.finish();
}

QString SvgChart::line(const QString &title, const QList<QPair<QString, double>> &points)
{
    SvgCanvas canvas(640, 360, title);
    const Plot plot{64, 48, 528, 248};
    verticalAxis(canvas, plot, scoreTicks(0.2), QStringLiteral("mean"));
    const auto xOf = [&](qsizetype i) {
        return points.size() == 1 ? plot.left + plot.width / 2
                                  : plot.left + plot.width * double(i) / double(points.size() - 1);
    };
    QList<Tick> xTicks;
    const qsizetype every = (points.size() + 7) / 8;
    for (qsizetype i = 0; i < points.size(); i += every)
        xTicks.append({(xOf(i) - plot.left) / plot.width, SvgCanvas::elide(points[i].first, 16)});
    horizontalAxis(canvas, plot, xTicks, {});

    QList<QPointF> path;
    for (qsizetype i = 0; i < points.size(); ++i)
        path.append(QPointF(xOf(i), plot.y(points[i].second)));
    if (path.size() > 1)
        canvas.polyline(path, barColour);
    for (qsizetype i = 0; i < points.size(); ++i)
        canvas.circle(path[i].x(), path[i].y(), 4, barColour,
                      QStringLiteral("%1: %2").arg(points[i].first, score(points[i].second)));
    if (points.isEmpty())
        emptyNote(canvas, plot, QStringLiteral("no runs yet"));
    return canvas.finish();
}
