#pragma once

#include <QList>
#include <QString>

// One line of a line diff. Line numbers count from 1; 0 means the line has no place on that side
// (an added line has no old line, a removed line no new one).
struct DiffLine
{
    enum class Kind { Same, Added, Removed };

    Kind kind = Kind::Same;
    QString text;
    int oldLine = 0;
    int newLine = 0;
};

// Line diff of two texts with Myers' algorithm in its linear-space form, so two unrelated texts of
// a few thousand lines cost milliseconds and no quadratic table.
class TextDiff
{
public:
    // Every line of both texts in order. Within a changed block removed lines come before added ones.
    // A final newline does not make an extra empty line, and "\r\n" counts as "\n".
    static QList<DiffLine> lines(const QString &before, const QString &after);

    // Hunks with `@@ -old,count +new,count @@` headers and `context` unchanged lines around each
    // change, lines prefixed with ' ', '-' or '+'. A negative context gives the whole text as one hunk.
    // Empty when nothing changed.
    static QString unified(const QList<DiffLine> &lines, int context = 3);
};
