// The line diff between two prompt versions: whatever the texts, the diff's unchanged and removed
// lines are the old text and its unchanged and added lines the new one, in order.
#include "core/common/textdiff.h"

#include "fuzz/fuzzsupport.h"

namespace {

// Lines as the diff sees them: CR LF is a line break, a final break ends the last line.
QStringList linesOf(const QString &text)
{
    if (text.isEmpty())
        return {};
    QStringList lines = QString(text).replace(QStringLiteral("\r\n"), QStringLiteral("\n")).split(u'\n');
    if (lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto [first, second] = Fuzz::split(Fuzz::bytes(data, size), '\0');
    const QString before = QString::fromUtf8(first);
    const QString after = QString::fromUtf8(second);
    const QList<DiffLine> diff = TextDiff::lines(before, after);
    QStringList old;
    QStringList current;
    for (const DiffLine &line : diff) {
        if (line.kind != DiffLine::Kind::Added) {
            old << line.text;
            Fuzz::require(line.oldLine == old.size(), "old line numbers count the old text's lines");
        }
        if (line.kind != DiffLine::Kind::Removed) {
            current << line.text;
            Fuzz::require(line.newLine == current.size(), "new line numbers count the new text's lines");
        }
    }
    Fuzz::require(old == linesOf(before), "the diff holds the old text");
    Fuzz::require(current == linesOf(after), "the diff holds the new text");
    TextDiff::unified(diff);
    return 0;
}
