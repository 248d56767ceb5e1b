#include "core/edge/reviewlabelrepository.h"

#include "core/storage/workspace.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

Status ReviewLabelRepository::store(const ReviewItem &item)
{
    if (item.label == ReviewItem::Label::None)
        return makeError(Error::Kind::Usage, tr("an inspection without a label is not stored"));
    const InspectionResult &inspection = item.inspection;
    auto stored = m_workspace.execute(
        QStringLiteral("INSERT INTO edge_review_labels (device_id, timestamp_ms, prediction, defective, confidence,"
                       " image_uri, image_base64, defect_type, bounding_box, topic, label, labelled_at)"
                       " VALUES (:device, :timestamp, :prediction, :defective, :confidence, :uri, :image, :defect,"
                       " :box, :topic, :label, :at)"
                       " ON CONFLICT (device_id, timestamp_ms) DO UPDATE SET label = excluded.label,"
                       " labelled_at = excluded.labelled_at"),
        {{QStringLiteral("device"), inspection.deviceId},
         {QStringLiteral("timestamp"), inspection.timestampMs},
         {QStringLiteral("prediction"), inspection.prediction},
         {QStringLiteral("defective"), inspection.defective ? 1 : 0},
         {QStringLiteral("confidence"), inspection.confidence},
         {QStringLiteral("uri"), inspection.imageUri},
         {QStringLiteral("image"), QString::fromLatin1(inspection.imageBase64)},
         {QStringLiteral("defect"), inspection.defectType},
         {QStringLiteral("box"),
          QString::fromUtf8(QJsonDocument(inspection.boundingBox).toJson(QJsonDocument::Compact))},
         {QStringLiteral("topic"), inspection.topic},
         {QStringLiteral("label"), ReviewItem::labelName(item.label)},
         {QStringLiteral("at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}});
    if (!stored)
        return stored.error();
    return Done{};
}

Result<QList<ReviewItem>> ReviewLabelRepository::labelled() const
{
    auto query = m_workspace.execute(
        QStringLiteral("SELECT device_id, timestamp_ms, prediction, defective, confidence, image_uri, image_base64,"
                       " defect_type, bounding_box, topic, label FROM edge_review_labels ORDER BY timestamp_ms, id"));
    if (!query)
        return query.error();
    QList<ReviewItem> items;
    while (query.value().next()) {
        const QSqlQuery &row = query.value();
        ReviewItem item;
        item.inspection.deviceId = row.value(0).toString();
        item.inspection.timestampMs = row.value(1).toLongLong();
        item.inspection.prediction = row.value(2).toString();
        item.inspection.defective = row.value(3).toInt() != 0;
        item.inspection.confidence = row.value(4).toDouble();
        item.inspection.imageUri = row.value(5).toString();
        item.inspection.imageBase64 = row.value(6).toString().toLatin1();
        item.inspection.defectType = row.value(7).toString();
        item.inspection.boundingBox = QJsonDocument::fromJson(row.value(8).toString().toUtf8()).array();
        item.inspection.topic = row.value(9).toString();
        item.label = ReviewItem::labelFromName(row.value(10).toString());
        if (item.label != ReviewItem::Label::None)
            items << item;
    }
    return items;
}
