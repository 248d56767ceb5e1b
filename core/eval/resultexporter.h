#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"
#include "core/eval/resultrowcursor.h"

#include <QIODevice>
#include <QJsonObject>
#include <QStringList>

// A run's per-item results as CSV or JSON Lines, written a page at a time so a run of any size
// exports in bounded memory. One row per dataset item, in index order; an item the run did not reach
// has no ok flag and the error "not evaluated in this run".
class ResultExporter
{
public:
    // RFC 4180 CSV in UTF-8 with CRLF line ends and a header: index, question, response, reference, ok,
    // error, then per metric `<metric>` (the value, empty when there is none) and `<metric>_explanation`
    // (the explanation, or "error: …" when the metric could not be computed). `metrics` empty: the
    // run's metrics. No byte-order mark: tools that need one to detect UTF-8 can import with it set.
    static Status writeCsv(QIODevice &device, const EvalRun &run, const QStringList &metrics, const ItemFetcher &items,
                           const ResultFetcher &results);

    // One JSON object per line per item: the item's fields, the result's usage and every score with its
    // explanation, details and error, keyed by metric.
    static Status writeJsonl(QIODevice &device, const EvalRun &run, const ItemFetcher &items,
                             const ResultFetcher &results);

    // A field quoted only when it must be: it holds a comma, quote or line break, or starts or ends
    // with a space (which spreadsheets would otherwise trim). Quotes inside are doubled.
    static QString csvField(const QString &text);

    static QJsonObject rowJson(const EvalRun &run, const ResultRow &row);
};
