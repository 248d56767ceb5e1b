#include "registrydecisioncommands.h"

#include "commandcontext.h"
#include "core/registry/registryjson.h"
#include "exitcode.h"
#include "registryinvocation.h"

#include <QJsonArray>

int RegistryDecisionCommands::registerVersion(RegistryInvocation &invocation)
{
    if (invocation.arguments().size() != 1)
        return CommandContext::usage(tr("registry register expects one GROUP"));
    if (!invocation.isSet(QStringLiteral("artifact")))
        return CommandContext::usage(tr("registry register: --artifact URI is required"));
    ModelVersion version;
    version.group = invocation.arguments().first();
    version.artifactUri = invocation.value(QStringLiteral("artifact"));
    version.description = invocation.value(QStringLiteral("description"));
    for (const QString &metric : invocation.values(QStringLiteral("metric"))) {
        const qsizetype equals = metric.indexOf(QLatin1Char('='));
        bool ok = false;
        const double value = metric.mid(equals + 1).trimmed().toDouble(&ok);
        if (equals <= 0 || !ok)
            return CommandContext::usage(tr("--metric expects NAME=NUMBER, not \"%1\"").arg(metric));
        version.metrics.insert(metric.left(equals).trimmed(), value);
    }
    for (const QString &run : invocation.values(QStringLiteral("eval-run"))) {
        bool ok = false;
        const qint64 id = run.toLongLong(&ok);
        if (!ok || id <= 0)
            return CommandContext::usage(
                tr("--eval-run expects a RUN_ID (see `genaiops eval list`), not \"%1\"").arg(run));
        version.evalRunIds << id;
    }
    auto actor = invocation.actor();
    if (!actor)
        return CommandContext::fail(actor.error());
    auto registered = invocation.service().registerVersion(version, actor.value());
    if (!registered)
        return CommandContext::fail(registered.error());
    const ModelVersion &stored = registered.value().version;
    if (invocation.json()) {
        CommandContext::printJson({{QStringLiteral("version"), RegistryJson::version(stored)},
                                   {QStringLiteral("audit"), AuditTrail::toJson(registered.value().audit.value(0))}});
        return ExitOk;
    }
    CommandContext::print(tr("Registered %1 version %2 by %3, pending approval for %4.")
                              .arg(stored.group)
                              .arg(stored.version)
                              .arg(stored.registrant, RegistryNames::stage(stored.stage)));
    return ExitOk;
}

int RegistryDecisionCommands::approve(RegistryInvocation &invocation)
{
    return decide(invocation, DecisionAction::Approve, QStringLiteral("approve"));
}

int RegistryDecisionCommands::reject(RegistryInvocation &invocation)
{
    return decide(invocation, DecisionAction::Reject, QStringLiteral("reject"));
}

int RegistryDecisionCommands::promote(RegistryInvocation &invocation)
{
    if (!invocation.isSet(QStringLiteral("to")))
        return CommandContext::usage(tr("registry promote: --to STAGE is required (Dev, Test, Prod or Archived)"));
    return decide(invocation, DecisionAction::Promote, QStringLiteral("promote"));
}

int RegistryDecisionCommands::decide(RegistryInvocation &invocation, DecisionAction action, const QString &name)
{
    auto which = invocation.groupAndVersion(name);
    if (!which)
        return CommandContext::fail(which.error());
    auto stage
        = invocation.stageOption(action == DecisionAction::Promote ? QStringLiteral("to") : QStringLiteral("stage"));
    if (!stage)
        return CommandContext::fail(stage.error());
    auto actor = invocation.actor();
    if (!actor)
        return CommandContext::fail(actor.error());
    Decision decision;
    decision.action = action;
    decision.group = which.value().first;
    decision.version = which.value().second;
    decision.toStage = stage.value();
    decision.comment = invocation.value(QStringLiteral("comment"));
    decision.overrideReason = invocation.value(QStringLiteral("override-reason"));
    decision.expectedModifiedAt = invocation.value(QStringLiteral("expected-modified-at"));
    RegistryService &service = invocation.service();

    if (invocation.isSet(QStringLiteral("dry-run"))) {
        auto check = service.check(decision, actor.value());
        if (!check)
            return CommandContext::fail(check.error());
        if (invocation.json())
            CommandContext::printJson(RegistryJson::check(check.value()));
        else
            printCheck(check.value());
        return check.value().allowed() ? ExitOk : ExitGateFailed;
    }
    auto decided = service.decide(decision, actor.value());
    if (!decided) {
        // Scripts get the whole check on stdout, so they can tell which rules are missing.
        if (decided.error().kind == Error::Kind::Refused && invocation.json()) {
            auto check = service.check(decision, actor.value());
            QJsonObject object
                = check ? RegistryJson::check(check.value()) : QJsonObject{{QStringLiteral("allowed"), false}};
            object.insert(QStringLiteral("error"), decided.error().describe());
            CommandContext::printJson(object);
        }
        return CommandContext::fail(decided.error());
    }
    const RegistryService::Outcome &outcome = decided.value();
    if (invocation.json()) {
        QJsonArray archived, audit;
        for (const ModelVersion &version : outcome.archived)
            archived.append(RegistryJson::version(version));
        for (const AuditEntry &entry : outcome.audit)
            audit.append(AuditTrail::toJson(entry));
        QJsonObject object{{QStringLiteral("version"), RegistryJson::version(outcome.version)},
                           {QStringLiteral("archived"), archived},
                           {QStringLiteral("audit"), audit}};
        object.insert(QStringLiteral("policy"), RegistryJson::check(outcome.check));
        CommandContext::printJson(object);
        return ExitOk;
    }
    const ModelVersion &version = outcome.version;
    CommandContext::print(tr("%1 version %2 is now %3 in %4 (audit entry %5).")
                              .arg(version.group)
                              .arg(version.version)
                              .arg(RegistryNames::status(version.status), RegistryNames::stage(version.stage))
                              .arg(outcome.audit.value(0).sequence));
    for (const ModelVersion &old : outcome.archived)
        CommandContext::print(tr("Version %1 left Prod and is archived.").arg(old.version));
    for (const PolicyRule &rule : outcome.check.rules)
        if (rule.name == QLatin1String("evidence") && !outcome.audit.value(0).overrideReason.isEmpty())
            CommandContext::print(tr("Evidence: %1").arg(rule.detail));
    return ExitOk;
}

void RegistryDecisionCommands::printCheck(const PolicyCheck &check)
{
    for (const PolicyRule &rule : check.rules)
        CommandContext::print(
            QStringLiteral("%1 %2: %3")
                .arg(rule.satisfied ? QStringLiteral("ok     ") : QStringLiteral("MISSING"), rule.name, rule.detail));
    CommandContext::print(check.allowed() ? tr("Allowed.") : tr("Refused by rule %1.").arg(check.firstRefusal()->name));
}
