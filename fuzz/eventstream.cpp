// The AWS event-stream framing of Bedrock's ConverseStream (prelude, CRCs, typed headers): the same
// messages and the same verdict whichever way the bytes were cut into reads, and no frame longer
// than the limit is ever buffered.
#include "core/providers/eventstreamdecoder.h"
#include "fuzz/fuzzsupport.h"

namespace {

struct Decoded
{
    QList<EventStreamMessage> messages;
    bool failed = false;
    bool complete = false;
};

Decoded decode(const QList<QByteArrayView> &reads)
{
    constexpr qsizetype limit = 64 * 1024;
    EventStreamDecoder decoder(limit);
    Decoded decoded;
    for (QByteArrayView read : reads) {
        // A read that ends in a bad frame still gives the messages before it; the failure comes
        // with the next read, or from finish().
        Result<QList<EventStreamMessage>> messages = decoder.feed(read);
        if (!messages)
            break;
        decoded.messages += messages.value();
        if (!decoder.hasFailed())
            Fuzz::require(decoder.bufferedBytes() <= limit, "no more than one frame's limit is buffered");
    }
    decoded.failed = decoder.hasFailed();
    decoded.complete = bool(decoder.finish());
    return decoded;
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
    const QByteArrayView stream = Fuzz::bytes(data + 1, size - 1);
    const Decoded whole = decode({stream});
    const Decoded pieces = decode(Fuzz::chunks(stream, data[0]));
    Fuzz::require(pieces.failed == whole.failed && pieces.complete == whole.complete,
                  "the verdict does not depend on where reads end");
    Fuzz::require(pieces.messages == whole.messages, "nor do the messages before any failure");
    return 0;
}
