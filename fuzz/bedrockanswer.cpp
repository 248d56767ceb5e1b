// A Bedrock Converse answer (JSON) or ConverseStream answer (event-stream frames): what a remote
// model server sends is untrusted. The first byte says streamed or not, whether the connection broke,
// and where the reads end.
#include "core/providers/bedrockprotocol.h"
#include "core/providers/chatrequest.h"
#include "core/providers/chatresult.h"
#include "core/providers/providerconfig.h"
#include "fuzz/fuzzsupport.h"

namespace {

struct Answer
{
    ChatResult result;
    bool complete = false;
};

Answer read(bool stream, bool connectionBroke, const QList<QByteArrayView> &reads)
{
    ProviderConfig config;
    config.kind = ProviderConfig::Kind::Bedrock;
    config.model = QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0");
    config.region = QStringLiteral("us-east-1");
    ChatRequest request = ChatRequest::fromPrompt(QStringLiteral("Which policy covers returns?"));
    request.stream = stream;
    BedrockProtocol protocol(config, request);
    Answer answer;
    for (QByteArrayView bytes : reads) {
        if (!protocol.feed(bytes, answer.result))
            return answer;
    }
    answer.complete = bool(protocol.finish(connectionBroke, answer.result));
    return answer;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const bool stream = data[0] & 1;
    const bool connectionBroke = data[0] & 2;
    const QByteArrayView body = Fuzz::bytes(data + 1, size - 1);
    const Answer whole = read(stream, connectionBroke, {body});
    const Answer pieces = read(stream, connectionBroke, Fuzz::chunks(body, data[0]));
    Fuzz::require(whole.complete == pieces.complete, "the verdict does not depend on where reads end");
    if (whole.complete)
        Fuzz::require(whole.result.text == pieces.result.text && whole.result.stopReason == pieces.result.stopReason,
                      "nor does the answer");
    return 0;
}
