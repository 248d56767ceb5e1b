#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

class Workspace;

// One model call, from the Playground, the CLI or an evaluation. Counts are -1 when unknown.
struct Invocation
{
    QString startedAt; // ISO-8601; empty means now
    QString source; // "playground", "cli", "eval"…
    QString provider;
    QString model;
    qint64 inputTokens = -1;
    qint64 outputTokens = -1;
    qint64 ttftMs = -1;
    qint64 latencyMs = 0;
    std::optional<double> costUsd;
    QString status; // "ok", or errorKindName() of the error; empty means "ok" or, with an error, "error"
    QString error;
    QString prompt; // stored only while recording prompts is on
};

// Calls, errors, tokens and cost of one model on one UTC day. Unknown token counts and costs add 0.
struct UsageRow
{
    QString day; // YYYY-MM-DD
    QString provider;
    QString model;
    qint64 calls = 0;
    qint64 errors = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    double costUsd = 0.0;
};

// The record of every model call, for usage and cost reports. Tables of PriceTable::schema().
class InvocationLog
{
    Q_DECLARE_TR_FUNCTIONS(InvocationLog)

public:
    explicit InvocationLog(Workspace &workspace);

    static QString recordPromptsKey() { return QStringLiteral("usage.record_prompts"); }
    static QString okStatus() { return QStringLiteral("ok"); }

    // Error texts pass through SecretRedactor; prompts are dropped unless recordsPrompts().
    Status record(const Invocation &invocation);
    // All or, at the first that fails, those before it (in a transaction of the caller's, none).
    Status record(const QList<Invocation> &invocations);

    // Off by default: prompts may hold customer data that a usage log has no business keeping.
    bool recordsPrompts() const;
    Status setRecordsPrompts(bool record);

    // The last `days` UTC days including today, oldest day first, then by provider and model.
    Result<QList<UsageRow>> usageByModelAndDay(int days = 30) const;
    struct Usage
    {
        QList<UsageRow> rows;
        bool recordsPrompts = false;
    };
    // What the usage dialog shows: usageByModelAndDay() and whether prompts are kept.
    Result<Usage> usage(int days = 30) const;
    // Newest first.
    Result<QList<Invocation>> recent(int limit) const;

private:
    Workspace &m_workspace;
};
