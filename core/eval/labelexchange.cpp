#include "core/eval/labelexchange.h"

#include "core/eval/labelrepository.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

Result<qint64> LabelExchange::exportLabels(Workspace &workspace, qint64 runId, const QString &path)
{
    auto labels = LabelRepository(workspace).labels(runId);
    if (!labels)
        return labels.error();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(Error::Kind::Input, tr("cannot write: %1").arg(file.errorString()), path);
    for (const HumanLabel &label : labels.value())
        file.write(QJsonDocument(label.toJson()).toJson(QJsonDocument::Compact) + '\n');
    if (!file.commit())
        return makeError(Error::Kind::Input, tr("cannot write: %1").arg(file.errorString()), path);
    return qint64(labels.value().size());
}

Result<qint64> LabelExchange::importLabels(Workspace &workspace, const QString &path, qint64 runId)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Kind::Input, tr("cannot read: %1").arg(file.errorString()), path);
    const QString name = QFileInfo(path).fileName();
    QList<HumanLabel> labels;
    QStringList places;
    for (int line = 1; !file.atEnd(); ++line) {
        const QByteArray bytes = file.readLine(lineLimit + 1);
        const QString where = QStringLiteral("%1:%2").arg(name).arg(line);
        if (bytes.size() > lineLimit && !bytes.endsWith('\n'))
            return makeError(Error::Kind::Input, tr("the line is longer than %1 bytes").arg(lineLimit), where);
        if (bytes.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
        if (!document.isObject())
            return makeError(Error::Kind::Input,
                             error.error != QJsonParseError::NoError
                                 ? tr("not JSON: %1 at column %2").arg(error.errorString()).arg(error.offset + 1)
                                 : tr("not a JSON object"),
                             where);
        QJsonObject object = document.object();
        if (runId > 0)
            object.insert(QStringLiteral("run_id"), runId);
        auto label = HumanLabel::fromJson(object, where);
        if (!label)
            return label.error();
        label.value().source = label.value().source.isEmpty() ? QStringLiteral("import") : label.value().source;
        labels << label.value();
        places << where;
    }
    if (file.error() != QFileDevice::NoError)
        return makeError(Error::Kind::Input, tr("cannot read: %1").arg(file.errorString()), path);
    const Status stored = LabelRepository(workspace).store(labels, places);
    if (!stored)
        return stored.error();
    return qint64(labels.size());
}
