// What a guardrail says about a call, from a service the workbench does not control: a Converse
// trace (`trace.guardrail`, also in a ConverseStream metadata event) and an ApplyGuardrail answer.
// The first byte picks whether the call intervened, the stage checked and the check's blocks; the
// rest is the JSON (or not). Every read either succeeds or says what was wrong.
#include "core/guardrails/guardrailprotocol.h"
#include "core/guardrails/guardrailverdict.h"
#include "core/providers/chatresult.h"
#include "core/providers/providerconfig.h"
#include "fuzz/fuzzsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

const QStringList policies{QStringLiteral("topic"), QStringLiteral("content"), QStringLiteral("word"),
                           QStringLiteral("pii"), QStringLiteral("grounding")};

void requireWellFormed(const GuardrailVerdict &verdict)
{
    for (const QString &policy : verdict.firedPolicies())
        Fuzz::require(policies.contains(policy), "a fired policy is one of the five families");
    Fuzz::require(verdict.units >= 0, "policy units are never negative");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const bool intervened = data[0] & 1;
    const bool output = data[0] & 2;
    const QByteArray body = Fuzz::bytes(data + 1, size - 1).toByteArray();
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QString stage = output ? QStringLiteral("output") : QStringLiteral("input");

    const QJsonValue trace = document.isObject() ? QJsonValue(document.object())
        : document.isArray()                     ? QJsonValue(document.array())
                                                 : QJsonValue(QJsonValue::Undefined);
    const Result<GuardrailVerdict> fromTrace = GuardrailVerdict::fromConverseTrace(trace, intervened);
    Fuzz::requireExplained(fromTrace, "a trace that cannot be read says why");
    if (fromTrace) {
        Fuzz::require(fromTrace.value().intervened == intervened, "a trace keeps the answer's own stop reason");
        requireWellFormed(fromTrace.value());
    }

    const Result<GuardrailVerdict> fromApply = GuardrailVerdict::fromApplyAnswer(document.object(), stage);
    Fuzz::requireExplained(fromApply, "an ApplyGuardrail answer that cannot be read says why");
    if (fromApply) {
        requireWellFormed(fromApply.value());
        for (const GuardrailFinding &finding : fromApply.value().findings)
            Fuzz::require(finding.stage == stage, "every finding is of the stage that was checked");
    }

    ProviderConfig config;
    config.kind = ProviderConfig::Kind::Bedrock;
    config.region = QStringLiteral("us-east-1");
    config.guardrail = GuardrailSetting::parse(QStringLiteral("gr1abc2def3g:1")).value();
    GuardrailCheck check;
    check.source = output ? GuardrailCheck::Source::Output : GuardrailCheck::Source::Input;
    if (output && (data[0] & 4))
        check.content.append({QStringLiteral("Returns are free for 30 days."), {QStringLiteral("grounding_source")}});
    check.content.append({QStringLiteral("My email is jane@example.com"),
                          check.content.isEmpty() ? QStringList() : QStringList{QStringLiteral("guard_content")}});
    ChatResult result;
    const Status taken = GuardrailProtocol(config, check).takeAnswer(body, result);
    Fuzz::requireExplained(taken, "an answer that cannot be taken says why");
    if (document.isObject())
        Fuzz::require(bool(taken) == bool(fromApply), "the protocol reads an answer as the verdict does");
    if (taken) {
        Fuzz::require(result.guardrail.has_value(), "a taken answer has a verdict");
        Fuzz::require(result.guardrail->intervened == (result.stopReason == QLatin1String("guardrail_intervened")),
                      "the stop reason says whether the guardrail intervened");
        if (!result.guardrail->intervened)
            Fuzz::require(result.text == QStringLiteral("My email is jane@example.com"),
                          "without an intervention the checked text goes through");
    }
    return 0;
}
