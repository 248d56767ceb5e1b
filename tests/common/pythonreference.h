#pragma once

#include <QJsonValue>
#include <QString>

// Runs a Python snippet under Debian's python3 (which has python3-scipy and python3-sklearn from the
// README's test command) with `input` as JSON on stdin, and returns the JSON it prints. A missing
// interpreter or package fails the calling test with the interpreter's own message: the reference
// is part of the test, never optional.
class PythonReference
{
public:
    static constexpr auto interpreter = "/usr/bin/python3";
    // The snippet reads `data` (the parsed input) and sets `result`.
    static QJsonValue evaluate(const QString &snippet, const QJsonValue &input, QString *error);
};
