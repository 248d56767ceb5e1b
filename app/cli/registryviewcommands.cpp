#include "registryviewcommands.h"

#include "commandcontext.h"
#include "core/registry/registryjson.h"
#include "core/registry/stageflow.h"
#include "exitcode.h"
#include "registryinvocation.h"

#include <QJsonArray>

int RegistryViewCommands::groups(RegistryInvocation &invocation)
{
    if (!invocation.arguments().isEmpty())
        return CommandContext::usage(tr("registry groups takes no arguments"));
    auto groups = invocation.service().groups();
    if (!groups)
        return CommandContext::fail(groups.error());
    if (invocation.json()) {
        QJsonArray array;
        for (const ModelGroup &group : groups.value())
            array.append(RegistryJson::group(group));
        CommandContext::printJson(
            {{QStringLiteral("backend"), invocation.service().backend().name()}, {QStringLiteral("groups"), array}});
        return ExitOk;
    }
    if (groups.value().isEmpty())
        CommandContext::print(
            tr("No model groups yet. Register a version with: genaiops registry register GROUP --artifact URI"));
    for (const ModelGroup &group : groups.value())
        CommandContext::print(tr("%1\t%2 versions, %3 pending\t%4")
                                  .arg(group.name)
                                  .arg(group.versionCount)
                                  .arg(group.pendingCount)
                                  .arg(group.description));
    return ExitOk;
}

int RegistryViewCommands::versions(RegistryInvocation &invocation)
{
    if (invocation.arguments().size() != 1)
        return CommandContext::usage(tr("registry versions expects one GROUP"));
    std::optional<ApprovalStatus> status;
    if (invocation.isSet(QStringLiteral("status"))) {
        status = RegistryNames::statusFromName(invocation.value(QStringLiteral("status")));
        if (!status)
            return CommandContext::usage(tr("--status must be PendingManualApproval (pending), Approved or Rejected"));
    }
    const QString group = invocation.arguments().first();
    auto versions = invocation.service().versions(group, status);
    if (!versions)
        return CommandContext::fail(versions.error());
    if (invocation.json()) {
        QJsonArray array;
        for (const ModelVersion &version : versions.value())
            array.append(RegistryJson::version(version));
        CommandContext::printJson({{QStringLiteral("group"), group}, {QStringLiteral("versions"), array}});
        return ExitOk;
    }
    if (versions.value().isEmpty())
        CommandContext::print(tr("No versions in \"%1\"%2.").arg(group, status ? tr(" with that status") : QString()));
    for (const ModelVersion &version : versions.value())
        RegistryInvocation::printVersionLine(version);
    return ExitOk;
}

int RegistryViewCommands::show(RegistryInvocation &invocation)
{
    auto which = invocation.groupAndVersion(QStringLiteral("show"));
    if (!which)
        return CommandContext::fail(which.error());
    RegistryService &service = invocation.service();
    auto version = service.version(which.value().first, which.value().second);
    if (!version)
        return CommandContext::fail(version.error());
    const ModelVersion &shown = version.value();
    const QList<RunEvidence> evidence = service.evidence(shown);
    auto history = service.audit(shown.group);
    if (!history)
        return CommandContext::fail(history.error());
    QList<AuditEntry> entries;
    for (const AuditEntry &entry : history.value())
        if (entry.version == shown.version)
            entries << entry;
    if (invocation.json()) {
        QJsonObject object = RegistryJson::version(shown);
        QJsonArray runs, decisions;
        for (const RunEvidence &run : evidence)
            runs.append(run.toJson());
        for (const AuditEntry &entry : entries)
            decisions.append(AuditTrail::toJson(entry));
        object.insert(QStringLiteral("evidence"), runs);
        object.insert(QStringLiteral("history"), decisions);
        CommandContext::printJson(object);
        return ExitOk;
    }
    const std::optional<Stage> awaiting = StageFlow::awaiting(shown);
    CommandContext::print(tr("%1 version %2").arg(shown.group).arg(shown.version));
    CommandContext::print(
        tr("  Status:      %1, stage %2 (%3)")
            .arg(RegistryNames::status(shown.status), RegistryNames::stage(shown.stage), shown.stageStatus));
    CommandContext::print(
        tr("  Waiting for: %1")
            .arg(awaiting ? tr("a %1 decision").arg(RegistryNames::stage(*awaiting)) : tr("nothing")));
    CommandContext::print(tr("  Artifact:    %1").arg(shown.artifactUri));
    if (!shown.description.isEmpty())
        CommandContext::print(tr("  Description: %1").arg(shown.description));
    CommandContext::print(tr("  Registered:  %1 by %2").arg(shown.createdAt, shown.registrant));
    CommandContext::print(tr("  Metrics:     %1").arg(RegistryInvocation::metricsText(shown)));
    for (const RunEvidence &run : evidence) {
        CommandContext::print(tr("  Evidence:    %1").arg(run.describe()));
        for (const QString &line : run.agreementLines())
            CommandContext::print(tr("               judge against people: %1").arg(line));
    }
    for (const AuditEntry &entry : entries)
        CommandContext::print(
            tr("  #%1 %2 %3 (%4) %5: %6 %7")
                .arg(entry.sequence)
                .arg(entry.at, entry.actor, entry.role, entry.action, RegistryInvocation::transition(entry))
                .arg(entry.comment.isEmpty() ? QString() : QLatin1Char('"') + entry.comment + QLatin1Char('"')));
    return ExitOk;
}

int RegistryViewCommands::inbox(RegistryInvocation &invocation)
{
    if (!invocation.arguments().isEmpty())
        return CommandContext::usage(tr("registry inbox takes no arguments"));
    auto actor = invocation.actor();
    if (!actor)
        return CommandContext::fail(actor.error());
    auto waiting = invocation.service().inbox(actor.value());
    if (!waiting)
        return CommandContext::fail(waiting.error());
    if (invocation.json()) {
        QJsonArray array;
        for (const ModelVersion &version : waiting.value())
            array.append(RegistryJson::version(version));
        CommandContext::printJson({{QStringLiteral("user"), actor.value().user},
                                   {QStringLiteral("role"), RegistryNames::role(actor.value().role)},
                                   {QStringLiteral("versions"), array}});
        return ExitOk;
    }
    if (waiting.value().isEmpty())
        CommandContext::print(tr("Nothing waits for a decision by %1 as %2.")
                                  .arg(actor.value().user, RegistryNames::role(actor.value().role)));
    for (const ModelVersion &version : waiting.value())
        CommandContext::print(tr("%1 v%2\twaits for %3\tregistered by %4\t%5")
                                  .arg(version.group)
                                  .arg(version.version)
                                  .arg(RegistryNames::stage(StageFlow::awaiting(version).value_or(Stage::None)),
                                       version.registrant, RegistryInvocation::metricsText(version)));
    return ExitOk;
}
