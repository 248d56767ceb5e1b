#pragma once

#include <QList>
#include <QPointF>
#include <QString>
#include <QXmlStreamWriter>

// The few SVG shapes the charts draw, written with QXmlStreamWriter so every text is escaped and the
// document is well-formed whatever labels users chose. Numbers are rounded to tenths, which keeps
// the output byte-for-byte deterministic.
class SvgCanvas
{
public:
    enum class Anchor { Start, Middle, End };

    SvgCanvas(double width, double height, const QString &title);
    SvgCanvas(const SvgCanvas &) = delete;
    SvgCanvas &operator=(const SvgCanvas &) = delete;

    void rect(double x, double y, double width, double height, const QString &fill, const QString &tooltip = {});
    void line(double x1, double y1, double x2, double y2, const QString &stroke, double strokeWidth = 1,
              bool dashed = false);
    void circle(double x, double y, double radius, const QString &fill, const QString &tooltip = {});
    void polyline(const QList<QPointF> &points, const QString &stroke);
    void text(double x, double y, const QString &text, Anchor anchor = Anchor::Start, int size = 12,
              double rotation = 0, const QString &tooltip = {});

    // Closes the document and returns it; the canvas is spent afterwards.
    QString finish();

    static QString number(double value);
    // `text` cut to `length` characters with an ellipsis, for labels that must fit their slot.
    static QString elide(const QString &text, int length);
    // Drops characters XML 1.0 cannot carry (control characters, lone surrogates).
    static QString xmlSafe(const QString &text);

private:
    void tooltipAndEnd(const QString &tooltip);

    QString m_svg;
    QXmlStreamWriter m_writer;
};
