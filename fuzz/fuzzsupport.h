#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <cstddef>
#include <cstdint>
#include <utility>

// What every fuzz target shares. libFuzzer calls LLVMFuzzerTestOneInput millions of times in one
// process, so each target sets up once (a QCoreApplication: Qt Sql, temporary files and tr() want
// one) and keeps Qt's warnings off stderr, where they would cost more than the parsing.
namespace Fuzz {

void initialize(int *argc, char ***argv);

inline QByteArrayView bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size));
}

// The input cut into pieces whose lengths (1 to 64 bytes) follow from `seed`, so that the fuzzer
// also explores where a network read ends: a frame, a line or a UTF-8 sequence split across reads.
QList<QByteArrayView> chunks(QByteArrayView data, std::uint8_t seed);

// Before and after the first `separator`; the second part is empty when there is none.
std::pair<QByteArrayView, QByteArrayView> split(QByteArrayView data, char separator);

// Ends the process the way libFuzzer reports a crash, saying which property did not hold: a
// target checks what must be true of any input, not only that nothing crashed.
[[noreturn]] void fail(const char *property);

inline void require(bool holds, const char *property)
{
    if (!holds)
        fail(property);
}

// A failure, when there is one, says what went wrong: an error without words helps no one.
template<typename Value> void requireExplained(const Value &result, const char *property)
{
    require(bool(result) || !result.error().message.isEmpty(), property);
}

} // namespace Fuzz
