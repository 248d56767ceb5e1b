#pragma once

#include "core/providers/chatcall.h"
#include "core/providers/providerconfig.h"

#include <QPointer>

#include <memory>

class QNetworkAccessManager;

// Retrieve over as many pages as it takes: follows nextToken until the Knowledge Base's
// numberOfResults passages are in or it has no more, each page an HttpChatCall with its own
// retries. Finishes with every passage in ChatResult::passages (text empty).
class KnowledgeBaseRetrieval : public ChatCall
{
    Q_OBJECT

public:
    // A service that keeps answering with a token is stopped after this many pages.
    static constexpr int maxPages = 100;

    KnowledgeBaseRetrieval(const ProviderConfig &config, const QString &query, QNetworkAccessManager *network,
                           QObject *parent = nullptr);
    ~KnowledgeBaseRetrieval() override;

    void cancel() override;
    bool isFinished() const override { return m_finished; }

private:
    void requestPage(const QString &token);
    void pageDone(const Result<ChatResult> &page);
    void finishWith(const Result<ChatResult> &result);

    ProviderConfig m_config;
    QString m_query;
    QPointer<QNetworkAccessManager> m_network;
    QPointer<ChatCall> m_page;
    std::shared_ptr<QString> m_nextToken;
    ChatResult m_result;
    int m_pages = 0;
    bool m_finished = false;
};
