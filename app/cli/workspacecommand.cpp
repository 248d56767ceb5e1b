#include "workspacecommand.h"

#include "commandcontext.h"
#include "core/secrets/credentialprofilerepository.h"
#include "core/team/teamroles.h"
#include "core/team/workspacemigration.h"
#include "core/workspaceschema.h"
#include "exitcode.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

namespace {

QJsonObject infoToJson(const Workspace::Info &info, qsizetype profiles)
{
    QJsonObject schema;
    for (auto it = info.schemaVersions.cbegin(); it != info.schemaVersions.cend(); ++it)
        schema.insert(it.key(), it.value());
    return {{QStringLiteral("location"), info.location},
            {QStringLiteral("backend"), info.backend},
            {QStringLiteral("format"), info.format},
            {QStringLiteral("schema"), schema},
            {QStringLiteral("journal_mode"), info.journalMode},
            {QStringLiteral("size_bytes"), info.sizeBytes},
            {QStringLiteral("created_at"), info.createdAt},
            {QStringLiteral("created_by_version"), info.createdByVersion},
            {QStringLiteral("profiles"), qint64(profiles)},
            {QStringLiteral("server"), info.server},
            {QStringLiteral("session_user"), info.sessionUser}};
}

// grant LOGIN ROLE, revoke LOGIN, members: who holds which workbench role in a team workspace.
int runTeamAction(Workspace &workspace, const QStringList &positional, bool json)
{
    TeamRoles roles(workspace);
    const QString &action = positional[0];
    if (action == QLatin1String("members")) {
        auto members = roles.members();
        if (!members)
            return CommandContext::fail(members.error());
        QJsonArray rows;
        for (const TeamRoles::Member &member : members.value()) {
            rows.append(QJsonObject{{QStringLiteral("login"), member.login}, {QStringLiteral("role"), member.role}});
            if (!json)
                CommandContext::print(QStringLiteral("%1  %2").arg(member.login, -24).arg(member.role));
        }
        if (json)
            CommandContext::printJson({{QStringLiteral("members"), rows}});
        return ExitOk;
    }
    const bool granting = action == QLatin1String("grant");
    if (positional.size() != (granting ? 3 : 2))
        return CommandContext::usage(granting
                                         ? WorkspaceCommand::tr("workspace grant expects LOGIN_ROLE WORKBENCH_ROLE, "
                                                                "e.g. `workspace grant alice data-scientist`")
                                         : WorkspaceCommand::tr("workspace revoke expects LOGIN_ROLE"));
    const Status changed = granting ? roles.grant(positional[1], positional[2]) : roles.revoke(positional[1]);
    if (!changed)
        return CommandContext::fail(changed.error());
    const QString message = granting ? WorkspaceCommand::tr("%1 is now %2").arg(positional[1], positional[2])
                                     : WorkspaceCommand::tr("%1 holds no workbench role now").arg(positional[1]);
    if (json)
        CommandContext::printJson(
            {{QStringLiteral("login"), positional[1]}, {QStringLiteral("role"), granting ? positional[2] : QString()}});
    else
        CommandContext::print(message);
    return ExitOk;
}

// migrate --from FILE --to URI: a local workspace copied into an empty team one.
int runMigration(const QString &fromPath, const QString &toUri, bool json)
{
    if (fromPath.isEmpty() || toUri.isEmpty())
        return CommandContext::usage(
            WorkspaceCommand::tr("workspace migrate expects --from FILE --to postgresql://USER@HOST:PORT/DB"));
    auto from = Workspace::open(fromPath, Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules());
    if (!from)
        return CommandContext::fail(from.error());
    if (from.value()->isTeam())
        return CommandContext::usage(WorkspaceCommand::tr("--from is a local workspace file"));
    auto to = Workspace::open(toUri, Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules());
    if (!to)
        return CommandContext::fail(to.error());
    auto report
        = WorkspaceMigration::run(*from.value(), *to.value(), [json](const QString &table, qint64 done, qint64 total) {
              if (!json && total >= 10000)
                  std::fprintf(stderr, "%s: %lld of %lld\n", qPrintable(table), qlonglong(done), qlonglong(total));
          });
    if (!report)
        return CommandContext::fail(report.error());
    QJsonObject tables;
    for (const WorkspaceMigration::Table &table : report.value().tables)
        tables.insert(table.name, table.rows);
    if (json) {
        CommandContext::printJson({{QStringLiteral("from"), from.value()->location()},
                                   {QStringLiteral("to"), to.value()->info().value().server},
                                   {QStringLiteral("rows"), report.value().rows()},
                                   {QStringLiteral("tables"), tables},
                                   {QStringLiteral("audit_entries"), report.value().auditEntries},
                                   {QStringLiteral("audit_verified"), true}});
        return ExitOk;
    }
    CommandContext::print(WorkspaceCommand::tr("Copied %1 rows from %2 tables into %3; the audit trail's %4 entries "
                                               "verify there.")
                              .arg(report.value().rows())
                              .arg(report.value().tables.size())
                              .arg(to.value()->info().value().server)
                              .arg(report.value().auditEntries));
    return ExitOk;
}

} // namespace

int WorkspaceCommand::run(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show or check the workspace; in a team workspace, grant workbench roles."));
    parser.addPositionalArgument(QStringLiteral("action"),
                                 tr("info, check, members, grant LOGIN_ROLE WORKBENCH_ROLE, revoke LOGIN_ROLE or "
                                    "migrate --from FILE --to URI"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print one JSON object."));
    const QCommandLineOption fromOption(QStringLiteral("from"), tr("migrate: the local workspace file."),
                                        QStringLiteral("file"));
    const QCommandLineOption toOption(QStringLiteral("to"), tr("migrate: the team workspace, a postgresql:// URI."),
                                      QStringLiteral("uri"));
    parser.addOptions({jsonOption, fromOption, toOption});
    if (const std::optional<int> ended = context.parse(parser))
        return *ended;
    const QStringList positional = parser.positionalArguments();
    static const QStringList teamActions{QStringLiteral("members"), QStringLiteral("grant"), QStringLiteral("revoke")};
    if (positional.value(0) == QLatin1String("migrate"))
        return runMigration(parser.value(fromOption), parser.value(toOption), parser.isSet(jsonOption));
    const bool team = !positional.isEmpty() && teamActions.contains(positional[0]);
    if (!team
        && (positional.size() != 1
            || (positional[0] != QLatin1String("info") && positional[0] != QLatin1String("check"))))
        return CommandContext::usage(
            tr("workspace: expected `info`, `check`, `members`, `grant`, `revoke` or `migrate`"));

    auto workspace = context.workspace(Workspace::OpenMode::ExistingOnly);
    if (!workspace)
        return CommandContext::fail(workspace.error());
    const bool json = parser.isSet(jsonOption);
    if (team)
        return runTeamAction(*workspace.value(), positional, json);

    if (positional[0] == QLatin1String("check")) {
        const Status checked = workspace.value()->check();
        if (json)
            CommandContext::printJson({{QStringLiteral("location"), workspace.value()->location()},
                                       {QStringLiteral("ok"), checked.ok()},
                                       {QStringLiteral("problem"), checked ? QString() : checked.error().message}});
        else if (checked)
            CommandContext::print(tr("%1: ok").arg(workspace.value()->location()));
        return checked ? ExitOk : CommandContext::fail(checked.error());
    }

    auto info = workspace.value()->info();
    if (!info)
        return CommandContext::fail(info.error());
    auto profiles = CredentialProfileRepository(*workspace.value()).list();
    const qsizetype profileCount = profiles ? profiles.value().size() : 0;
    if (json) {
        CommandContext::printJson(infoToJson(info.value(), profileCount));
        return ExitOk;
    }
    const Workspace::Info &details = info.value();
    CommandContext::print(tr("Workspace:     %1").arg(details.location));
    if (workspace.value()->isTeam()) {
        auto role = TeamRoles(*workspace.value()).roleOf();
        const QString granted = role && !role.value().isEmpty() ? role.value() : tr("no workbench role");
        CommandContext::print(tr("Backend:       %1 at %2").arg(details.backend, details.server));
        CommandContext::print(tr("You:           %1 (%2)").arg(details.sessionUser, granted));
    } else {
        CommandContext::print(tr("Backend:       %1 (journal %2)").arg(details.backend, details.journalMode));
    }
    CommandContext::print(tr("Format:        %1").arg(details.format));
    for (auto it = details.schemaVersions.cbegin(); it != details.schemaVersions.cend(); ++it)
        CommandContext::print(tr("Schema %1 v%2").arg(it.key() + QLatin1Char(':'), -8).arg(it.value()));
    if (!workspace.value()->isTeam())
        CommandContext::print(tr("Size:          %1 bytes").arg(details.sizeBytes));
    CommandContext::print(tr("Created:       %1 by version %2").arg(details.createdAt, details.createdByVersion));
    CommandContext::print(tr("Profiles:      %1").arg(profileCount));
    return ExitOk;
}
