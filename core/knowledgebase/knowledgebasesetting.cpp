#include "core/knowledgebase/knowledgebasesetting.h"

using namespace Qt::StringLiterals;

QJsonObject KnowledgeBaseSetting::toJson() const
{
    if (!isSet())
        return {};
    QJsonObject object{{"id"_L1, id}, {"results"_L1, results}};
    if (!modelArn.isEmpty())
        object.insert("model_arn"_L1, modelArn);
    if (!searchType.isEmpty())
        object.insert("search"_L1, searchType);
    if (retrieveOnly)
        object.insert("retrieve_only"_L1, true);
    return object;
}

KnowledgeBaseSetting KnowledgeBaseSetting::fromJson(const QJsonObject &object)
{
    KnowledgeBaseSetting setting;
    setting.id = object.value("id"_L1).toString();
    setting.modelArn = object.value("model_arn"_L1).toString();
    setting.results = object.value("results"_L1).toInt(5);
    setting.searchType = object.value("search"_L1).toString();
    setting.retrieveOnly = object.value("retrieve_only"_L1).toBool();
    return setting;
}

QJsonObject KnowledgeBaseSetting::retrievalConfiguration() const
{
    QJsonObject vector{{"numberOfResults"_L1, results}};
    if (!searchType.isEmpty())
        vector.insert("overrideSearchType"_L1, searchType.toUpper());
    return {{"vectorSearchConfiguration"_L1, vector}};
}
