#include "core/providers/invocationlog.h"

#include "core/common/secretredactor.h"
#include "core/storage/preparedquery.h"
#include "core/storage/sqldialect.h"
#include "core/storage/workspace.h"

#include <QDateTime>
#include <QSqlQuery>

namespace {

QVariant countOrNull(qint64 value)
{
    return value < 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(value);
}

qint64 countFrom(const QVariant &value)
{
    return value.isNull() ? -1 : value.toLongLong();
}

} // namespace

InvocationLog::InvocationLog(Workspace &workspace) : m_workspace(workspace)
{ }

Status InvocationLog::record(const Invocation &invocation)
{
    return record(QList<Invocation>{invocation});
}

// One statement and one look-up of the prompts setting for the whole list: an evaluation logs its
// calls alongside each batch of results, on the way from one reply to the next request.
Status InvocationLog::record(const QList<Invocation> &invocations)
{
    if (invocations.isEmpty())
        return Done{};
    const bool keepPrompts = recordsPrompts();
    const SecretRedactor &redactor = SecretRedactor::instance();
    PreparedQuery insert(m_workspace,
                         QStringLiteral("INSERT INTO invocations (started_at, source, provider, model, input_tokens,"
                                        " output_tokens, ttft_ms, latency_ms, cost_usd, status, error, prompt) VALUES"
                                        " (:started_at, :source, :provider, :model, :input_tokens, :output_tokens,"
                                        " :ttft_ms, :latency_ms, :cost_usd, :status, :error, :prompt)"));
    for (const Invocation &invocation : invocations) {
        QDateTime startedAt = QDateTime::currentDateTimeUtc();
        if (!invocation.startedAt.isEmpty()) {
            startedAt = QDateTime::fromString(invocation.startedAt, Qt::ISODateWithMs);
            if (!startedAt.isValid())
                return makeError(Error::Kind::Usage, tr("the start time is not an ISO-8601 date and time"),
                                 invocation.startedAt);
        }
        QString status = invocation.status;
        if (status.isEmpty())
            status = invocation.error.isEmpty() ? okStatus() : QStringLiteral("error");
        const Status stored = insert.run(
            QVariantMap{{QStringLiteral("started_at"), startedAt.toUTC().toString(Qt::ISODateWithMs)},
                        {QStringLiteral("source"), SqlDialect::text(invocation.source)},
                        {QStringLiteral("provider"), SqlDialect::text(invocation.provider)},
                        {QStringLiteral("model"), SqlDialect::text(invocation.model)},
                        {QStringLiteral("input_tokens"), countOrNull(invocation.inputTokens)},
                        {QStringLiteral("output_tokens"), countOrNull(invocation.outputTokens)},
                        {QStringLiteral("ttft_ms"), countOrNull(invocation.ttftMs)},
                        {QStringLiteral("latency_ms"), qMax<qint64>(invocation.latencyMs, 0)},
                        {QStringLiteral("cost_usd"),
                         invocation.costUsd ? QVariant(*invocation.costUsd) : QVariant(QMetaType::fromType<double>())},
                        {QStringLiteral("status"), status},
                        {QStringLiteral("error"), SqlDialect::text(redactor.redact(invocation.error))},
                        {QStringLiteral("prompt"),
                         keepPrompts ? QVariant(SqlDialect::text(redactor.redact(invocation.prompt)))
                                     : QVariant(QMetaType::fromType<QString>())}});
        if (!stored)
            return stored;
    }
    return Done{};
}

bool InvocationLog::recordsPrompts() const
{
    return m_workspace.metaValue(recordPromptsKey()) == QLatin1String("true");
}

Status InvocationLog::setRecordsPrompts(bool record)
{
    return m_workspace.setMetaValue(recordPromptsKey(), record ? QStringLiteral("true") : QStringLiteral("false"));
}

Result<QList<UsageRow>> InvocationLog::usageByModelAndDay(int days) const
{
    if (days < 1)
        return makeError(Error::Kind::Usage, tr("a usage report covers at least one day"), QString::number(days));
    // Stored times are UTC ISO-8601, so the date is their first ten characters and sorts as text.
    const QString since = QDateTime::currentDateTimeUtc().date().addDays(1 - days).toString(Qt::ISODate);
    auto query = m_workspace.execute(QStringLiteral("SELECT SUBSTR(started_at, 1, 10), provider, model, COUNT(*),"
                                                    " SUM(CASE WHEN status = 'ok' THEN 0 ELSE 1 END),"
                                                    " COALESCE(SUM(input_tokens), 0), COALESCE(SUM(output_tokens), 0),"
                                                    " COALESCE(SUM(cost_usd), 0)"
                                                    " FROM invocations WHERE started_at >= :since"
                                                    " GROUP BY SUBSTR(started_at, 1, 10), provider, model"
                                                    " ORDER BY 1, 2, 3"),
                                     {{QStringLiteral("since"), since}});
    if (!query)
        return query.error();
    QList<UsageRow> rows;
    while (query.value().next()) {
        const QSqlQuery &row = query.value();
        rows << UsageRow{row.value(0).toString(),   row.value(1).toString(),   row.value(2).toString(),
                         row.value(3).toLongLong(), row.value(4).toLongLong(), row.value(5).toLongLong(),
                         row.value(6).toLongLong(), row.value(7).toDouble()};
    }
    return rows;
}

Result<QList<Invocation>> InvocationLog::recent(int limit) const
{
    auto query = m_workspace.execute(
        QStringLiteral("SELECT started_at, source, provider, model, input_tokens, output_tokens, ttft_ms,"
                       " latency_ms, cost_usd, status, error, prompt FROM invocations"
                       " ORDER BY started_at DESC, id DESC LIMIT :limit"),
        {{QStringLiteral("limit"), qMax(limit, 0)}});
    if (!query)
        return query.error();
    QList<Invocation> invocations;
    while (query.value().next()) {
        const QSqlQuery &row = query.value();
        Invocation invocation;
        invocation.startedAt = row.value(0).toString();
        invocation.source = row.value(1).toString();
        invocation.provider = row.value(2).toString();
        invocation.model = row.value(3).toString();
        invocation.inputTokens = countFrom(row.value(4));
        invocation.outputTokens = countFrom(row.value(5));
        invocation.ttftMs = countFrom(row.value(6));
        invocation.latencyMs = row.value(7).toLongLong();
        if (!row.value(8).isNull())
            invocation.costUsd = row.value(8).toDouble();
        invocation.status = row.value(9).toString();
        invocation.error = row.value(10).toString();
        invocation.prompt = row.value(11).toString();
        invocations << invocation;
    }
    return invocations;
}

Result<InvocationLog::Usage> InvocationLog::usage(int days) const
{
    auto rows = usageByModelAndDay(days);
    if (!rows)
        return rows.error();
    return Usage{rows.value(), recordsPrompts()};
}
