#include "guardrailcommand.h"

#include "blockingcall.h"
#include "commandcontext.h"
#include "core/providers/chatprovider.h"
#include "core/providers/invocationrecorder.h"
#include "exitcode.h"
#include "provideroptions.h"

#include <QCommandLineParser>
#include <QNetworkAccessManager>

#include <cstdio>

int GuardrailCommand::run(CommandContext &context)
{
    const QString subcommand = context.arguments().value(1);
    const QString help = tr("Subcommands:\n  apply   check one text with a Bedrock guardrail (ApplyGuardrail)\n");
    if (CommandContext::asksForHelp(subcommand)) {
        CommandContext::print(help);
        return ExitOk;
    }
    CommandContext sub = context.subcommand();
    if (subcommand == QLatin1String("apply"))
        return apply(sub);
    return CommandContext::usage(tr("guardrail: expected one of:\n%1").arg(help));
}

int GuardrailCommand::apply(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Check one text with a Bedrock guardrail: what it lets through goes to stdout, what fired to stderr; "
           "exit 1 when it intervened."));
    ProviderOptions providerOptions;
    providerOptions.addTo(parser);
    const QCommandLineOption sourceOption(QStringLiteral("source"), tr("input (a prompt) or output (an answer)."),
                                          QStringLiteral("input|output"));
    const QCommandLineOption groundingOption(QStringLiteral("grounding-source"),
                                             tr("Text the answer must rest on (repeatable; output only)."),
                                             QStringLiteral("text"));
    const QCommandLineOption queryOption(QStringLiteral("query"),
                                         tr("The question the answer must be relevant to (output only)."),
                                         QStringLiteral("text"));
    const QCommandLineOption fullOption(QStringLiteral("full"),
                                        tr("Show every entry checked, not only those that acted."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print one JSON object."));
    parser.addOptions({sourceOption, groundingOption, queryOption, fullOption, jsonOption});
    parser.addPositionalArgument(QStringLiteral("text"), tr("The text, or - to read it from stdin."));
    if (const std::optional<int> ended = context.parse(parser))
        return *ended;
    if (parser.positionalArguments().size() != 1)
        return CommandContext::usage(tr("guardrail apply: give exactly one TEXT (or - for stdin)"));
    if (!providerOptions.hasGuardrail(parser))
        return CommandContext::usage(tr("guardrail apply: --guardrail ID:VERSION is required"));
    const QString source = parser.value(sourceOption).toLower();
    if (source != QLatin1String("input") && source != QLatin1String("output"))
        return CommandContext::usage(tr("guardrail apply: --source expects input or output"));
    GuardrailCheck check;
    check.source = source == QLatin1String("input") ? GuardrailCheck::Source::Input : GuardrailCheck::Source::Output;
    if (check.source == GuardrailCheck::Source::Input && (parser.isSet(groundingOption) || parser.isSet(queryOption)))
        return CommandContext::usage(tr("guardrail apply: --grounding-source and --query check an answer: use them "
                                        "with --source output"));
    check.fullOutput = parser.isSet(fullOption);

    const Result<QString> given = CommandContext::textArgument(parser.positionalArguments().first());
    if (!given)
        return CommandContext::fail(given.error());
    const QString text = given.value();
    if (text.trimmed().isEmpty())
        return CommandContext::usage(tr("guardrail apply: the text is empty"));
    for (const QString &grounding : parser.values(groundingOption))
        check.content.append({grounding, {QStringLiteral("grounding_source")}});
    if (parser.isSet(queryOption))
        check.content.append({parser.value(queryOption), {QStringLiteral("query")}});
    check.content.append(
        {text, check.content.isEmpty() ? QStringList() : QStringList{QStringLiteral("guard_content")}});

    ProviderSelection selection = providerOptions.selection(parser);
    if (!selection.provider.isEmpty() && selection.provider != QLatin1String("bedrock"))
        return CommandContext::usage(tr("guardrail apply: guardrails are Amazon Bedrock's (--provider bedrock)"));
    selection.provider = QStringLiteral("bedrock");
    selection.model = selection.guardrail;
    auto workspace = context.workspace();
    if (!workspace)
        return CommandContext::fail(workspace.error());
    auto config = providerOptions.resolve(parser, context, selection);
    if (!config)
        return CommandContext::fail(config.error());

    QNetworkAccessManager network;
    auto provider = ChatProvider::create(config.value(), &network);
    const Result<ChatResult> outcome = BlockingCall::wait(provider->applyGuardrail(check));
    InvocationRecorder::record(*workspace.value(), QStringLiteral("cli"), config.value(), text, outcome);
    if (!outcome)
        return CommandContext::fail(outcome.error());
    const GuardrailVerdict verdict = outcome.value().guardrail.value_or(GuardrailVerdict{});
    if (parser.isSet(jsonOption)) {
        CommandContext::printJson(BlockingCall::guardrailJson(verdict));
    } else {
        CommandContext::print(outcome.value().text);
        std::fprintf(stderr, "%s\n", qPrintable(BlockingCall::guardrailLines(verdict)));
    }
    return verdict.intervened ? ExitGateFailed : ExitOk;
}
