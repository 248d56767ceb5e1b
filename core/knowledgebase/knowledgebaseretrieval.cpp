#include "core/knowledgebase/knowledgebaseretrieval.h"

#include "core/knowledgebase/retrievalprotocol.h"
#include "core/providers/httpchatcall.h"

#include <QNetworkAccessManager>

KnowledgeBaseRetrieval::KnowledgeBaseRetrieval(const ProviderConfig &config, const QString &query,
                                               QNetworkAccessManager *network, QObject *parent)
    : ChatCall(parent), m_config(config), m_query(query), m_network(network), m_nextToken(std::make_shared<QString>())
{
    m_result.provider = m_config.providerName();
    m_result.model = m_config.label();
    requestPage({});
}

KnowledgeBaseRetrieval::~KnowledgeBaseRetrieval()
{
    m_finished = true;
    delete m_page.data(); // aborts without emitting
}

void KnowledgeBaseRetrieval::requestPage(const QString &token)
{
    ++m_pages;
    auto *page = new HttpChatCall(std::make_unique<RetrievalProtocol>(m_config, m_query, token, m_nextToken), m_network,
                                  m_config, this);
    m_page = page;
    connect(page, &ChatCall::retrying, this, &ChatCall::retrying);
    connect(page, &ChatCall::finished, this, &KnowledgeBaseRetrieval::pageDone);
}

void KnowledgeBaseRetrieval::pageDone(const Result<ChatResult> &page)
{
    if (m_page)
        m_page->deleteLater();
    m_page = nullptr;
    if (m_finished)
        return;
    if (!page)
        return finishWith(page.error());
    const ChatResult &answer = page.value();
    m_result.passages << answer.passages;
    // The guardrail checked the query with the first page; a later page says the same.
    if (answer.guardrail && !m_result.guardrail)
        m_result.guardrail = answer.guardrail;
    m_result.latencyMs += answer.latencyMs;
    m_result.attempts += answer.attempts - 1;
    if (m_result.ttftMs < 0)
        m_result.ttftMs = answer.ttftMs;
    const QString token = *m_nextToken;
    if (token.isEmpty() || m_result.passages.size() >= m_config.knowledgeBase.results)
        return finishWith(m_result);
    if (m_pages >= maxPages)
        return finishWith(makeError(Error::Kind::Service,
                                    tr("the Knowledge Base kept paging: stopped after %1 pages").arg(maxPages)));
    requestPage(token);
}

void KnowledgeBaseRetrieval::cancel()
{
    if (m_finished)
        return;
    if (m_page)
        m_page->cancel(); // reports Cancelled through pageDone()
    else
        finishWith(makeError(Error::Kind::Cancelled, tr("cancelled")));
}

void KnowledgeBaseRetrieval::finishWith(const Result<ChatResult> &result)
{
    if (m_finished)
        return;
    m_finished = true;
    if (!result) {
        emit finished(result);
        return;
    }
    ChatResult retrieved = result.value();
    if (retrieved.passages.size() > m_config.knowledgeBase.results)
        retrieved.passages.resize(m_config.knowledgeBase.results);
    // The passages, numbered, are the text: what a person reads, and what a retrieval run shows as
    // its response.
    QStringList numbered;
    for (qsizetype i = 0; i < retrieved.passages.size(); ++i)
        numbered << QStringLiteral("[%1] %2").arg(i + 1).arg(retrieved.passages[i].text);
    retrieved.text = numbered.join(QStringLiteral("\n\n"));
    emit finished(retrieved);
}
