#include "core/knowledgebase/retrievedpassage.h"

using namespace Qt::StringLiterals;

QJsonObject RetrievedPassage::toJson() const
{
    QJsonObject object{{"text"_L1, text}, {"location_type"_L1, locationType}, {"uri"_L1, uri}};
    if (score >= 0)
        object.insert("score"_L1, score);
    if (!metadata.isEmpty())
        object.insert("metadata"_L1, metadata);
    return object;
}

QJsonArray RetrievedPassage::toJson(const QList<RetrievedPassage> &passages)
{
    QJsonArray array;
    for (const RetrievedPassage &passage : passages)
        array.append(passage.toJson());
    return array;
}

RetrievedPassage RetrievedPassage::fromJson(const QJsonObject &object)
{
    RetrievedPassage passage;
    passage.text = object.value("text"_L1).toString();
    passage.locationType = object.value("location_type"_L1).toString();
    passage.uri = object.value("uri"_L1).toString();
    passage.score = object.value("score"_L1).toDouble(-1);
    passage.metadata = object.value("metadata"_L1).toObject();
    return passage;
}

RetrievedPassage RetrievedPassage::fromWire(const QJsonObject &object)
{
    RetrievedPassage passage;
    passage.text = object.value("content"_L1).toObject().value("text"_L1).toString();
    const QJsonObject location = object.value("location"_L1).toObject();
    passage.locationType = location.value("type"_L1).toString();
    // Each location type keeps its address under its own member (s3Location.uri, webLocation.url,
    // confluenceLocation.url, …): take the first one there is.
    for (auto it = location.constBegin(); it != location.constEnd() && passage.uri.isEmpty(); ++it) {
        const QJsonObject place = it.value().toObject();
        passage.uri = place.value("uri"_L1).toString(place.value("url"_L1).toString());
    }
    passage.score = object.value("score"_L1).toDouble(-1);
    passage.metadata = object.value("metadata"_L1).toObject();
    return passage;
}
