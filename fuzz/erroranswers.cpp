// What an OpenAI-compatible service or Bedrock answers when it refuses: an HTTP status, Bedrock's
// x-amzn-ErrorType header and a body in whatever shape the service (or a gateway in front of it)
// chose. The first byte picks the status; the second whether the header comes first, as the
// input's first line. Any answer must become an error that says what went wrong, with the status.
#include "core/providers/bedrockprotocol.h"
#include "core/providers/chatrequest.h"
#include "core/providers/openaiprotocol.h"
#include "core/providers/providerconfig.h"
#include "fuzz/fuzzsupport.h"

#include <QNetworkReply>

namespace {

// A reply that holds only headers: the protocols read nothing else of it.
class HeaderReply : public QNetworkReply
{
public:
    explicit HeaderReply(const QByteArray &errorType)
    {
        if (!errorType.isNull())
            setRawHeader("x-amzn-ErrorType", errorType);
        open(QIODevice::ReadOnly);
    }
    void abort() override { }

protected:
    qint64 readData(char *, qint64) override { return -1; }
};

void requireSaysWhat(const Error &error, int status, const char *property)
{
    Fuzz::require(!error.message.isEmpty(), property);
    Fuzz::require(error.message.contains(QString::number(status)), "the error names the HTTP status");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    static constexpr int statuses[] = {400, 401, 403, 404, 429, 500, 502, 503, 504, 408, 413, 424};
    const int status = statuses[data[0] % std::size(statuses)];
    QByteArrayView rest = Fuzz::bytes(data + 2, size - 2);
    QByteArray errorType;
    if (data[1] & 1) {
        const auto [header, body] = Fuzz::split(rest, '\n');
        errorType = header.toByteArray();
        rest = body;
    }
    const QByteArray body = rest.toByteArray();
    const HeaderReply reply(errorType);

    ProviderConfig openai;
    openai.model = QStringLiteral("gpt-4o-mini");
    openai.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/v1"));
    const ChatRequest request = ChatRequest::fromPrompt(QStringLiteral("Which policy covers returns?"));
    const Error fromOpenAi = OpenAiProtocol(openai, request).errorFromAnswer(status, reply, body);
    requireSaysWhat(fromOpenAi, status, "an OpenAI-compatible refusal says what went wrong");
    Fuzz::require(fromOpenAi.kind == ChatProtocol::kindForStatus(status), "the status decides the kind");

    ProviderConfig bedrock;
    bedrock.kind = ProviderConfig::Kind::Bedrock;
    bedrock.model = QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0");
    bedrock.region = QStringLiteral("us-east-1");
    const Error fromBedrock = BedrockProtocol(bedrock, request).errorFromAnswer(status, reply, body);
    requireSaysWhat(fromBedrock, status, "a Bedrock refusal says what went wrong");
    return 0;
}
