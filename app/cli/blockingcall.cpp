#include "blockingcall.h"

#include "core/providers/chatcall.h"

#include <QEventLoop>

#include <cstdio>
#include <optional>

Result<ChatResult> BlockingCall::wait(ChatCall *call, const std::function<void(const QString &)> &delta)
{
    std::optional<Result<ChatResult>> outcome;
    QEventLoop loop;
    if (delta)
        QObject::connect(call, &ChatCall::delta, call, delta);
    QObject::connect(call, &ChatCall::retrying, call, [](int attempt, int delayMs, const QString &reason) {
        std::fprintf(stderr, "genaiops: %s; retrying in %.1f s (attempt %d)\n", qPrintable(reason), delayMs / 1000.0,
                     attempt);
    });
    QObject::connect(call, &ChatCall::finished, call, [&](const Result<ChatResult> &result) {
        outcome = result;
        loop.quit();
    });
    if (!outcome)
        loop.exec();
    delete call;
    return *outcome;
}

QJsonObject BlockingCall::guardrailJson(const GuardrailVerdict &verdict)
{
    const QJsonObject stored = verdict.toJson();
    QJsonObject object{{QStringLiteral("action"),
                        verdict.intervened ? QStringLiteral("GUARDRAIL_INTERVENED") : QStringLiteral("NONE")},
                       {QStringLiteral("policies"), stored.value(QStringLiteral("findings"))},
                       {QStringLiteral("fired"), stored.value(QStringLiteral("policies"))},
                       {QStringLiteral("outputs"), QJsonArray::fromStringList(verdict.outputs)},
                       {QStringLiteral("units"), verdict.units}};
    if (!verdict.actionReason.isEmpty())
        object.insert(QStringLiteral("action_reason"), verdict.actionReason);
    if (!verdict.modelOutput.isEmpty())
        object.insert(QStringLiteral("model_output"), QJsonArray::fromStringList(verdict.modelOutput));
    return object;
}

QString BlockingCall::guardrailLines(const GuardrailVerdict &verdict)
{
    QStringList lines;
    lines << (verdict.intervened ? tr("guardrail intervened") : tr("guardrail: no intervention"));
    for (const GuardrailFinding &finding : verdict.findings)
        if (finding.fired() || finding.policy == QLatin1String("grounding"))
            lines << QStringLiteral("  ") + finding.describe();
    if (!verdict.modelOutput.isEmpty())
        lines << tr("  the model had answered: %1").arg(verdict.modelOutput.join(QLatin1Char(' ')));
    return lines.join(QLatin1Char('\n'));
}
