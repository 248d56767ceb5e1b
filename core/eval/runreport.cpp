#include "core/eval/runreport.h"

#include "core/common/version.h"
#include "core/eval/guardrailsummary.h"
#include "core/eval/lexicalmetrics.h"
#include "core/eval/qualitygate.h"
#include "core/eval/rundigest.h"
#include "core/eval/svgchart.h"

#include <QFileDevice>

#include <algorithm>

namespace {

const QString style = QStringLiteral(
    "body{font-family:'DejaVu Sans','Segoe UI',Helvetica,Arial,sans-serif;color:#222;margin:2em auto;"
    "max-width:1100px;padding:0 1em;line-height:1.4}"
    "h1{font-size:1.6em}h2{font-size:1.25em;border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2em}"
    "table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #ddd;padding:.35em .5em;"
    "text-align:left;vertical-align:top}th{background:#f4f4f4}td.number{text-align:right;white-space:nowrap}"
    "dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold}dd{margin:0}"
    ".pass{color:#17692b;font-weight:bold}.fail{color:#b3141b;font-weight:bold}"
    ".kind{font-size:.8em;color:#555;border:1px solid #bbb;border-radius:3px;padding:0 .3em}"
    ".text{white-space:pre-wrap;word-break:break-word}.note{color:#555;font-size:.9em}"
    ".charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:1em}"
    "figure{margin:0}img{max-width:100%;height:auto;border:1px solid #eee}"
    "ul.scores{margin:0;padding-left:1.1em}");

QString cell(const QString &html, bool number = false)
{
    return (number ? QStringLiteral("<td class=\"number\">") : QStringLiteral("<td>")) + html + QStringLiteral("</td>");
}

QString score(double value)
{
    return QString::number(value, 'f', 2);
}

QString kind(const QString &metric)
{
    const QString what = metric == GuardrailSummary::rateMetric() ? QStringLiteral("guardrail")
        : Metrics::isLexical(metric)                              ? QStringLiteral("lexical")
                                                                  : QStringLiteral("judge");
    return QStringLiteral("<span class=\"kind\">%1</span>").arg(what);
}

QString header(const EvalRun &run)
{
    const auto entry = [](const QString &term, const QString &value) {
        return QStringLiteral("<dt>%1</dt><dd>%2</dd>").arg(term, RunReport::escaped(value));
    };
    QString html = QStringLiteral("<h1>Evaluation report: %1</h1><dl>").arg(RunReport::escaped(run.name));
    html += entry(QStringLiteral("Run"), QStringLiteral("%1 (%2)").arg(QString::number(run.id), run.displayStatus()));
    html += entry(QStringLiteral("Dataset"),
                  QStringLiteral("%1, version %2").arg(run.datasetName, QString::number(run.datasetVersion)));
    html += entry(QStringLiteral("Responses from"), run.model);
    html += entry(QStringLiteral("Judge"), run.judgeModel.isEmpty() ? QStringLiteral("none") : run.judgeModel);
    html += entry(QStringLiteral("Started"), run.createdAt);
    html += entry(QStringLiteral("Finished"),
                  run.finishedAt.isEmpty() ? QStringLiteral("not finished") : run.finishedAt);
    html
        += entry(QStringLiteral("Items"),
                 QStringLiteral("%1 of %2 evaluated, %3 failed")
                     .arg(QString::number(run.completed), QString::number(run.itemCount), QString::number(run.failed)));
    html += entry(
        QStringLiteral("Tokens"),
        QStringLiteral("%1 in, %2 out").arg(QString::number(run.inputTokens), QString::number(run.outputTokens)));
    html += entry(QStringLiteral("Cost"), QStringLiteral("$%1").arg(QString::number(run.costUsd, 'f', 4)));
    return html + QStringLiteral("</dl>");
}

QString interval(const Interval &bounds)
{
    return bounds.isKnown() ? QStringLiteral("%1–%2").arg(score(bounds.low), score(bounds.high)) : QStringLiteral("–");
}

QString summaryTable(const EvalRun &run, const QList<MetricSummary> &summaries)
{
    QString html = QStringLiteral("<h2>Summary</h2><table><tr><th>Metric</th><th>Items</th><th>Mean</th><th>95 % "
                                  "CI</th><th>SE</th><th>Median</th><th>p10</th>"
                                  "<th>Min</th><th>Max</th><th>Threshold</th><th>Pass rate</th><th>95 % CI</th></tr>");
    for (const MetricSummary &summary : summaries) {
        html += QStringLiteral("<tr>")
            + cell(RunReport::escaped(summary.metric) + QLatin1Char(' ') + kind(summary.metric))
            + cell(QString::number(summary.count), true)
            + cell(summary.count ? score(summary.mean) : QStringLiteral("–"), true) + cell(interval(summary.ci95), true)
            + cell(summary.count > 1 ? QString::number(summary.standardError, 'f', 3) : QStringLiteral("–"), true);
        for (double value : {summary.median, summary.p10, summary.min, summary.max})
            html += cell(summary.count ? score(value) : QStringLiteral("–"), true);
        const auto percent
            = [](double value) -> QString { return QString::number(value * 100, 'f', 1) + QLatin1Char('%'); };
        // The intervention rate has no threshold: its "pass rate" is the share the guardrail let through.
        const bool guardrail = summary.metric == GuardrailSummary::rateMetric();
        html += cell(guardrail ? QStringLiteral("–") : score(run.settings.threshold(summary.metric)), true)
            + cell(summary.count ? percent(summary.passRate) : QStringLiteral("–"), true)
            + cell(summary.passRateCi95.isKnown()
                       ? percent(summary.passRateCi95.low) + QStringLiteral("–") + percent(summary.passRateCi95.high)
                       : QStringLiteral("–"),
                   true)
            + QStringLiteral("</tr>");
    }
    QString clustering;
    if (!run.settings.clusterBy.isEmpty())
        clustering = QStringLiteral(
                         " Standard errors are clustered by the dataset field \"%1\": items that share it count as one "
                         "piece of evidence, not several.")
                         .arg(RunReport::escaped(run.settings.clusterBy));
    if (run.settings.isGuarded())
        clustering += QStringLiteral(" guardrail_intervention_rate is the share of items the guardrail %1 blocked or "
                                     "masked; its pass rate is the share it let through.")
                          .arg(RunReport::escaped(run.settings.guardrail.guardrail));
    return html
        + QStringLiteral(
              "</table><p class=\"note\">95 % CI: the mean ± Student's t quantile × its standard error; for the "
              "pass rate, Wilson's interval. An interval says how far the mean could move if the same "
              "evaluation were run on other items like these.%1 p10: the value 10 % of items fall below, "
              "interpolated linearly between the closest ranks. Lexical metrics compare words with the "
              "reference, contexts or question; they need no model and do not judge meaning.</p>")
              .arg(clustering);
}

QString gatesTable(const QList<Gate> &gates)
{
    if (gates.isEmpty())
        return {};
    QString html = QStringLiteral(
        "<h2>Quality gates</h2><table><tr><th>Gate</th><th>Value</th><th>Figures</th><th>Result</th></tr>");
    for (const Gate &gate : gates) {
        const QString result = gate.passed ? QStringLiteral("<span class=\"pass\">passed</span>")
                                           : QStringLiteral("<span class=\"fail\">failed</span>: ")
                + RunReport::escaped(QualityGate::failureMessage(gate));
        html += QStringLiteral("<tr>") + cell(RunReport::escaped(QualityGate::describe(gate)))
            + cell(gate.value ? QualityGate::formatScore(*gate.value, gate.threshold) : QStringLiteral("–"), true)
            + cell(RunReport::escaped(gate.figures)) + cell(result) + QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

QString agreementTable(const QList<MetricAgreement> &agreement)
{
    if (agreement.isEmpty())
        return {};
    const auto bounds = [](const Interval &interval) {
        return interval.isKnown()
            ? QStringLiteral("%1–%2").arg(QString::number(interval.low, 'f', 2), QString::number(interval.high, 'f', 2))
            : QStringLiteral("–");
    };
    QString html
        = QStringLiteral("<h2>Judge against people</h2><p class=\"note\">Cohen's κ between the judge's pass/fail and "
                         "people's labels, with a bootstrap interval over items; the judged mean corrected by the "
                         "labels (prediction-powered inference). A κ lower bound under 0.6 means the judge cannot "
                         "stand in for people on that metric.</p><table><tr><th>Metric</th><th>Labelled items</th>"
                         "<th>κ</th><th>95 % CI</th><th>Agreement</th><th>Judge bias</th><th>Judged mean</th>"
                         "<th>Corrected mean</th><th>95 % CI</th><th>Verdict</th></tr>");
    for (const MetricAgreement &metric : agreement) {
        const QString verdict = metric.trustworthy() ? QStringLiteral("<span class=\"pass\">trustworthy</span>")
                                                     : QStringLiteral("<span class=\"fail\">not trustworthy</span>");
        html += QStringLiteral("<tr>") + cell(RunReport::escaped(metric.metric))
            + cell(QString::number(metric.labelledItems), true)
            + cell(metric.judgeKappa.kappa ? QString::number(*metric.judgeKappa.kappa, 'f', 2) : QStringLiteral("–"),
                   true)
            + cell(bounds(metric.judgeKappa.ci95), true)
            + cell(QString::number(metric.judgeKappa.agreement * 100, 'f', 0) + QStringLiteral(" %"), true)
            + cell(metric.judgeBias ? QString::number(*metric.judgeBias, 'f', 3) : QStringLiteral("–"), true)
            + cell(QString::number(metric.judgedMean, 'f', 3), true)
            + cell(metric.corrected.ci95.isKnown() ? QString::number(metric.corrected.estimate, 'f', 3)
                                                   : QStringLiteral("–"),
                   true)
            + cell(bounds(metric.corrected.ci95), true) + cell(verdict) + QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

QString charts(const EvalRun &run, const QList<MetricSummary> &summaries, const QList<Gate> &gates,
               const QMap<QString, RunReport::Trend> &trends, const RunDigest &digest)
{
    QStringList figures;
    for (const MetricSummary &summary : summaries) {
        if (summary.metric == GuardrailSummary::rateMetric())
            continue; // one yes or no an item: its rate and interval say it all
        const QString title = QStringLiteral("Distribution of %1").arg(LexicalMetrics::label(summary.metric));
        figures << RunReport::image(SvgChart::histogramOfCounts(title, digest.bins(summary.metric)),
                                    QStringLiteral("%1 over %2 items").arg(title, QString::number(summary.count)));
    }
    const auto has = [&](const QString &metric) {
        return std::any_of(summaries.cbegin(), summaries.cend(),
                           [&](const MetricSummary &summary) { return summary.metric == metric; });
    };
    if (has(Metrics::faithfulness) && has(Metrics::relevance)) {
        figures << RunReport::image(
            SvgChart::scatter(QStringLiteral("Faithfulness × relevance"), Metrics::faithfulness, Metrics::relevance,
                              digest.scatterPoints(), digest.scatterWeights()),
            QStringLiteral("Faithfulness against relevance for %1 items").arg(digest.scatterCount()));
    }
    QList<QPair<QString, double>> passRates, means;
    QList<std::optional<double>> gateMarks;
    QList<Interval> passIntervals, meanIntervals;
    for (const MetricSummary &summary : summaries) {
        passIntervals.append(summary.passRateCi95);
        meanIntervals.append(summary.ci95);
        passRates.append(
            {summary.metric == GuardrailSummary::rateMetric()
                 ? QStringLiteral("guardrail let through")
                 : QStringLiteral("%1 ≥ %2").arg(summary.metric, score(run.settings.threshold(summary.metric))),
             summary.passRate});
        means.append({LexicalMetrics::label(summary.metric), summary.mean});
        std::optional<double> mark;
        for (const Gate &gate : gates)
            if (gate.metric == summary.metric)
                mark = gate.threshold;
        gateMarks.append(mark);
    }
    if (!summaries.isEmpty()) {
        figures << RunReport::image(
            SvgChart::bars(QStringLiteral("Pass rate per metric (share at or above threshold, 95% CI)"), passRates, {},
                           passIntervals),
            QStringLiteral("Pass rate of each metric against its threshold, with its Wilson interval"));
    }
    if (!gates.isEmpty()) {
        figures << RunReport::image(
            SvgChart::bars(QStringLiteral("Mean per metric against the gates (95% CI)"), means, gateMarks,
                           meanIntervals),
            QStringLiteral("Mean of each metric with its 95% interval and the gate thresholds marked"));
    }
    for (auto it = trends.cbegin(); it != trends.cend(); ++it) {
        const QString title = QStringLiteral("Trend of the mean %1").arg(LexicalMetrics::label(it.key()));
        figures << RunReport::image(SvgChart::line(title, it.value()),
                                    QStringLiteral("%1 over %2 runs").arg(title, QString::number(it.value().size())));
    }
    QString html = QStringLiteral("<h2>Charts</h2><div class=\"charts\">");
    for (const QString &figure : figures)
        html += QStringLiteral("<figure>") + figure + QStringLiteral("</figure>");
    return html + QStringLiteral("</div>");
}

QString scoreList(const ItemResult &result)
{
    QString html = QStringLiteral("<ul class=\"scores\">");
    for (const MetricScore &metricScore : result.scores) {
        html += QStringLiteral("<li>") + RunReport::escaped(metricScore.metric) + QLatin1Char(' ')
            + kind(metricScore.metric) + QStringLiteral(" <b>")
            + (metricScore.value ? score(*metricScore.value) : QStringLiteral("no value")) + QStringLiteral("</b>");
        if (!metricScore.explanation.isEmpty())
            html += QStringLiteral(": ") + RunReport::escaped(metricScore.explanation, 600);
        if (!metricScore.error.isEmpty())
            html += QStringLiteral(" <span class=\"fail\">error:</span> ") + RunReport::escaped(metricScore.error, 600);
        html += QStringLiteral("</li>");
    }
    return html + QStringLiteral("</ul>");
}

QString itemTables(const RunDigest &digest)
{
    const QList<ResultRow> lowest = digest.lowest();
    QString html = QStringLiteral("<h2>Lowest-scoring items</h2>");
    if (lowest.isEmpty())
        html += QStringLiteral("<p>No item has a score.</p>");
    else
        html
            += QStringLiteral("<p class=\"note\">The %1 items whose lowest score is lowest.</p><table><tr><th>Item</th>"
                              "<th>Lowest</th><th>Question</th><th>Response</th><th>Scores</th></tr>")
                   .arg(lowest.size());
    for (const ResultRow &row : lowest) {
        const auto worst = digest.lowestScore(row);
        html += QStringLiteral("<tr>") + cell(QString::number(row.item.index), true)
            + cell(RunReport::escaped(worst->first) + QStringLiteral(" ") + score(worst->second))
            + QStringLiteral("<td class=\"text\">") + RunReport::escaped(row.item.question, 1500)
            + QStringLiteral("</td>") + QStringLiteral("<td class=\"text\">")
            + RunReport::escaped(row.result->response, 1500) + QStringLiteral("</td>") + cell(scoreList(*row.result))
            + QStringLiteral("</tr>");
    }
    if (!lowest.isEmpty())
        html += QStringLiteral("</table>");
    if (digest.errorCount() == 0)
        return html;

    html += QStringLiteral("<h2>Items with errors</h2><p class=\"note\">Items that failed or have a metric that could "
                           "not be computed: %1; the first %2 are shown.</p><table><tr><th>Item</th><th>Error</th>"
                           "<th>Question</th><th>Scores</th></tr>")
                .arg(QString::number(digest.errorCount()), QString::number(digest.errors().size()));
    for (const ResultRow &row : digest.errors()) {
        html += QStringLiteral("<tr>") + cell(QString::number(row.item.index), true)
            + QStringLiteral("<td class=\"text\">") + RunReport::escaped(row.result->error, 600)
            + QStringLiteral("</td>") + QStringLiteral("<td class=\"text\">")
            + RunReport::escaped(row.item.question, 600) + QStringLiteral("</td>") + cell(scoreList(*row.result))
            + QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

} // namespace

Status RunReport::writeHtml(QIODevice &device, const EvalRun &run, const QList<MetricSummary> &summaries,
                            const QList<Gate> &gates, const QMap<QString, Trend> &trends, const ItemFetcher &items,
                            const ResultFetcher &results, int keep, const QList<MetricAgreement> &agreement)
{
    if (!device.isWritable())
        return makeError(Error::Kind::Internal, QStringLiteral("the report target is not open for writing"));
    QStringList metrics;
    for (const MetricSummary &summary : summaries)
        metrics << summary.metric;
    if (metrics.isEmpty())
        metrics = run.settings.metrics;
    RunDigest digest(metrics, keep);
    ResultRowCursor cursor(items, results);
    for (;;) {
        Result<std::optional<ResultRow>> next = cursor.next();
        if (!next)
            return next.error();
        if (!next.value())
            break;
        digest.add(std::move(*next.value()));
    }

    const QString html
        = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
                         "style-src 'unsafe-inline'\"><title>Evaluation report: ")
        + escaped(run.name) + QStringLiteral("</title><style>") + style + QStringLiteral("</style></head><body>\n")
        + header(run) + summaryTable(run, summaries) + gatesTable(gates) + agreementTable(agreement)
        + charts(run, summaries, gates, trends, digest) + itemTables(digest)
        + QStringLiteral("<p class=\"note\">Made by genaiops %1.</p></body></html>\n")
              .arg(QStringLiteral(GENAIOPS_VERSION));
    const QByteArray bytes = html.toUtf8();
    if (device.write(bytes) != bytes.size()) {
        const auto *file = qobject_cast<const QFileDevice *>(&device);
        return makeError(Error::Kind::Input, QStringLiteral("could not write the report: ") + device.errorString(),
                         file ? file->fileName() : QString());
    }
    return Done{};
}

QString RunReport::escaped(const QString &text, int limit)
{
    if (limit < 0 || text.size() <= limit)
        return text.toHtmlEscaped();
    return text.left(limit).toHtmlEscaped()
        + QStringLiteral("… <span class=\"note\">(%1 more characters)</span>").arg(text.size() - limit);
}

QString RunReport::image(const QString &svg, const QString &alt)
{
    return QStringLiteral("<img alt=\"%1\" src=\"data:image/svg+xml;base64,%2\">")
        .arg(alt.toHtmlEscaped(), QString::fromLatin1(svg.toUtf8().toBase64()));
}
