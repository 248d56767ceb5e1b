#include "edgecommand.h"

#include "commandcontext.h"
#include "core/edge/recordingrepository.h"
#include "edgelistencommand.h"
#include "edgepublishcommands.h"
#include "exitcode.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace {

QString subcommandHelp()
{
    return EdgeCommand::tr("edge listen --broker mqtt://HOST:PORT|mqtts://HOST:PORT [--topic FILTER] [--qos 0|1] "
                           "[--cafile F --cert F --key F --alpn P]\n"
                           "            [--duration S | --count N] [--record NAME] [--json]\n"
                           "edge simulate --broker URL [--topic T] --devices N --rate MSGS_PER_S --duration S "
                           "[--defect-rate P] [--image-every K]\n"
                           "              [--malformed-every K] [--drift] [--failing-device]\n"
                           "edge replay NAME --broker URL [--speed X]\n"
                           "edge recordings [--delete NAME] [--json]\n"
                           "Add --help after a subcommand for all its options.");
}

} // namespace

int EdgeCommand::run(CommandContext &context)
{
    const QString subcommand = context.arguments().value(1);
    if (CommandContext::asksForHelp(subcommand)) {
        CommandContext::print(subcommandHelp());
        return ExitOk;
    }
    CommandContext sub = context.subcommand();
    if (subcommand == QLatin1String("listen"))
        return EdgeListenCommand::run(sub);
    if (subcommand == QLatin1String("simulate"))
        return EdgePublishCommands::simulate(sub);
    if (subcommand == QLatin1String("replay"))
        return EdgePublishCommands::replay(sub);
    if (subcommand == QLatin1String("recordings"))
        return recordings(sub);
    return CommandContext::usage(tr("edge: expected one of:\n%1").arg(subcommandHelp()));
}

int EdgeCommand::recordings(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("List recorded sessions, or delete one."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON object."));
    const QCommandLineOption remove(QStringLiteral("delete"), tr("Delete the recording NAME."), QStringLiteral("name"));
    parser.addOptions({json, remove});
    if (const std::optional<int> ended = context.parse(parser))
        return *ended;
    Result<Workspace *> workspace = context.workspace();
    if (!workspace)
        return CommandContext::fail(workspace.error());
    RecordingRepository repository(*workspace.value());
    if (parser.isSet(remove)) {
        if (Status removed = repository.remove(parser.value(remove)); !removed)
            return CommandContext::fail(removed.error());
        CommandContext::print(tr("Deleted the recording \"%1\".").arg(parser.value(remove)));
        return ExitOk;
    }
    Result<QList<Recording>> listed = repository.list();
    if (!listed)
        return CommandContext::fail(listed.error());
    if (parser.isSet(json)) {
        QJsonArray recordings;
        for (const Recording &recording : listed.value())
            recordings.append(recording.toJson());
        CommandContext::printJson({{QStringLiteral("recordings"), recordings}});
        return ExitOk;
    }
    if (listed.value().isEmpty())
        CommandContext::print(
            tr("No recordings yet. Record one with: genaiops edge listen --broker URL --record NAME"));
    for (const Recording &recording : listed.value())
        CommandContext::print(tr("%1  %2 messages  from %3 (%4)  %5")
                                  .arg(recording.name, -20)
                                  .arg(recording.messages)
                                  .arg(recording.broker, recording.topics, recording.startedAt));
    return ExitOk;
}
