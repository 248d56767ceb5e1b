#include "registryauditcommand.h"

#include "commandcontext.h"
#include "exitcode.h"
#include "registryinvocation.h"

#include <QJsonArray>

#include <cstdio>

namespace {

// An ISO-8601 time, or a date meaning the end of that day in local time ("which version was in Prod
// on 3 May" asks about the whole day).
QDateTime parseTime(const QString &text)
{
    // Checked first: Qt would read a bare date as that day's midnight.
    const QDate date = QDate::fromString(text.trimmed(), Qt::ISODate);
    if (date.isValid())
        return QDateTime(date, QTime(23, 59, 59, 999));
    return QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
}

} // namespace

int RegistryAuditCommand::run(RegistryInvocation &invocation)
{
    if (invocation.arguments().size() > 1)
        return CommandContext::usage(tr("registry audit takes at most one GROUP"));
    if (invocation.isSet(QStringLiteral("verify")))
        return verify(invocation);
    if (invocation.isSet(QStringLiteral("in-stage")) || invocation.isSet(QStringLiteral("at")))
        return inStage(invocation);
    return list(invocation);
}

int RegistryAuditCommand::verify(RegistryInvocation &invocation)
{
    auto verified = invocation.service().verifyAudit();
    if (!verified)
        return CommandContext::fail(verified.error());
    const AuditTrail::Verification &report = verified.value();
    if (invocation.json()) {
        QJsonObject object{{QStringLiteral("ok"), report.ok}, {QStringLiteral("entries"), report.entries}};
        if (report.ok) {
            object.insert(QStringLiteral("head_hash"), report.headHash);
        } else {
            object.insert(QStringLiteral("broken_entry"), report.brokenSequence);
            object.insert(QStringLiteral("problem"), report.problem);
            object.insert(QStringLiteral("detail"), report.detail);
        }
        CommandContext::printJson(object);
    } else if (report.ok) {
        CommandContext::print(tr("Audit trail ok: %1 entries, chain intact (head %2).")
                                  .arg(report.entries)
                                  .arg(report.headHash.left(16)));
    }
    if (report.ok)
        return ExitOk;
    return CommandContext::fail(makeError(
        Error::Kind::Refused,
        tr("audit trail broken at entry %1 (%2): %3").arg(report.brokenSequence).arg(report.problem, report.detail)));
}

int RegistryAuditCommand::inStage(RegistryInvocation &invocation)
{
    if (invocation.arguments().size() != 1 || !invocation.isSet(QStringLiteral("in-stage"))
        || !invocation.isSet(QStringLiteral("at")))
        return CommandContext::usage(tr("registry audit GROUP --in-stage STAGE --at DATE: all three are needed"));
    auto stage = invocation.stageOption(QStringLiteral("in-stage"));
    if (!stage)
        return CommandContext::fail(stage.error());
    const QDateTime at = parseTime(invocation.value(QStringLiteral("at")));
    if (!at.isValid())
        return CommandContext::usage(tr("--at expects YYYY-MM-DD or an ISO-8601 time such as 2024-05-03T14:00:00Z"));
    const QString group = invocation.arguments().first();
    auto versions = invocation.service().versionInStageAt(group, *stage.value(), at);
    if (!versions)
        return CommandContext::fail(versions.error());
    // The answer comes from the trail, so say when the trail itself cannot be trusted.
    auto verified = invocation.service().verifyAudit();
    const bool intact = verified && verified.value().ok;
    if (!intact)
        std::fputs(qPrintable(tr("genaiops: warning: the audit trail is broken (see `registry audit --verify`); this "
                                 "answer may be wrong\n")),
                   stderr);
    const QString stageName = RegistryNames::stage(*stage.value());
    const QString atText = at.toUTC().toString(Qt::ISODateWithMs);
    if (invocation.json()) {
        QJsonArray array;
        for (int version : versions.value())
            array.append(version);
        CommandContext::printJson({{QStringLiteral("group"), group},
                                   {QStringLiteral("stage"), stageName},
                                   {QStringLiteral("at"), atText},
                                   {QStringLiteral("versions"), array},
                                   {QStringLiteral("audit_intact"), intact}});
        return ExitOk;
    }
    QStringList numbers;
    for (int version : versions.value())
        numbers << QStringLiteral("v%1").arg(version);
    CommandContext::print(
        numbers.isEmpty() ? tr("No version of %1 was in %2 at %3.").arg(group, stageName, atText)
                          : tr("In %1 at %2: %3 %4").arg(stageName, atText, group, numbers.join(QStringLiteral(", "))));
    return ExitOk;
}

int RegistryAuditCommand::list(RegistryInvocation &invocation)
{
    const QString group = invocation.arguments().value(0);
    auto entries = invocation.service().audit(group);
    if (!entries)
        return CommandContext::fail(entries.error());
    if (invocation.json()) {
        QJsonArray array;
        for (const AuditEntry &entry : entries.value())
            array.append(AuditTrail::toJson(entry));
        CommandContext::printJson({{QStringLiteral("entries"), array}});
        return ExitOk;
    }
    if (entries.value().isEmpty())
        CommandContext::print(tr("No decisions recorded yet."));
    for (const AuditEntry &entry : entries.value()) {
        QString line = QStringLiteral("#%1 %2 %3 (%4) %5 %6 v%7: %8")
                           .arg(entry.sequence)
                           .arg(entry.at, entry.actor, entry.role, entry.action, entry.group)
                           .arg(entry.version)
                           .arg(RegistryInvocation::transition(entry));
        if (!entry.comment.isEmpty())
            line += QStringLiteral(" \"%1\"").arg(entry.comment);
        if (!entry.overrideReason.isEmpty())
            line += tr(" [override: %1]").arg(entry.overrideReason);
        CommandContext::print(line);
    }
    return ExitOk;
}
