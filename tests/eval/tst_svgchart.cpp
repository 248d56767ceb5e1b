#include "core/eval/svgchart.h"

#include <QHash>
#include <QTest>
#include <QXmlStreamReader>

#include <limits>

using namespace Qt::StringLiterals;

namespace {

// Element counts of a well-formed SVG document, plus the text of its first <title>.
struct Shape
{
    QHash<QString, int> elements;
    QString title;
    QString viewBox;
    int dashedLines = 0;
};

Shape parse(const QString &svg)
{
    Shape shape;
    QXmlStreamReader reader(svg);
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QString name = reader.name().toString();
        ++shape.elements[name];
        if (name == u"svg") {
            shape.viewBox = reader.attributes().value(u"viewBox"_s).toString();
            if (reader.namespaceUri() != u"http://www.w3.org/2000/svg")
                qFatal("svg element without the SVG namespace");
        } else if (name == u"line" && reader.attributes().hasAttribute(u"stroke-dasharray"_s)) {
            ++shape.dashedLines;
        } else if (name == u"title" && shape.title.isEmpty()) {
            shape.title = reader.readElementText();
        }
    }
    if (reader.hasError())
        qFatal("SVG does not parse: %s", qPrintable(reader.errorString()));
    return shape;
}

} // namespace

class TestSvgChart : public QObject
{
    Q_OBJECT

private slots:
    void binsClampAndSkipNonFiniteValues()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const QList<qint64> counts = SvgChart::binCounts({0, 0.05, 0.1, 0.95, 1.0, 1.5, -0.2, nan}, 10, 0, 1);
        QCOMPARE(counts, QList<qint64>({3, 1, 0, 0, 0, 0, 0, 0, 0, 3}));
    }

    void histogramHasOneBarPerFilledBin()
    {
        const QString svg = SvgChart::histogram(u"Scores <faithfulness> & co"_s, {0.1, 0.15, 0.5, 0.95, 1.0});
        const Shape shape = parse(svg);
        QCOMPARE(shape.title, u"Scores <faithfulness> & co"_s);
        QCOMPARE(shape.viewBox, u"0 0 640 360"_s);
        QCOMPARE(shape.elements.value(u"rect"_s), 1 + 3); // background + bins 0.1, 0.5, 0.9
        QVERIFY(svg.contains(u"0.1 to 0.2: 2 items"_s));
        QVERIFY(svg.contains(u"&lt;faithfulness&gt; &amp; co"_s));
    }

    void emptyHistogramStillHasAxes()
    {
        const Shape shape = parse(SvgChart::histogram(u"Nothing"_s, {}));
        QCOMPARE(shape.elements.value(u"rect"_s), 1);
        QVERIFY(shape.elements.value(u"text"_s) > 5);
    }

    void scatterHasOneDotPerPoint()
    {
        const QList<QPointF> points{{0.1, 0.2}, {0.5, 0.5}, {1.0, 0.9}, {0.3, 0.8}};
        const Shape shape = parse(SvgChart::scatter(u"F × R"_s, u"faithfulness"_s, u"relevance"_s, points, {1, 5}));
        QCOMPARE(shape.elements.value(u"circle"_s), 4);
        QCOMPARE(shape.elements.value(u"title"_s), 1 + 4);
    }

    void barsWithThresholdMarkers()
    {
        const QList<QPair<QString, double>> values{
            {u"faithfulness"_s, 0.8}, {u"relevance & <co>"_s, 0.4}, {u"rouge_l"_s, 1.0}};
        const Shape shape = parse(SvgChart::bars(u"Pass rate"_s, values, {0.7, std::nullopt, 0.5}));
        QCOMPARE(shape.elements.value(u"rect"_s), 1 + 3);
        QCOMPARE(shape.dashedLines, 2 + 1); // two markers and the legend's sample
        const Shape unmarked = parse(SvgChart::bars(u"Pass rate"_s, values));
        QCOMPARE(unmarked.dashedLines, 0);
    }

    void lineConnectsItsPoints()
    {
        QList<QPair<QString, double>> points;
        for (int run = 1; run <= 20; ++run)
            points.append({u"run %1"_s.arg(run), run / 20.0});
        const Shape shape = parse(SvgChart::line(u"Trend"_s, points));
        QCOMPARE(shape.elements.value(u"polyline"_s), 1);
        QCOMPARE(shape.elements.value(u"circle"_s), 20);
        const Shape single = parse(SvgChart::line(u"Trend"_s, {{u"only"_s, 0.5}}));
        QCOMPARE(single.elements.value(u"polyline"_s), 0);
        QCOMPARE(single.elements.value(u"circle"_s), 1);
    }

    void outputIsDeterministic()
    {
        const QList<double> values{0.25, 0.5, 0.75};
        QCOMPARE(SvgChart::histogram(u"h"_s, values), SvgChart::histogram(u"h"_s, values));
        QCOMPARE(SvgChart::scatter(u"s"_s, u"x"_s, u"y"_s, {{0.2, 0.4}}),
                 SvgChart::scatter(u"s"_s, u"x"_s, u"y"_s, {{0.2, 0.4}}));
    }

    void controlCharactersDoNotBreakTheDocument()
    {
        parse(SvgChart::bars(u"bell \u0007 and \u0001"_s, {{u"label \u0002"_s, 0.5}}));
    }
};

QTEST_GUILESS_MAIN(TestSvgChart)
#include "tst_svgchart.moc"
