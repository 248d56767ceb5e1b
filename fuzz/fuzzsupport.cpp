#include "fuzz/fuzzsupport.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

namespace Fuzz {

void initialize(int *argc, char ***argv)
{
    // Kept for the life of the process: libFuzzer never returns to main.
    static QCoreApplication application(*argc, *argv);
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        if (type == QtFatalMsg) {
            std::fprintf(stderr, "qFatal: %s\n", qPrintable(message));
            std::abort();
        }
    });
}

QList<QByteArrayView> chunks(QByteArrayView data, std::uint8_t seed)
{
    QList<QByteArrayView> pieces;
    std::uint32_t state = seed | 1u;
    for (qsizetype offset = 0; offset < data.size();) {
        state = state * 1103515245u + 12345u; // any cheap sequence will do; it only has to repeat
        const qsizetype length = qMin<qsizetype>(1 + (state >> 16) % 64, data.size() - offset);
        pieces.append(data.sliced(offset, length));
        offset += length;
    }
    return pieces;
}

std::pair<QByteArrayView, QByteArrayView> split(QByteArrayView data, char separator)
{
    const qsizetype at = data.indexOf(separator);
    if (at < 0)
        return {data, {}};
    return {data.first(at), data.sliced(at + 1)};
}

void fail(const char *property)
{
    std::fprintf(stderr, "property does not hold: %s\n", property);
    std::abort();
}

} // namespace Fuzz
