#include "kbcommand.h"

#include "blockingcall.h"
#include "commandcontext.h"
#include "core/providers/chatprovider.h"
#include "core/providers/invocationrecorder.h"
#include "exitcode.h"
#include "provideroptions.h"

#include <QCommandLineParser>
#include <QNetworkAccessManager>

#include <cstdio>

int KbCommand::run(CommandContext &context)
{
    const QString subcommand = context.arguments().value(1);
    const QString help = tr("Subcommands:\n"
                            "  retrieve   the passages a Knowledge Base finds for a query (Retrieve)\n"
                            "  ask        an answer generated from them, with citations (RetrieveAndGenerate)\n");
    if (CommandContext::asksForHelp(subcommand)) {
        CommandContext::print(help);
        return ExitOk;
    }
    CommandContext sub = context.subcommand();
    if (subcommand == QLatin1String("retrieve"))
        return call(sub, true);
    if (subcommand == QLatin1String("ask"))
        return call(sub, false);
    return CommandContext::usage(tr("kb: expected one of:\n%1").arg(help));
}

int KbCommand::call(CommandContext &context, bool retrieveOnly)
{
    const QString name = retrieveOnly ? QStringLiteral("kb retrieve") : QStringLiteral("kb ask");
    QCommandLineParser parser;
    parser.setApplicationDescription(retrieveOnly ? tr("The passages a Knowledge Base retrieves for a query.")
                                                  : tr("An answer from a Knowledge Base, with its citations."));
    ProviderOptions providerOptions;
    providerOptions.addTo(parser);
    const QCommandLineOption sessionOption(QStringLiteral("session"),
                                           tr("Continue a conversation (the session id an earlier answer gave)."),
                                           QStringLiteral("id"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print one JSON object."));
    parser.addOptions({sessionOption, jsonOption});
    parser.addPositionalArgument(retrieveOnly ? QStringLiteral("query") : QStringLiteral("question"),
                                 tr("The text, or - to read it from stdin."));
    if (const std::optional<int> ended = context.parse(parser))
        return *ended;
    if (parser.positionalArguments().size() != 1)
        return CommandContext::usage(tr("%1: give exactly one text (or - for stdin)").arg(name));
    const Result<QString> given = CommandContext::textArgument(parser.positionalArguments().first());
    if (!given)
        return CommandContext::fail(given.error());
    // A question piped in ends with a newline, which would count against the 1,000 characters.
    const QString text = given.value().trimmed();
    if (text.trimmed().isEmpty())
        return CommandContext::usage(tr("%1: the text is empty").arg(name));
    if (retrieveOnly && parser.isSet(sessionOption))
        return CommandContext::usage(tr("kb retrieve: --session belongs to kb ask"));

    ProviderSelection selection = providerOptions.selection(parser);
    if (!selection.provider.isEmpty() && selection.provider != QLatin1String("bedrock-kb"))
        return CommandContext::usage(tr("%1: a Knowledge Base is the provider bedrock-kb").arg(name));
    selection.provider = QStringLiteral("bedrock-kb");
    selection.knowledgeBase.retrieveOnly = retrieveOnly;
    auto workspace = context.workspace();
    if (!workspace)
        return CommandContext::fail(workspace.error());
    auto config = providerOptions.resolve(parser, context, selection);
    if (!config)
        return CommandContext::fail(config.error());

    QNetworkAccessManager network;
    auto provider = ChatProvider::create(config.value(), &network);
    ChatRequest request = ChatRequest::fromPrompt(text);
    request.stream = false;
    request.sessionId = parser.value(sessionOption);
    const Result<ChatResult> outcome = BlockingCall::wait(provider->start(request));
    InvocationRecorder::record(*workspace.value(), QStringLiteral("cli"), config.value(), text, outcome);
    if (!outcome)
        return CommandContext::fail(outcome.error());
    const ChatResult &answer = outcome.value();
    if (parser.isSet(jsonOption)) {
        QJsonObject object{{QStringLiteral("knowledge_base"), config.value().knowledgeBase.id},
                           {QStringLiteral("passages"), RetrievedPassage::toJson(answer.passages)}};
        if (!retrieveOnly) {
            object.insert(QStringLiteral("text"), answer.text);
            object.insert(QStringLiteral("citations"), Citation::toJson(answer.citations));
            object.insert(QStringLiteral("session_id"), answer.sessionId);
        }
        if (answer.guardrail)
            object.insert(QStringLiteral("guardrail"), BlockingCall::guardrailJson(*answer.guardrail));
        CommandContext::printJson(object);
        return ExitOk;
    }
    if (retrieveOnly) {
        for (qsizetype i = 0; i < answer.passages.size(); ++i) {
            const RetrievedPassage &passage = answer.passages[i];
            CommandContext::print(QStringLiteral("[%1] %2  score %3\n%4\n")
                                      .arg(i + 1)
                                      .arg(passage.uri)
                                      .arg(passage.score, 0, 'f', 4)
                                      .arg(passage.text));
        }
        if (answer.passages.isEmpty())
            std::fprintf(stderr, "%s\n", qPrintable(tr("genaiops: nothing was retrieved")));
        return ExitOk;
    }
    // The answer with a numbered mark after each cited part, then the sources the marks point to.
    QString marked = answer.text;
    for (qsizetype c = answer.citations.size() - 1; c >= 0; --c) {
        const Citation &citation = answer.citations[c];
        QStringList marks;
        for (int passage : citation.passages)
            marks << QStringLiteral("[%1]").arg(passage + 1);
        marked.insert(citation.end, marks.join(QString()));
    }
    CommandContext::print(marked);
    for (qsizetype i = 0; i < answer.passages.size(); ++i)
        CommandContext::print(QStringLiteral("[%1] %2").arg(i + 1).arg(answer.passages[i].uri));
    if (answer.guardrail && answer.guardrail->intervened)
        std::fprintf(stderr, "%s\n", qPrintable(BlockingCall::guardrailLines(*answer.guardrail)));
    if (!answer.sessionId.isEmpty())
        std::fprintf(stderr, "%s\n",
                     qPrintable(tr("genaiops: session %1 (continue with --session)").arg(answer.sessionId)));
    return ExitOk;
}
