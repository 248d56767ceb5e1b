#pragma once

#include "common/result.h"
#include "eval/evaltypes.h"
#include "providers/chatrequest.h"
#include "providers/chatresult.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

class ChatCall;
class ChatProvider;
class Workspace;

// One item of a run: generates the response when the run asks for it, then runs the judge metrics
// (in parallel) and the lexical ones, and reports exactly one ItemResult — unless abort() came
// first. Every call is logged with source "eval" and its tokens and cost are added to the item.
// When `previous` (a failed result being retried) holds a response and scores, they are kept and
// only the missing or failed metrics are computed again.
class ItemEvaluation : public QObject
{
    Q_OBJECT

public:
    struct Providers
    {
        ChatProvider *generator = nullptr;  // needed when the run generates responses
        ChatProvider *judge = nullptr;      // needed when a judge metric is chosen
    };

    ItemEvaluation(qint64 runId, EvalItem item, const RunSettings &settings, Providers providers,
                   Workspace &workspace, std::optional<ItemResult> previous = std::nullopt, QObject *parent = nullptr);
    ~ItemEvaluation() override;

    qint64 itemIndex() const { return m_item.index; }
    void start();
    // Cancels the calls in flight and reports nothing: the item stays without a result.
    void abort();

    // The prompt that asks a model for the item's response from its contexts.
    static ChatRequest generationRequest(const EvalItem &item);

signals:
    void finished(const ItemResult &result);

private:
    using Continuation = std::function<void(const Result<ChatResult> &)>;

    void ask(ChatProvider *provider, const ChatRequest &request, const Continuation &then);
    void score();
    void startFaithfulness();
    void startRelevance();
    void metricDone(MetricScore score);
    void metricFailed(const QString &metric, const Error &error);
    void complete();
    void onTimeout();
    void stopCalls();

    EvalItem m_item;
    RunSettings m_settings;
    Providers m_providers;
    Workspace &m_workspace;
    ItemResult m_result;
    QStringList m_toScore;     // metrics not kept from a previous result
    QList<QPointer<ChatCall>> m_calls;
    int m_judgingsLeft = 0;
    QTimer m_timeout;
    QElapsedTimer m_clock;
    bool m_done = false;
};
