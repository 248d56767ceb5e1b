#include "core/eval/metricstatistics.h"
#include "core/eval/qualitygate.h"
#include "core/eval/runreport.h"

#include <QBuffer>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

template<typename T> std::function<Result<QList<T>>(qint64, int)> pages(QList<T> all, int *calls = nullptr)
{
    return [all, calls](qint64 offset, int limit) -> Result<QList<T>> {
        if (calls)
            ++*calls;
        return all.mid(offset, limit);
    };
}

MetricScore score(const QString &metric, double value)
{
    MetricScore made;
    made.metric = metric;
    made.value = value;
    made.explanation = u"%1 explained <b>"_s.arg(metric);
    return made;
}

// 1200 items: item i scores faithfulness (i % 100) / 100 and relevance 0.9; item 3 holds a script
// in its question and item 5 failed.
struct Fixture
{
    EvalRun run;
    QList<EvalItem> items;
    QList<ItemResult> results;
    QList<MetricSummary> summaries;
    QList<Gate> gates;

    Fixture()
    {
        run.id = 12;
        run.name = u"Nightly & <weekly>"_s;
        run.datasetName = u"support-faq"_s;
        run.datasetVersion = 3;
        run.model = u"llama3.1:8b"_s;
        run.judgeModel = u"anthropic.claude-3-haiku-20240307-v1:0"_s;
        run.status = EvalRun::Status::Completed;
        run.createdAt = u"2024-05-01T10:00:00Z"_s;
        run.inputTokens = 123456;
        run.outputTokens = 7890;
        run.costUsd = 1.2345;
        run.settings.metrics = Metrics::judge();
        QList<double> faithfulness, relevance;
        for (int i = 0; i < 1200; ++i) {
            EvalItem item;
            item.index = i;
            item.question = i == 3 ? u"<script>alert('x')</script> why?"_s : u"question %1"_s.arg(i);
            item.contexts = {u"a long context"_s};
            items << item;
            ItemResult result;
            result.itemIndex = i;
            result.response = u"response %1"_s.arg(i);
            if (i == 5) {
                result.ok = false;
                result.error = u"timeout <after> 120 s"_s;
            } else {
                result.scores = {score(Metrics::faithfulness, (i % 100) / 100.0), score(Metrics::relevance, 0.9)};
                faithfulness << (i % 100) / 100.0;
                relevance << 0.9;
            }
            results << result;
        }
        summaries = {MetricStatistics::summarize(Metrics::faithfulness, faithfulness, 0.7),
                     MetricStatistics::summarize(Metrics::relevance, relevance, 0.7)};
        gates = {QualityGate::parse(u"faithfulness>=0.8"_s).value(), QualityGate::parse(u"relevance>=0.8"_s).value()};
        QualityGate::evaluate(gates, summaries);
    }
};

QString report(const Fixture &fixture, const QMap<QString, RunReport::Trend> &trends, int keep = 50,
               int *resultCalls = nullptr)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const Status written = RunReport::writeHtml(buffer, fixture.run, fixture.summaries, fixture.gates, trends,
                                                pages(fixture.items), pages(fixture.results, resultCalls), keep);
    if (!written)
        qFatal("%s", qPrintable(written.error().describe()));
    return QString::fromUtf8(buffer.data());
}

QStringList embeddedImages(const QString &html)
{
    static const QRegularExpression pattern(
        u"<img alt=\"[^\"]+\" src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\">"_s);
    QStringList svgs;
    for (auto it = pattern.globalMatch(html); it.hasNext();)
        svgs << QString::fromUtf8(QByteArray::fromBase64(it.next().captured(1).toLatin1()));
    return svgs;
}

} // namespace

class TestRunReport : public QObject
{
    Q_OBJECT

private slots:
    void embedsEveryChartAsAnSvgImage()
    {
        const Fixture fixture;
        const QMap<QString, RunReport::Trend> trends{
            {Metrics::faithfulness, {{u"run 10"_s, 0.7}, {u"run 11"_s, 0.72}, {u"run 12"_s, 0.49}}}};
        const QStringList svgs = embeddedImages(report(fixture, trends));
        // two histograms, the scatter, pass rates, means against gates, one trend
        QCOMPARE(svgs.size(), 6);
        for (const QString &svg : svgs) {
            QXmlStreamReader reader(svg);
            while (!reader.atEnd())
                reader.readNext();
            QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
            QVERIFY(svg.startsWith(u"<svg"_s));
        }
        QVERIFY(svgs[0].contains(u"Distribution of faithfulness (judge)"_s));
        QVERIFY(svgs[2].contains(u"Faithfulness × relevance"_s));
        QCOMPARE(svgs[2].count(u"<circle"_s), 100); // 1199 items on 100 distinct points
        QCOMPARE(svgs[5].count(u"<circle"_s), 3);
        QCOMPARE(embeddedImages(report(fixture, {})).size(), 5);
    }

    void showsHeaderSummaryAndGates()
    {
        const QString html = report(Fixture(), {});
        QVERIFY(html.startsWith(u"<!DOCTYPE html>"_s));
        QVERIFY(html.contains(u"<title>Evaluation report: Nightly &amp; &lt;weekly&gt;</title>"_s));
        for (const QString &fact :
             {u"support-faq, version 3"_s, u"llama3.1:8b"_s, u"anthropic.claude-3-haiku-20240307-v1:0"_s,
              u"123456 in, 7890 out"_s, u"$1.2345"_s, u"2024-05-01T10:00:00Z"_s})
            QVERIFY2(html.contains(fact), qPrintable(fact));
        QVERIFY(html.contains(u"failed</span>: mean 0.50 is below 0.8"_s));
        QVERIFY(html.contains(u"<td class=\"number\">1199</td>"_s));
        QVERIFY(html.contains(u"<th>p10</th>"_s));
    }

    void escapesUserText()
    {
        const QString html = report(Fixture(), {}, 1200);
        QVERIFY(!html.contains(u"<script"_s, Qt::CaseInsensitive));
        QVERIFY(html.contains(u"&lt;script&gt;alert('x')&lt;/script&gt; why?"_s));
        QVERIFY(html.contains(u"faithfulness explained &lt;b&gt;"_s));
        QVERIFY(html.contains(u"timeout &lt;after&gt; 120 s"_s));
        // Self-contained: nothing is fetched from elsewhere.
        QVERIFY(!html.contains(u"src=\"http"_s));
        QVERIFY(!html.contains(u"href="_s));
    }

    void listsTheLowestScoringItemsFirst()
    {
        int resultCalls = 0;
        const QString html = report(Fixture(), {}, 3, &resultCalls);
        QVERIFY(resultCalls >= 3); // streamed in pages, not loaded at once
        const qsizetype start = html.indexOf(u"<h2>Lowest-scoring items</h2>"_s);
        const qsizetype end = html.indexOf(u"<h2>Items with errors</h2>"_s);
        QVERIFY(start > 0 && end > start);
        const QString lowest = html.mid(start, end - start);
        QCOMPARE(lowest.count(u"<tr>"_s), 1 + 3);
        // faithfulness 0.00 at items 0, 100, 200: the earliest items win ties.
        for (const QString &question : {u"question 0<"_s, u"question 100<"_s, u"question 200<"_s})
            QVERIFY2(lowest.contains(question), qPrintable(question));
        QVERIFY(lowest.indexOf(u"question 0<"_s) < lowest.indexOf(u"question 100<"_s));
        QVERIFY(html.mid(end).contains(u"could not be computed: 1;"_s));
    }
};

QTEST_GUILESS_MAIN(TestRunReport)
#include "tst_runreport.moc"
