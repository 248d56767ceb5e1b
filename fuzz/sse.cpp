// Server-sent events (OpenAI-compatible streams): the same events whichever way the bytes were cut
// into network reads.
#include "core/providers/sseparser.h"
#include "fuzz/fuzzsupport.h"

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
    SseParser whole;
    const QList<QByteArray> expected = whole.feed(stream);
    SseParser pieces;
    QList<QByteArray> events;
    for (QByteArrayView piece : Fuzz::chunks(stream, data[0]))
        events += pieces.feed(piece);
    Fuzz::require(events == expected, "the events do not depend on where reads end");
    Fuzz::require(pieces.hasPartialEvent() == whole.hasPartialEvent(), "nor does what is left unfinished");
    return 0;
}
