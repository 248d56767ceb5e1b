#include "core/eval/resultexporter.h"

#include "core/eval/lexicalmetrics.h"

#include <QFileDevice>
#include <QJsonDocument>
#include <QLocale>

namespace {

const QString notEvaluated = QStringLiteral("not evaluated in this run");

Error writeError(const QIODevice &device, const QString &what)
{
    const auto *file = qobject_cast<const QFileDevice *>(&device);
    return makeError(Error::Kind::Input, what + QStringLiteral(": ") + device.errorString(),
                     file ? file->fileName() : QString());
}

Status put(QIODevice &device, const QByteArray &bytes)
{
    if (device.write(bytes) != bytes.size())
        return writeError(device, QStringLiteral("could not write the export"));
    return Done{};
}

Status checkWritable(const QIODevice &device)
{
    if (!device.isWritable())
        return makeError(Error::Kind::Internal, QStringLiteral("the export target is not open for writing"));
    return Done{};
}

// Reads every row and hands it to `write`; stops at the first error of a fetcher or of `write`.
template<typename Write> Status forEachRow(const ItemFetcher &items, const ResultFetcher &results, Write write)
{
    ResultRowCursor cursor(items, results);
    for (;;) {
        Result<std::optional<ResultRow>> next = cursor.next();
        if (!next)
            return next.error();
        if (!next.value())
            return Done{};
        if (Status written = write(*next.value()); !written)
            return written;
    }
}

QString response(const ResultRow &row)
{
    return row.result ? row.result->response : row.item.response;
}

} // namespace

QString ResultExporter::csvField(const QString &text)
{
    const bool quote = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))
        || text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'))
        || (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace()));
    if (!quote)
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

Status ResultExporter::writeCsv(QIODevice &device, const EvalRun &run, const QStringList &metrics,
                                const ItemFetcher &items, const ResultFetcher &results)
{
    if (Status writable = checkWritable(device); !writable)
        return writable;
    const QStringList columns = metrics.isEmpty() ? run.settings.metrics : metrics;
    QStringList header{QStringLiteral("index"),     QStringLiteral("question"), QStringLiteral("response"),
                       QStringLiteral("reference"), QStringLiteral("ok"),       QStringLiteral("error")};
    for (const QString &metric : columns)
        header << metric << metric + QStringLiteral("_explanation");
    const auto line = [](const QStringList &fields) {
        QStringList quoted;
        quoted.reserve(fields.size());
        for (const QString &field : fields)
            quoted << csvField(field);
        return (quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n")).toUtf8();
    };
    if (Status written = put(device, line(header)); !written)
        return written;

    return forEachRow(items, results, [&](const ResultRow &row) {
        QStringList fields{QString::number(row.item.index), row.item.question, response(row), row.item.reference};
        if (row.result)
            fields << (row.result->ok ? QStringLiteral("true") : QStringLiteral("false")) << row.result->error;
        else
            fields << QString() << notEvaluated;
        for (const QString &metric : columns) {
            const MetricScore *score = row.result ? row.result->score(metric) : nullptr;
            if (!score) {
                fields << QString() << QString();
                continue;
            }
            fields << (score->value ? QString::number(*score->value, 'g', QLocale::FloatingPointShortest) : QString());
            if (score->explanation.isEmpty() && !score->error.isEmpty())
                fields << QStringLiteral("error: ") + score->error;
            else
                fields << score->explanation;
        }
        return put(device, line(fields));
    });
}

QJsonObject ResultExporter::rowJson(const EvalRun &run, const ResultRow &row)
{
    QJsonObject object{{QStringLiteral("run_id"), run.id},
                       {QStringLiteral("index"), row.item.index},
                       {QStringLiteral("line"), row.item.line},
                       {QStringLiteral("question"), row.item.question},
                       {QStringLiteral("contexts"), QJsonArray::fromStringList(row.item.contexts)},
                       {QStringLiteral("reference"), row.item.reference},
                       {QStringLiteral("response"), response(row)},
                       {QStringLiteral("evaluated"), row.result.has_value()}};
    if (!row.item.extra.isEmpty())
        object.insert(QStringLiteral("extra"), row.item.extra);
    if (!row.result) {
        object.insert(QStringLiteral("ok"), QJsonValue::Null);
        object.insert(QStringLiteral("error"), notEvaluated);
        return object;
    }
    const ItemResult &result = *row.result;
    object.insert(QStringLiteral("ok"), result.ok);
    object.insert(QStringLiteral("error"), result.error);
    object.insert(QStringLiteral("input_tokens"), result.inputTokens);
    object.insert(QStringLiteral("output_tokens"), result.outputTokens);
    object.insert(QStringLiteral("cost_usd"), result.costUsd);
    object.insert(QStringLiteral("latency_ms"), result.latencyMs);
    object.insert(QStringLiteral("completed_at"), result.completedAt);
    QJsonObject scores;
    for (const MetricScore &score : result.scores) {
        scores.insert(
            score.metric,
            QJsonObject{{QStringLiteral("value"), score.value ? QJsonValue(*score.value) : QJsonValue()},
                        {QStringLiteral("kind"),
                         Metrics::isLexical(score.metric) ? QStringLiteral("lexical") : QStringLiteral("judge")},
                        {QStringLiteral("explanation"), score.explanation},
                        {QStringLiteral("details"), score.details},
                        {QStringLiteral("error"), score.error}});
    }
    object.insert(QStringLiteral("scores"), scores);
    if (result.guardrail)
        object.insert(QStringLiteral("guardrail"), result.guardrail->toJson());
    if (!result.passages.isEmpty() || !result.citations.isEmpty()) {
        object.insert(QStringLiteral("passages"), RetrievedPassage::toJson(result.passages));
        object.insert(QStringLiteral("citations"), Citation::toJson(result.citations));
    }
    return object;
}

Status ResultExporter::writeJsonl(QIODevice &device, const EvalRun &run, const ItemFetcher &items,
                                  const ResultFetcher &results)
{
    if (Status writable = checkWritable(device); !writable)
        return writable;
    return forEachRow(items, results, [&](const ResultRow &row) {
        return put(device, QJsonDocument(rowJson(run, row)).toJson(QJsonDocument::Compact) + '\n');
    });
}
