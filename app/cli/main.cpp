// genaiops: the workbench's core on the command line, for CI pipelines and automation.

#include "chatcommand.h"
#include "commandcontext.h"
#include "core/common/logsink.h"
#include "core/common/version.h"
#include "credentialscommand.h"
#include "edgecommand.h"
#include "evalcommand.h"
#include "exitcode.h"
#include "guardrailcommand.h"
#include "kbcommand.h"
#include "registrycommand.h"
#include "workspacecommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>

#include <functional>

namespace {

struct Command
{
    const char *name;
    const char *summary;
    std::function<int(CommandContext &)> run;
};

const QList<Command> &commands()
{
    static const QList<Command> table = {
        {"workspace",
         QT_TRANSLATE_NOOP("genaiops",
                           "info|check|members|grant|revoke|migrate [--json]: show or verify the workspace, grant team "
                           "roles, move up"),
         WorkspaceCommand::run},
        {"chat", QT_TRANSLATE_NOOP("genaiops", "[provider flags] PROMPT: one prompt to a model, streamed"),
         ChatCommand::run},
        {"eval",
         QT_TRANSLATE_NOOP("genaiops",
                           "run|resume|list|show|import|export|compare|plan|label|labels|agreement: golden-dataset "
                           "evaluations, quality gates and human labels"),
         EvalCommand::run},
        {"guardrail",
         QT_TRANSLATE_NOOP("genaiops",
                           "apply --guardrail ID:VERSION --source input|output TEXT: a Bedrock guardrail on one text"),
         GuardrailCommand::run},
        {"kb", QT_TRANSLATE_NOOP("genaiops", "retrieve|ask: Amazon Bedrock Knowledge Bases (RAG)"), KbCommand::run},
        {"credentials",
         QT_TRANSLATE_NOOP("genaiops", "list|set|delete: connection profiles (secrets in the OS keyring)"),
         CredentialsCommand::run},
        {"registry",
         QT_TRANSLATE_NOOP("genaiops",
                           "groups|versions|show|inbox|register|approve|reject|promote|audit: governed model registry"),
         RegistryCommand::run},
        {"edge",
         QT_TRANSLATE_NOOP("genaiops", "listen|simulate|replay|recordings: inspection results from an MQTT fleet"),
         EdgeCommand::run},
    };
    return table;
}

QString commandHelp()
{
    QString text = QCoreApplication::translate("genaiops", "Commands:\n");
    for (const Command &command : commands())
        text += QStringLiteral("  %1 %2\n")
                    .arg(QString::fromLatin1(command.name), -12)
                    .arg(QCoreApplication::translate("genaiops", command.summary));
    text += QCoreApplication::translate("genaiops",
                                        "\nExit codes: 0 ok, 1 a quality gate failed or a policy refused, 2 usage or "
                                        "input error, 3 service or network error.\n");
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral(GENAIOPS_APPLICATION_NAME));
    QCoreApplication::setOrganizationName(QStringLiteral(GENAIOPS_ORGANIZATION_NAME));
    QCoreApplication::setApplicationVersion(QStringLiteral(GENAIOPS_VERSION));
    LogSink::install();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("genaiops",
                                    "GenAIOps Workbench command line: the same core as the desktop panels.\n\n")
        + commandHelp());
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"),
        QCoreApplication::translate("genaiops",
                                    "Workspace file (default: %1), or a team workspace as a libpq URI "
                                    "(postgresql://USER@HOST:PORT/DB?sslmode=…).")
            .arg(Workspace::defaultPath()),
        QStringLiteral("path|uri"));
    const QCommandLineOption verboseOption(
        QStringLiteral("verbose"), QCoreApplication::translate("genaiops", "Log what the workbench does to stderr."));
    parser.addOptions({workspaceOption, verboseOption});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QCoreApplication::translate("genaiops", "The command to run."),
                                 QStringLiteral("command [options]"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    if (!parser.parse(QCoreApplication::arguments()))
        return CommandContext::usage(parser.errorText());
    // Pipelines read stderr for errors; progress chatter is for --verbose only.
    if (!parser.isSet(verboseOption))
        QLoggingCategory::setFilterRules(QStringLiteral("genaiops.*.info=false"));
    if (parser.isSet(versionOption)) {
        CommandContext::print(QStringLiteral("genaiops ") + QStringLiteral(GENAIOPS_VERSION));
        return ExitOk;
    }
    const QStringList rest = parser.positionalArguments();
    if (parser.isSet(helpOption) || rest.isEmpty()) {
        CommandContext::print(parser.helpText());
        return rest.isEmpty() && !parser.isSet(helpOption) ? ExitUsage : ExitOk;
    }
    for (const Command &command : commands()) {
        if (rest.first() == QLatin1String(command.name)) {
            // The command's own parser sees "genaiops <command> …" so its errors read naturally.
            CommandContext context(QStringList{QStringLiteral("genaiops ") + rest.first()} + rest.mid(1),
                                   parser.value(workspaceOption));
            return command.run(context);
        }
    }
    return CommandContext::usage(QCoreApplication::translate("genaiops", "unknown command \"%1\"").arg(rest.first()));
}
