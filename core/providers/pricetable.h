#pragma once

#include "core/common/result.h"
#include "core/storage/schemamodule.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

class Workspace;

// Price of a model family in USD per million tokens. The pattern is a model id or its beginning:
// `anthropic.claude-3-haiku` prices every dated version of Claude 3 Haiku.
struct ModelPrice
{
    QString modelPattern;
    QString displayName;
    double inputPerMillion = 0.0;
    double outputPerMillion = 0.0;
};

// The user-editable price table behind every cost estimate; starts with Bedrock on-demand prices.
class PriceTable
{
    Q_DECLARE_TR_FUNCTIONS(PriceTable)

public:
    explicit PriceTable(Workspace &workspace);

    // The "providers" domain: the price table and the invocation log InvocationLog keeps.
    static SchemaModule schema();

    Result<QList<ModelPrice>> list() const;
    // Adds the pattern or replaces its prices.
    Status save(const ModelPrice &price);
    Status remove(const QString &pattern);
    // The price table dialog's save: removes `removed` and saves `prices`, in one transaction.
    Status replace(const QStringList &removed, const QList<ModelPrice> &prices);

    // The exact pattern, else the longest pattern the id starts with. A cross-region inference
    // profile id (`us.`, `eu.`, `apac.` before the model id) is priced as the model it routes to,
    // unless the table has a pattern for the profile itself.
    Result<std::optional<ModelPrice>> match(const QString &modelId) const;

    // Nothing when the service did not report a token count (-1): a guessed cost is worse than none.
    static std::optional<double> cost(const ModelPrice &price, qint64 inputTokens, qint64 outputTokens);
    // The row that prices guardrail policy units (its input price is per million units).
    static QString guardrailPattern() { return QStringLiteral("bedrock-guardrail"); }
    static double unitsCost(const ModelPrice &price, qint64 units);

private:
    Workspace &m_workspace;
};
