#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"
#include "core/providers/chatrequest.h"
#include "core/providers/chatresult.h"
#include "core/providers/pricetable.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

class ChatCall;
class ChatProvider;
struct Invocation;

// One item of a run: generates the response when the run asks for it, then runs the judge metrics
// (in parallel) and the lexical ones, and reports exactly one ItemResult — unless abort() came
// first. Every call, aborted ones included, goes to the `log` with source "eval", and its tokens
// and cost are added to the item.
// When `previous` (a failed result being retried) holds a response and scores, they are kept and
// only the missing or failed metrics are computed again.
// A repeated run generates RunSettings::repeats responses one after another and judges each
// judgeRepeats times; each metric's value is then the mean of its scores, all of which it keeps
// (MetricScore::repeats), and the first response is the one shown.
class ItemEvaluation : public QObject
{
    Q_OBJECT

public:
    // A provider with its model's price (PriceTable::match), looked up once for the whole run
    // rather than at each call.
    struct PricedProvider
    {
        ChatProvider *provider = nullptr;
        std::optional<ModelPrice> price;
    };

    struct Providers
    {
        PricedProvider generator; // needed when the run generates responses
        PricedProvider judge; // needed when a judge metric is chosen
        // ApplyGuardrail, in a guarded run whose generator does not call the guardrail itself
        // (no token price: its calls cost their policy units, at guardrailUnits).
        PricedProvider guardrail;
        std::optional<ModelPrice> guardrailUnits; // what a guarded generator's policy units cost
    };

    // Takes each finished call's invocation-log entry; the run writes them (InvocationLog).
    using InvocationSink = std::function<void(const Invocation &)>;

    ItemEvaluation(qint64 runId, EvalItem item, const RunSettings &settings, Providers providers, InvocationSink log,
                   std::optional<ItemResult> previous = std::nullopt, QObject *parent = nullptr);
    ~ItemEvaluation() override;

    qint64 itemIndex() const { return m_item.index; }
    void start();
    // Cancels the calls in flight and reports nothing: the item stays without a result.
    void abort();

signals:
    // The item's last generation call is in and only lexical scoring (this thread's CPU) is left:
    // its slot can go to the next item, whose call should have the thread first. The scores then
    // come from the event loop. Not emitted when a judge call is still to come or none was made.
    void callsFinished();
    void finished(const ItemResult &result);

private:
    using Continuation = std::function<void(const Result<ChatResult> &)>;

    void ask(const PricedProvider &provider, const ChatRequest &request, const Continuation &then);
    void track(ChatCall *call, const ProviderConfig &config, const std::optional<ModelPrice> &price,
               const QString &prompt, const Continuation &then);
    // The response is known: check it with ApplyGuardrail when the run asks for it, then score.
    void responseReady();
    bool needsGuardrailCheck() const;
    void checkGuardrail();
    void takeGenerated(const ChatResult &result);
    void useRetrievedContexts();
    int repeatCount() const;
    void generate();
    void score();
    void judge();
    void record(MetricScore score);
    void roundDone();
    MetricScore combined(const QList<MetricScore> &scores) const;
    // Faithfulness of `response` to the contexts; with the reference as the response, judged context recall.
    void startFaithfulness(const QString &metric, const QString &response);
    void startRelevance();
    void metricDone(MetricScore score);
    void metricFailed(const QString &metric, const Error &error);
    void complete();
    void onTimeout();
    void stopCalls();

    EvalItem m_item;
    RunSettings m_settings;
    Providers m_providers;
    InvocationSink m_log;
    ItemResult m_result;
    QStringList m_toScore; // metrics not kept from a previous result
    QList<QPointer<ChatCall>> m_calls;
    int m_judgingsLeft = 0;
    int m_guardrailChecksLeft = 0;
    // Repeats (RunSettings::repeats generations, judgeRepeats judge calls on each): the response
    // being scored, where the item stands, and every score so far per metric.
    QString m_response;
    int m_generation = 0;
    int m_judgeRound = 0;
    QHash<QString, QList<MetricScore>> m_scored;
    QTimer m_timeout;
    QElapsedTimer m_clock;
    bool m_done = false;
};
