#include "core/edge/reviewmanifest.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

QString ReviewItem::labelName(Label label)
{
    switch (label) {
    case Label::None:
        return {};
    case Label::Good:
        return QStringLiteral("good");
    case Label::Defective:
        return QStringLiteral("defective");
    case Label::Unsure:
        return QStringLiteral("unsure");
    }
    return {};
}

ReviewItem::Label ReviewItem::labelFromName(const QString &name)
{
    for (Label label : {Label::Good, Label::Defective, Label::Unsure}) {
        if (labelName(label) == name)
            return label;
    }
    return Label::None;
}

Result<ReviewManifest::Written> ReviewManifest::write(const QList<ReviewItem> &items, const QString &path)
{
    const QFileInfo info(path);
    const QString imageFolder = info.completeBaseName() + QStringLiteral("-images");
    QDir directory = info.absoluteDir();
    QSaveFile manifest(path);
    if (!manifest.open(QIODevice::WriteOnly))
        return makeError(Error::Kind::Storage, manifest.errorString(), path);
    Written written;
    for (const ReviewItem &item : items) {
        if (item.label == ReviewItem::Label::None) {
            ++written.skipped;
            continue;
        }
        const InspectionResult &inspection = item.inspection;
        QString image = inspection.imageUri;
        if (image.isEmpty() && !inspection.imageBase64.isEmpty()) {
            if (!directory.mkpath(imageFolder))
                return makeError(Error::Kind::Storage, tr("cannot create the image folder"),
                                 directory.filePath(imageFolder));
            const QString name
                = QStringLiteral("%1/%2-%3.png").arg(imageFolder, inspection.deviceId).arg(inspection.timestampMs);
            QSaveFile file(directory.filePath(name));
            if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::fromBase64(inspection.imageBase64)) < 0
                || !file.commit())
                return makeError(Error::Kind::Storage, file.errorString(), file.fileName());
            image = name;
            ++written.images;
        }
        const QJsonObject line{
            {QStringLiteral("image"), image},
            {QStringLiteral("label"), ReviewItem::labelName(item.label)},
            {QStringLiteral("device"), inspection.deviceId},
            {QStringLiteral("timestamp"),
             QDateTime::fromMSecsSinceEpoch(inspection.timestampMs, Qt::UTC).toString(Qt::ISODateWithMs)},
            {QStringLiteral("model_prediction"), inspection.prediction},
            {QStringLiteral("confidence"), inspection.confidence}};
        if (manifest.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n') < 0)
            return makeError(Error::Kind::Storage, manifest.errorString(), path);
        ++written.items;
    }
    if (!manifest.commit())
        return makeError(Error::Kind::Storage, manifest.errorString(), path);
    return written;
}
