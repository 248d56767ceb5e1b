#include "common/pythonreference.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

QJsonValue PythonReference::evaluate(const QString &snippet, const QJsonValue &input, QString *error)
{
    const QString program = QStringLiteral("import json, sys\n"
                                           "data = json.load(sys.stdin)['input']\n"
                                           "result = None\n")
        + snippet + QStringLiteral("\njson.dump({'result': result}, sys.stdout)\n");
    QProcess python;
    python.start(QString::fromLatin1(interpreter), {QStringLiteral("-c"), program});
    if (!python.waitForStarted(10000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(QString::fromLatin1(interpreter), python.errorString());
        return {};
    }
    python.write(QJsonDocument(QJsonObject{{QStringLiteral("input"), input}}).toJson(QJsonDocument::Compact));
    python.closeWriteChannel();
    if (!python.waitForFinished(120000) || python.exitCode() != 0) {
        *error = QString::fromUtf8(python.readAllStandardError());
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument output = QJsonDocument::fromJson(python.readAllStandardOutput(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = parseError.errorString();
        return {};
    }
    return output.object().value(QStringLiteral("result"));
}
