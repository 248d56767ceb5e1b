#pragma once

#include "core/statistics/interval.h"

#include <QList>
#include <QPair>
#include <QPointF>
#include <QString>

#include <optional>

// Charts as self-contained SVG text, with no Qt Gui, so the CLI can put them in reports. Each chart
// has a fixed viewBox (it scales to any width), a <title> for screen readers, tick labels, and
// <title> tooltips on its marks. The same input always gives the same bytes.
class SvgChart
{
public:
    // Distribution of `values` in `bins` equal bins over minimum…maximum; values outside the range
    // fall into the first or last bin. Non-finite values are left out.
    static QString histogram(const QString &title, const QList<double> &values, int bins = 10, double minimum = 0.0,
                             double maximum = 1.0);
    // The same chart from counts already binned (see binCounts), for callers that stream their values.
    static QString histogramOfCounts(const QString &title, const QList<qint64> &counts, double minimum = 0.0,
                                     double maximum = 1.0);
    static QList<qint64> binCounts(const QList<double> &values, int bins, double minimum, double maximum);
    // The bin of one value, clamped into 0…bins − 1 (0 for a value that is not finite).
    static int binOf(double value, int bins, double minimum, double maximum);

    // Points on 0…1 × 0…1. `weights`, when given, holds how many items share each point and grows its
    // dot, so a thousand identical scores do not look like one.
    static QString scatter(const QString &title, const QString &xLabel, const QString &yLabel,
                           const QList<QPointF> &points, const QList<qint64> &weights = {});

    // Horizontal bars of values 0…1, one per label, each with an optional threshold marker and an
    // optional 95 % interval drawn as an error bar (both lists run parallel to the values and may be
    // empty).
    static QString bars(const QString &title, const QList<QPair<QString, double>> &values,
                        const QList<std::optional<double>> &thresholds = {}, const QList<Interval> &intervals = {});

    // Values 0…1 over labelled steps in order, e.g. the mean of each run over time.
    static QString line(const QString &title, const QList<QPair<QString, double>> &points);
};
