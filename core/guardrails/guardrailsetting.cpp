#include "core/guardrails/guardrailsetting.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

Result<GuardrailSetting> GuardrailSetting::parse(const QString &text, const QString &trace)
{
    const QString trimmed = text.trimmed();
    const qsizetype colon = trimmed.lastIndexOf(u':');
    if (colon <= 0 || colon == trimmed.size() - 1)
        return makeError(
            Error::Kind::Usage,
            tr("the guardrail \"%1\" is not ID:VERSION (for example gr1abc2def3g:1 or gr1abc2def3g:DRAFT)").arg(text));
    GuardrailSetting setting;
    setting.identifier = trimmed.left(colon);
    setting.version = trimmed.mid(colon + 1);
    static const QRegularExpression version(u"^(([1-9][0-9]{0,7})|(DRAFT))$"_s);
    if (!version.match(setting.version).hasMatch())
        return makeError(Error::Kind::Usage,
                         tr("the guardrail version \"%1\" is neither DRAFT nor a number from 1").arg(setting.version));
    static const QRegularExpression identifier(u"^[A-Za-z0-9:/._-]{1,2048}$"_s);
    if (!identifier.match(setting.identifier).hasMatch())
        return makeError(
            Error::Kind::Usage,
            tr("the guardrail identifier \"%1\" holds characters an id or ARN cannot have").arg(setting.identifier));
    if (trace != "enabled"_L1 && trace != "disabled"_L1 && trace != "enabled_full"_L1)
        return makeError(Error::Kind::Usage,
                         tr("the guardrail trace \"%1\" is not enabled, disabled or enabled_full").arg(trace));
    setting.trace = trace;
    return setting;
}

QJsonObject GuardrailSetting::agentRuntimeJson() const
{
    return {{"guardrailId"_L1, identifier}, {"guardrailVersion"_L1, version}};
}

QJsonObject GuardrailSetting::toJson() const
{
    if (!isSet())
        return {};
    return {{"identifier"_L1, identifier}, {"version"_L1, version}, {"trace"_L1, trace}};
}

GuardrailSetting GuardrailSetting::fromJson(const QJsonObject &object)
{
    GuardrailSetting setting;
    setting.identifier = object.value("identifier"_L1).toString();
    setting.version = object.value("version"_L1).toString();
    setting.trace = object.value("trace"_L1).toString(u"enabled"_s);
    return setting;
}
