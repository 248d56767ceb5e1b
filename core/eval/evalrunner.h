#pragma once

#include "core/eval/completionrate.h"
#include "core/eval/evaltypes.h"
#include "core/eval/pendingitems.h"
#include "core/providers/invocationlog.h"
#include "core/providers/pricetable.h"
#include "core/providers/providerconfig.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

class ChatProvider;
class EvalRunRepository;
class ItemEvaluation;
class QNetworkAccessManager;
class RunLock;
class Workspace;

// Runs, or resumes, one evaluation run on the thread it lives on: the GUI moves it to a worker
// thread and invokes start() there, the CLI runs it on the main thread. Everything thread-bound —
// its own workspace connection, its network access managers — is made in start() on that thread,
// and the runner must be deleted there too. Call its slots on that thread (from elsewhere through
// QMetaObject::invokeMethod); its signals reach other threads queued.
//
// It takes the run's pending items (and, with retryErrors, those with an error of the item or of
// a metric), keeps up to `concurrency` of them in flight and stores each result as soon as the next
// item's call has gone out, so a killed process loses only the items in flight (or just finished)
// and the run resumes where it stopped.
class EvalRunner : public QObject
{
    Q_OBJECT

public:
    // `generator` and `judge` arrive with their secrets resolved; each is needed only when the
    // run's settings ask for generated responses or judge metrics.
    EvalRunner(QString workspacePath, qint64 runId, std::optional<ProviderConfig> generator,
               std::optional<ProviderConfig> judge, bool retryErrors, QObject *parent = nullptr);
    ~EvalRunner() override;

    // The AWS connection ApplyGuardrail uses in a guarded run whose generator does not call the
    // guardrail itself (RunSettings::guardsThroughGenerator); set before start().
    void setGuardrailConnection(std::optional<ProviderConfig> connection) { m_guardrailConfig = std::move(connection); }

    qint64 runId() const { return m_runId; }
    bool isRunning() const { return m_running; }
    // Why the run failed to start or stopped with Failed, with its kind (storage, auth, refused…);
    // none otherwise.
    const std::optional<Error> &error() const { return m_error; }
    // How many network access managers share the calls (callsPerManager each); known once start()
    // has set the run up.
    int networkManagerCount() const { return int(m_lanes.size()); }

    // Calls in flight on one QNetworkAccessManager. Qt 6.4 opens up to six connections per host
    // for each, but a manager's replies all pass through its one HTTP thread (which reads response
    // headers a byte per system call and fetches each POST body from this thread): two calls per
    // manager kept a 1,000-item run at 0.955-0.961 of the endpoint's bound, six at 0.946-0.953.
    static constexpr int callsPerManager = 2;
    // How long a finished result may wait for others to share its commit while items are in flight.
    // A commit blocks this thread, and replies with it: one per result cost 0.9 ms of every 50 ms
    // item at concurrency 8; waiting longer costs more at the end of a run than it saves.
    static constexpr int storeBatchMs = 10;

public slots:
    void start();
    // Starts no new item and cancels the calls in flight; their items stay pending, so the run can
    // be resumed. Emits finished(Cancelled).
    void cancel();

signals:
    // `done` counts items with a result, `failed` those whose result is an error as a whole (as
    // EvalRun::failed; a metric's error is in the item's scores); `etaSeconds` comes from the recent
    // completion rate, -1 while unknown.
    void progress(qint64 done, qint64 total, qint64 failed, double etaSeconds);
    void itemFinished(const ItemResult &result);
    void finished(EvalRun::Status status);

private:
    // One network access manager with the providers bound to it.
    struct Lane
    {
        std::unique_ptr<QNetworkAccessManager> network;
        std::unique_ptr<ChatProvider> generator;
        std::unique_ptr<ChatProvider> judge;
        std::unique_ptr<ChatProvider> guardrail;
        int items = 0;
    };

    bool setUp();
    bool loadFailed(QList<qint64> &indexes);
    void setUpLanes(int maximumCallsPerItem);
    void fill();
    void resumeFill();
    void finishIfDone();
    void launch(const EvalItem &item);
    void release(ItemEvaluation *evaluation);
    void onItemFinished(ItemEvaluation *evaluation, const ItemResult &result);
    void storeResults();
    void writeInvocationLog();
    void abortInFlight();
    void fail(Error error);
    void finish(EvalRun::Status status);
    void reportProgress();

    QString m_workspacePath;
    qint64 m_runId = 0;
    std::optional<ProviderConfig> m_generatorConfig;
    std::optional<ProviderConfig> m_judgeConfig;
    std::optional<ModelPrice> m_generatorPrice;
    std::optional<ModelPrice> m_judgePrice;
    std::optional<ProviderConfig> m_guardrailConfig;
    std::optional<ModelPrice> m_guardrailPrice; // per million policy units
    bool m_retryErrors = false;

    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<RunLock> m_lock; // held from set-up to the end of the run
    std::unique_ptr<EvalRunRepository> m_runs; // kept, so storing a result reuses prepared statements
    EvalRun m_run;
    std::vector<Lane> m_lanes;
    QHash<ItemEvaluation *, int> m_inFlight; // → lane
    QSet<ItemEvaluation *> m_scoring; // calls done, slot released, scores still to come
    PendingItems m_pending;
    QList<ItemResult> m_unstored; // finished, waiting for storeResults()
    QTimer m_storeTimer; // storeResults() after storeBatchMs, or once this pass is done when none is in flight
    QList<Invocation> m_unlogged; // calls made, waiting for writeInvocationLog()
    QHash<qint64, ItemResult> m_previous; // failed results being retried
    qint64 m_done = 0;
    qint64 m_failed = 0;
    qint64 m_withMetricErrors = 0; // this session, for the log
    CompletionRate m_completions; // ms on m_clock
    QElapsedTimer m_clock;
    std::optional<Error> m_error;
    bool m_runToMark = false; // the run exists and is ours to mark failed
    bool m_running = false;
    bool m_filling = false;
    bool m_reporting = false; // in storeResults(), reporting what it stored
    bool m_cancelWhenReported = false; // cancel() came from a receiver of itemFinished
};
