#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"
#include "core/eval/judgeagreement.h"
#include "core/eval/resultrowcursor.h"

#include <QIODevice>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

class RunDigest;

// A run as one self-contained HTML file: inline CSS, charts as SVG data-URI images, no scripts and no
// external resources (a Content-Security-Policy says so to the browser), every user text escaped.
class RunReport
{
public:
    // Points of a trend line: a label per earlier run (its name or date) and that run's mean.
    using Trend = QList<QPair<QString, double>>;

    // Header (dataset, model, judge, dates, tokens, cost), summary table, gates, charts (a histogram
    // per metric, faithfulness × relevance when both exist, pass rate per metric against its
    // threshold, means against the gates, a trend per metric in `trends`) and the `keep` lowest-scoring
    // items and first items with errors. Rows are streamed once through a RunDigest before anything
    // is written, so a fetcher's error leaves the device untouched. `agreement`, when people labelled
    // the run, adds the judge's agreement with them per judged metric.
    static Status writeHtml(QIODevice &device, const EvalRun &run, const QList<MetricSummary> &summaries,
                            const QList<Gate> &gates, const QMap<QString, Trend> &trends, const ItemFetcher &items,
                            const ResultFetcher &results, int keep = 50, const QList<MetricAgreement> &agreement = {});

    // `text` escaped for HTML, cut after `limit` characters with a note of how much was left out.
    static QString escaped(const QString &text, int limit = -1);

    // <img> with the SVG as a base64 data URI and `alt` as its text alternative.
    static QString image(const QString &svg, const QString &alt);
};
