#pragma once

#include "core/providers/chatprotocol.h"
#include "core/providers/providerconfig.h"

#include <QDateTime>

#include <memory>

// One page of Bedrock Agent Runtime's Retrieve: POST /knowledgebases/{id}/retrieve. The passages
// go into ChatResult::passages (appended, so pages add up); the page's nextToken, when there is
// one, into `nextToken`, which KnowledgeBaseRetrieval follows.
class RetrievalProtocol : public ChatProtocol
{
    Q_DECLARE_TR_FUNCTIONS(RetrievalProtocol)

public:
    RetrievalProtocol(const ProviderConfig &config, const QString &query, const QString &pageToken,
                      std::shared_ptr<QString> nextToken);

    bool isStreaming() const override { return false; }
    Result<Outgoing> prepare() override;
    void reset() override { m_body.clear(); }
    Status feed(QByteArrayView bytes, ChatResult &result) override;
    Status finish(bool connectionBroke, ChatResult &result) override;
    Error errorFromAnswer(int status, const QNetworkReply &reply, const QByteArray &body) const override;

    QByteArray requestBody() const;
    QUrl endpoint() const;
    Result<Outgoing> prepareAt(const QDateTime &utc) const;
    Status takeAnswer(const QByteArray &body, ChatResult &result) const;

private:
    ProviderConfig m_config;
    QString m_query;
    QString m_pageToken;
    std::shared_ptr<QString> m_nextToken;
    QByteArray m_body;
};
