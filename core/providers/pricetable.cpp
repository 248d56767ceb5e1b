#include "core/providers/pricetable.h"

#include "core/storage/sqldialect.h"
#include "core/storage/workspace.h"

#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace {

const QStringList regionalPrefixes = {QStringLiteral("us."), QStringLiteral("eu."), QStringLiteral("apac.")};

} // namespace

PriceTable::PriceTable(Workspace &workspace) : m_workspace(workspace)
{ }

SchemaModule PriceTable::schema()
{
    return {QStringLiteral("providers"),
            {{1,
              QStringLiteral("model prices with Bedrock defaults, and the invocation log"),
              {QStringLiteral("CREATE TABLE model_prices ("
                              " model_pattern TEXT PRIMARY KEY,"
                              " display_name TEXT NOT NULL DEFAULT '',"
                              " input_per_million ${real} NOT NULL,"
                              " output_per_million ${real} NOT NULL)"),
               // Bedrock on-demand prices, USD per million tokens (seed 003, AWS GenAI stack).
               QStringLiteral("INSERT INTO model_prices"
                              " (model_pattern, display_name, input_per_million, output_per_million) VALUES"
                              " ('anthropic.claude-3-5-sonnet', 'Claude 3.5 Sonnet', 3.00, 15.00),"
                              " ('anthropic.claude-3-haiku', 'Claude 3 Haiku', 0.25, 1.25),"
                              " ('meta.llama3-70b', 'Llama 3 70B', 2.65, 3.50),"
                              " ('amazon.titan-text-express', 'Titan Text Express', 0.20, 0.60),"
                              " ('cohere.command-r-plus', 'Command R+', 3.00, 15.00)"),
               QStringLiteral("CREATE TABLE invocations ("
                              " id ${id},"
                              " started_at TEXT NOT NULL,"
                              " source TEXT NOT NULL,"
                              " provider TEXT NOT NULL,"
                              " model TEXT NOT NULL,"
                              " input_tokens ${bigint},"
                              " output_tokens ${bigint},"
                              " ttft_ms ${bigint},"
                              " latency_ms ${bigint} NOT NULL DEFAULT 0,"
                              " cost_usd ${real},"
                              " status TEXT NOT NULL,"
                              " error TEXT NOT NULL DEFAULT '',"
                              " prompt TEXT)"),
               QStringLiteral("CREATE INDEX invocations_started ON invocations (started_at)")}},
             // Guardrails are priced by policy units (a unit is up to 1,000 characters checked by
             // one policy); the row's input price is USD per million units, at the content-filter
             // and denied-topic rate of $0.15 per 1,000.
             {2,
              QStringLiteral("the price of Bedrock Guardrails' policy units"),
              {QStringLiteral("INSERT INTO model_prices"
                              " (model_pattern, display_name, input_per_million, output_per_million) VALUES"
                              " ('bedrock-guardrail', 'Bedrock Guardrails (per million policy units)', 150.00, 0)")}}}};
}

Result<QList<ModelPrice>> PriceTable::list() const
{
    auto query
        = m_workspace.execute(QStringLiteral("SELECT model_pattern, display_name, input_per_million, output_per_million"
                                             " FROM model_prices ORDER BY model_pattern"));
    if (!query)
        return query.error();
    QList<ModelPrice> prices;
    while (query.value().next())
        prices << ModelPrice{query.value().value(0).toString(), query.value().value(1).toString(),
                             query.value().value(2).toDouble(), query.value().value(3).toDouble()};
    return prices;
}

Status PriceTable::save(const ModelPrice &price)
{
    if (price.modelPattern.trimmed().isEmpty() || price.modelPattern != price.modelPattern.trimmed())
        return makeError(Error::Kind::Usage, tr("a price needs a model id pattern without surrounding spaces"),
                         price.modelPattern);
    for (const double value : {price.inputPerMillion, price.outputPerMillion}) {
        if (!std::isfinite(value) || value < 0.0)
            return makeError(Error::Kind::Usage, tr("a price per million tokens must be a number of 0 or more"),
                             price.modelPattern);
    }
    auto stored = m_workspace.execute(
        m_workspace.dialect().upsert(QStringLiteral("model_prices"), {QStringLiteral("model_pattern")},
                                     {QStringLiteral("model_pattern"), QStringLiteral("display_name"),
                                      QStringLiteral("input_per_million"), QStringLiteral("output_per_million")}),
        {{QStringLiteral("model_pattern"), price.modelPattern},
         {QStringLiteral("display_name"), SqlDialect::text(price.displayName)},
         {QStringLiteral("input_per_million"), price.inputPerMillion},
         {QStringLiteral("output_per_million"), price.outputPerMillion}});
    if (!stored)
        return stored.error();
    return Done{};
}

Status PriceTable::remove(const QString &pattern)
{
    auto removed = m_workspace.execute(QStringLiteral("DELETE FROM model_prices WHERE model_pattern = :pattern"),
                                       {{QStringLiteral("pattern"), pattern}});
    if (!removed)
        return removed.error();
    if (removed.value().numRowsAffected() == 0)
        return makeError(Error::Kind::Input, tr("the price table has no such model pattern"), pattern);
    return Done{};
}

Result<std::optional<ModelPrice>> PriceTable::match(const QString &modelId) const
{
    if (modelId.isEmpty())
        return std::optional<ModelPrice>();
    auto prices = list();
    if (!prices)
        return prices.error();

    QStringList candidates = {modelId};
    for (const QString &prefix : regionalPrefixes) {
        if (modelId.startsWith(prefix) && modelId.size() > prefix.size())
            candidates << modelId.mid(prefix.size());
    }
    for (const QString &candidate : candidates) {
        for (const ModelPrice &price : prices.value()) {
            if (price.modelPattern == candidate)
                return std::optional<ModelPrice>(price);
        }
    }
    std::optional<ModelPrice> best;
    for (const QString &candidate : candidates) {
        for (const ModelPrice &price : prices.value()) {
            if (candidate.startsWith(price.modelPattern)
                && (!best || price.modelPattern.size() > best->modelPattern.size()))
                best = price;
        }
    }
    return best;
}

std::optional<double> PriceTable::cost(const ModelPrice &price, qint64 inputTokens, qint64 outputTokens)
{
    if (inputTokens < 0 || outputTokens < 0)
        return std::nullopt;
    return (double(inputTokens) * price.inputPerMillion + double(outputTokens) * price.outputPerMillion) / 1e6;
}

double PriceTable::unitsCost(const ModelPrice &price, qint64 units)
{
    return double(std::max<qint64>(0, units)) * price.inputPerMillion / 1e6;
}

Status PriceTable::replace(const QStringList &removed, const QList<ModelPrice> &prices)
{
    return m_workspace.transaction([&]() -> Status {
        for (const QString &pattern : removed) {
            const Status gone = remove(pattern);
            if (!gone)
                return gone;
        }
        for (const ModelPrice &price : prices) {
            const Status saved = save(price);
            if (!saved)
                return saved;
        }
        return Done{};
    });
}
