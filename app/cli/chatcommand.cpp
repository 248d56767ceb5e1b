#include "chatcommand.h"

#include "blockingcall.h"
#include "commandcontext.h"
#include "core/providers/chatcall.h"
#include "core/providers/chatprovider.h"
#include "core/providers/invocationrecorder.h"
#include "exitcode.h"
#include "provideroptions.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QNetworkAccessManager>

#include <cstdio>

namespace {

Result<ChatParameters> parseParameters(const QCommandLineParser &parser, const QCommandLineOption &maxTokens,
                                       const QCommandLineOption &temperature, const QCommandLineOption &topP,
                                       const QCommandLineOption &stop)
{
    ChatParameters parameters;
    bool ok = true;
    if (parser.isSet(maxTokens)) {
        parameters.maxTokens = parser.value(maxTokens).toInt(&ok);
        if (!ok || parameters.maxTokens < 1)
            return makeError(Error::Kind::Usage, ChatCommand::tr("--max-tokens expects a whole number ≥ 1"));
    }
    if (parser.isSet(temperature)) {
        const double value = parser.value(temperature).toDouble(&ok);
        if (!ok || value < 0 || value > 2)
            return makeError(Error::Kind::Usage, ChatCommand::tr("--temperature expects a number from 0 to 2"));
        parameters.temperature = value;
    }
    if (parser.isSet(topP)) {
        const double value = parser.value(topP).toDouble(&ok);
        if (!ok || value <= 0 || value > 1)
            return makeError(Error::Kind::Usage, ChatCommand::tr("--top-p expects a number above 0 and at most 1"));
        parameters.topP = value;
    }
    parameters.stopSequences = parser.values(stop);
    return parameters;
}

void writeOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

} // namespace

int ChatCommand::run(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Send one prompt to a model; text streams to stdout as it arrives."));
    ProviderOptions providerOptions;
    providerOptions.addTo(parser);
    const QCommandLineOption systemOption(QStringLiteral("system"), tr("System prompt."), QStringLiteral("text"));
    const QCommandLineOption maxTokensOption(QStringLiteral("max-tokens"), tr("Most tokens to generate (default 512)."),
                                             QStringLiteral("n"));
    const QCommandLineOption temperatureOption(QStringLiteral("temperature"), tr("Sampling temperature."),
                                               QStringLiteral("t"));
    const QCommandLineOption topPOption(QStringLiteral("top-p"), tr("Nucleus sampling mass."), QStringLiteral("p"));
    const QCommandLineOption stopOption(QStringLiteral("stop"), tr("Stop sequence (repeatable)."),
                                        QStringLiteral("text"));
    const QCommandLineOption noStreamOption(QStringLiteral("no-stream"), tr("Ask for the whole answer at once."));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        tr("Print one JSON object at the end instead of the text."));
    parser.addOptions(
        {systemOption, maxTokensOption, temperatureOption, topPOption, stopOption, noStreamOption, jsonOption});
    parser.addPositionalArgument(QStringLiteral("prompt"), tr("The prompt, or - to read it from stdin."));
    if (const std::optional<int> ended = context.parse(parser))
        return *ended;
    if (parser.positionalArguments().size() != 1)
        return CommandContext::usage(tr("chat: give exactly one PROMPT (or - for stdin)"));

    const Result<QString> given = CommandContext::textArgument(parser.positionalArguments().first());
    if (!given)
        return CommandContext::fail(given.error());
    const QString prompt = given.value();
    if (prompt.trimmed().isEmpty())
        return CommandContext::usage(tr("chat: the prompt is empty"));
    auto parameters = parseParameters(parser, maxTokensOption, temperatureOption, topPOption, stopOption);
    if (!parameters)
        return CommandContext::fail(parameters.error());
    auto config = providerOptions.resolve(parser, context);
    if (!config)
        return CommandContext::fail(config.error());
    auto workspace = context.workspace();
    if (!workspace)
        return CommandContext::fail(workspace.error());

    ChatRequest request = ChatRequest::fromPrompt(prompt, parser.value(systemOption));
    request.parameters = parameters.value();
    request.stream = !parser.isSet(noStreamOption);
    const bool json = parser.isSet(jsonOption);

    QNetworkAccessManager network;
    auto provider = ChatProvider::create(config.value(), &network);
    bool streamed = false;
    const Result<ChatResult> outcome
        = BlockingCall::wait(provider->start(request), [json, &streamed](const QString &text) {
              streamed = true;
              if (!json)
                  writeOut(text);
          });

    InvocationRecorder::record(*workspace.value(), QStringLiteral("cli"), config.value(), prompt, outcome);
    if (!outcome.ok())
        return CommandContext::fail(outcome.error());
    const ChatResult &result = outcome.value();
    if (json) {
        QJsonObject object{{QStringLiteral("text"), result.text},
                           {QStringLiteral("provider"), result.provider},
                           {QStringLiteral("model"), result.model},
                           {QStringLiteral("input_tokens"), result.inputTokens},
                           {QStringLiteral("output_tokens"), result.outputTokens},
                           {QStringLiteral("ttft_ms"), result.ttftMs},
                           {QStringLiteral("latency_ms"), result.latencyMs},
                           {QStringLiteral("stop_reason"), result.stopReason}};
        if (result.guardrail)
            object.insert(QStringLiteral("guardrail"), BlockingCall::guardrailJson(*result.guardrail));
        CommandContext::printJson(object);
    } else {
        // Without streaming the whole answer arrives at the end.
        writeOut(streamed ? QStringLiteral("\n") : result.text + QLatin1Char('\n'));
        // What the guardrail did goes beside the answer, never into it.
        if (result.guardrail && (result.guardrail->intervened || !result.guardrail->firedPolicies().isEmpty()))
            std::fprintf(stderr, "genaiops: %s\n", qPrintable(BlockingCall::guardrailLines(*result.guardrail)));
    }
    return ExitOk;
}
