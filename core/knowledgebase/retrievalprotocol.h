#pragma once

#include "core/providers/bedrockjsonprotocol.h"
#include "core/providers/providerconfig.h"

#include <QDateTime>

#include <memory>

// One page of Bedrock Agent Runtime's Retrieve: POST /knowledgebases/{id}/retrieve. The passages
// go into ChatResult::passages (appended, so pages add up); the page's nextToken, when there is
// one, into `nextToken`, which KnowledgeBaseRetrieval follows.
class RetrievalProtocol : public BedrockJsonProtocol
{
    Q_DECLARE_TR_FUNCTIONS(RetrievalProtocol)

public:
    RetrievalProtocol(const ProviderConfig &config, const QString &query, const QString &pageToken,
                      std::shared_ptr<QString> nextToken);

    QByteArray requestBody() const override;
    QUrl endpoint() const override;
    Result<Outgoing> prepareAt(const QDateTime &utc) const override;
    Status takeAnswer(const QByteArray &body, ChatResult &result) const override;

private:
    QString m_query;
    QString m_pageToken;
    std::shared_ptr<QString> m_nextToken;
};
