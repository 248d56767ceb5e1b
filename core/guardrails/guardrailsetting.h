#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

// Which Bedrock guardrail a call goes through, as people write it: "ID:VERSION" (the id may be the
// guardrail's ARN, whose colons stay with it), with the trace level asked for. Converse spells the
// id guardrailIdentifier, RetrieveAndGenerate guardrailId; both take the same values.
struct GuardrailSetting
{
    Q_DECLARE_TR_FUNCTIONS(GuardrailSetting)

public:
    QString identifier;
    QString version; // "DRAFT" or a number from 1
    // "enabled" by default: without a trace an intervention cannot say which policy fired.
    QString trace = QStringLiteral("enabled");

    bool isSet() const { return !identifier.isEmpty(); }
    // "gr1abc:1"; empty when none is set.
    QString label() const { return isSet() ? identifier + QLatin1Char(':') + version : QString(); }

    // "ID:VERSION"; a Usage error naming what is wrong otherwise. The version is DRAFT or 1–99999999
    // (what Bedrock accepts); trace is enabled, disabled or enabled_full.
    static Result<GuardrailSetting> parse(const QString &text, const QString &trace = QStringLiteral("enabled"));

    // As the agent runtime (RetrieveAndGenerate, Retrieve) names it: {guardrailId, guardrailVersion}.
    QJsonObject agentRuntimeJson() const;
    QJsonObject toJson() const;
    static GuardrailSetting fromJson(const QJsonObject &object);
};
