#pragma once

#include <QJsonObject>
#include <QString>

// Which Amazon Bedrock Knowledge Base answers, with which model and how many passages it retrieves.
struct KnowledgeBaseSetting
{
    QString id;
    QString modelArn; // RetrieveAndGenerate's model: a foundation-model or inference-profile ARN
    int results = 5; // numberOfResults, 1–100
    QString searchType; // empty (the Knowledge Base's default), HYBRID or SEMANTIC
    bool retrieveOnly = false; // Retrieve: passages, no generated answer

    bool isSet() const { return !id.isEmpty(); }
    // The wire's retrievalConfiguration, shared by Retrieve and RetrieveAndGenerate.
    QJsonObject retrievalConfiguration() const;
    QJsonObject toJson() const;
    static KnowledgeBaseSetting fromJson(const QJsonObject &object);
};
