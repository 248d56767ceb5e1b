#include "core/eval/svgcanvas.h"

namespace {

QString anchorName(SvgCanvas::Anchor anchor)
{
    switch (anchor) {
    case SvgCanvas::Anchor::Start:
        return QStringLiteral("start");
    case SvgCanvas::Anchor::Middle:
        return QStringLiteral("middle");
    case SvgCanvas::Anchor::End:
        return QStringLiteral("end");
    }
    return QStringLiteral("start");
}

} // namespace

SvgCanvas::SvgCanvas(double width, double height, const QString &title) : m_writer(&m_svg)
{
    m_writer.writeStartElement(QStringLiteral("svg"));
    m_writer.writeDefaultNamespace(QStringLiteral("http://www.w3.org/2000/svg"));
    m_writer.writeAttribute(QStringLiteral("viewBox"), QStringLiteral("0 0 %1 %2").arg(number(width), number(height)));
    m_writer.writeAttribute(QStringLiteral("width"), number(width));
    m_writer.writeAttribute(QStringLiteral("height"), number(height));
    m_writer.writeAttribute(QStringLiteral("role"), QStringLiteral("img"));
    m_writer.writeAttribute(QStringLiteral("font-family"),
                            QStringLiteral("'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif"));
    m_writer.writeTextElement(QStringLiteral("title"), xmlSafe(title));
    rect(0, 0, width, height, QStringLiteral("#ffffff"));
    text(width / 2, 24, title, Anchor::Middle, 16);
}

void SvgCanvas::rect(double x, double y, double width, double height, const QString &fill, const QString &tooltip)
{
    m_writer.writeStartElement(QStringLiteral("rect"));
    m_writer.writeAttribute(QStringLiteral("x"), number(x));
    m_writer.writeAttribute(QStringLiteral("y"), number(y));
    m_writer.writeAttribute(QStringLiteral("width"), number(width));
    m_writer.writeAttribute(QStringLiteral("height"), number(height));
    m_writer.writeAttribute(QStringLiteral("fill"), fill);
    tooltipAndEnd(tooltip);
}

void SvgCanvas::line(double x1, double y1, double x2, double y2, const QString &stroke, double strokeWidth, bool dashed)
{
    m_writer.writeStartElement(QStringLiteral("line"));
    m_writer.writeAttribute(QStringLiteral("x1"), number(x1));
    m_writer.writeAttribute(QStringLiteral("y1"), number(y1));
    m_writer.writeAttribute(QStringLiteral("x2"), number(x2));
    m_writer.writeAttribute(QStringLiteral("y2"), number(y2));
    m_writer.writeAttribute(QStringLiteral("stroke"), stroke);
    m_writer.writeAttribute(QStringLiteral("stroke-width"), number(strokeWidth));
    if (dashed)
        m_writer.writeAttribute(QStringLiteral("stroke-dasharray"), QStringLiteral("4 3"));
    m_writer.writeEndElement();
}

void SvgCanvas::circle(double x, double y, double radius, const QString &fill, const QString &tooltip)
{
    m_writer.writeStartElement(QStringLiteral("circle"));
    m_writer.writeAttribute(QStringLiteral("cx"), number(x));
    m_writer.writeAttribute(QStringLiteral("cy"), number(y));
    m_writer.writeAttribute(QStringLiteral("r"), number(radius));
    m_writer.writeAttribute(QStringLiteral("fill"), fill);
    m_writer.writeAttribute(QStringLiteral("fill-opacity"), QStringLiteral("0.6"));
    tooltipAndEnd(tooltip);
}

void SvgCanvas::polyline(const QList<QPointF> &points, const QString &stroke)
{
    QStringList coordinates;
    for (const QPointF &point : points)
        coordinates << number(point.x()) + QLatin1Char(',') + number(point.y());
    m_writer.writeStartElement(QStringLiteral("polyline"));
    m_writer.writeAttribute(QStringLiteral("points"), coordinates.join(QLatin1Char(' ')));
    m_writer.writeAttribute(QStringLiteral("fill"), QStringLiteral("none"));
    m_writer.writeAttribute(QStringLiteral("stroke"), stroke);
    m_writer.writeAttribute(QStringLiteral("stroke-width"), QStringLiteral("2"));
    m_writer.writeEndElement();
}

void SvgCanvas::text(double x, double y, const QString &text, Anchor anchor, int size, double rotation,
                     const QString &tooltip)
{
    // A <title> inside <text> would be drawn as part of the text by some renderers; a group keeps it apart.
    if (!tooltip.isEmpty()) {
        m_writer.writeStartElement(QStringLiteral("g"));
        m_writer.writeTextElement(QStringLiteral("title"), xmlSafe(tooltip));
    }
    m_writer.writeStartElement(QStringLiteral("text"));
    m_writer.writeAttribute(QStringLiteral("x"), number(x));
    m_writer.writeAttribute(QStringLiteral("y"), number(y));
    m_writer.writeAttribute(QStringLiteral("font-size"), QString::number(size));
    m_writer.writeAttribute(QStringLiteral("fill"), QStringLiteral("#222222"));
    if (anchor != Anchor::Start)
        m_writer.writeAttribute(QStringLiteral("text-anchor"), anchorName(anchor));
    if (rotation != 0) {
        m_writer.writeAttribute(QStringLiteral("transform"),
                                QStringLiteral("rotate(%1 %2 %3)").arg(number(rotation), number(x), number(y)));
    }
    m_writer.writeCharacters(xmlSafe(text));
    m_writer.writeEndElement();
    if (!tooltip.isEmpty())
        m_writer.writeEndElement();
}

QString SvgCanvas::finish()
{
    m_writer.writeEndElement();
    m_writer.writeEndDocument();
    return m_svg;
}

QString SvgCanvas::number(double value)
{
    // Tenths are finer than any screen needs; whole numbers drop the ".0" and rounding to an integer
    // count first keeps "-0.0" out of the output.
    const qint64 tenths = qRound64(value * 10);
    if (tenths % 10 == 0)
        return QString::number(tenths / 10);
    return QString::number(double(tenths) / 10.0, 'f', 1);
}

QString SvgCanvas::elide(const QString &text, int length)
{
    if (text.size() <= length)
        return text;
    return text.left(length - 1) + QChar(0x2026);
}

QString SvgCanvas::xmlSafe(const QString &text)
{
    QString safe;
    safe.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar character = text.at(i);
        if (character.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            safe += character;
            safe += text.at(++i);
        } else if (character.isSurrogate() || character.unicode() == 0xFFFE || character.unicode() == 0xFFFF
                   || (character.unicode() < 0x20 && character != u'\t' && character != u'\n' && character != u'\r')) {
            continue;
        } else {
            safe += character;
        }
    }
    return safe;
}

void SvgCanvas::tooltipAndEnd(const QString &tooltip)
{
    if (!tooltip.isEmpty())
        m_writer.writeTextElement(QStringLiteral("title"), xmlSafe(tooltip));
    m_writer.writeEndElement();
}
