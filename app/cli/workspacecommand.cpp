#include "workspacecommand.h"

#include "commandcontext.h"
#include "core/secrets/credentialprofilerepository.h"
#include "exitcode.h"

#include <QCommandLineParser>
#include <QJsonObject>

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
            {QStringLiteral("profiles"), qint64(profiles)}};
}

} // namespace

int WorkspaceCommand::run(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show or check the workspace."));
    parser.addPositionalArgument(QStringLiteral("action"), tr("info or check"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print one JSON object."));
    parser.addOption(jsonOption);
    if (const std::optional<int> ended = context.parse(parser))
        return *ended;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || (positional[0] != QLatin1String("info") && positional[0] != QLatin1String("check")))
        return CommandContext::usage(tr("workspace: expected `info` or `check`"));

    auto workspace = context.workspace(Workspace::OpenMode::ExistingOnly);
    if (!workspace)
        return CommandContext::fail(workspace.error());
    const bool json = parser.isSet(jsonOption);

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
    CommandContext::print(tr("Backend:       %1 (journal %2)").arg(details.backend, details.journalMode));
    CommandContext::print(tr("Format:        %1").arg(details.format));
    for (auto it = details.schemaVersions.cbegin(); it != details.schemaVersions.cend(); ++it)
        CommandContext::print(tr("Schema %1 v%2").arg(it.key() + QLatin1Char(':'), -8).arg(it.value()));
    CommandContext::print(tr("Size:          %1 bytes").arg(details.sizeBytes));
    CommandContext::print(tr("Created:       %1 by version %2").arg(details.createdAt, details.createdByVersion));
    CommandContext::print(tr("Profiles:      %1").arg(profileCount));
    return ExitOk;
}
