#include "core/eval/evalrunner.h"

#include "core/common/logcategories.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/itemevaluation.h"
#include "core/eval/runlock.h"
#include "core/providers/chatprovider.h"
#include "core/providers/invocationlog.h"
#include "core/storage/workspace.h"
#include "core/workspaceschema.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QScopedValueRollback>

#include <algorithm>
#include <utility>

namespace {

constexpr int MaximumManagers = 32;
constexpr int ResultPageSize = 500;

bool isFailure(const ItemResult &result)
{
    return !result.ok || std::any_of(result.scores.cbegin(), result.scores.cend(), [](const MetricScore &score) {
        return !score.error.isEmpty();
    });
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

std::optional<ModelPrice> priceOf(Workspace &workspace, const std::optional<ProviderConfig> &config)
{
    if (!config)
        return std::nullopt;
    auto price = PriceTable(workspace).match(config->model);
    if (!price) {
        qCWarning(lcEval) << "no cost for calls to" << config->model << ":" << price.error().describe();
        return std::nullopt;
    }
    return price.value();
}

} // namespace

EvalRunner::EvalRunner(QString workspacePath, qint64 runId, std::optional<ProviderConfig> generator,
                       std::optional<ProviderConfig> judge, bool retryErrors, QObject *parent)
    : QObject(parent), m_workspacePath(std::move(workspacePath)), m_runId(runId),
      m_generatorConfig(std::move(generator)), m_judgeConfig(std::move(judge)), m_retryErrors(retryErrors),
      m_storeTimer(this) // a child, so it moves to the runner's thread with it
{
    m_storeTimer.setSingleShot(true);
    connect(&m_storeTimer, &QTimer::timeout, this, &EvalRunner::storeResults);
}

EvalRunner::~EvalRunner()
{
    if (m_running) {
        abortInFlight();
        writeInvocationLog();
        // Nobody listens any more, but the run must not look as if it were still going.
        const Status stored = m_runs->setStatus(m_runId, EvalRun::Status::Cancelled, now());
        if (!stored)
            qCWarning(lcEval) << "could not mark run" << m_runId << "cancelled:" << stored.error().describe();
    }
    // Before the managers and the workspace they use go.
    qDeleteAll(findChildren<ItemEvaluation *>(Qt::FindDirectChildrenOnly));
}

void EvalRunner::start()
{
    if (m_running)
        return;
    m_clock.start();
    m_error.reset();
    if (!setUp())
        return;
    m_running = true;
    qCInfo(lcEval) << "run" << m_runId << ":" << m_pending.count() << "items to do, concurrency"
                   << m_run.settings.concurrency << "over" << m_lanes.size() << "network managers";
    reportProgress();
    fill();
    finishIfDone();
}

void EvalRunner::cancel()
{
    if (!m_running)
        return;
    if (m_reporting) {
        m_cancelWhenReported = true;
        return;
    }
    qCInfo(lcEval) << "run" << m_runId << "cancelled with" << m_inFlight.size() << "items in flight";
    abortInFlight();
    // Results waiting for their batch's commit are kept (and reported): their calls were made.
    storeResults();
    if (!m_running)
        return; // storing failed, or it was the last result and the run completed
    finish(EvalRun::Status::Cancelled);
}

bool EvalRunner::setUp()
{
    auto opened = Workspace::open(m_workspacePath, Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules());
    if (!opened) {
        fail(opened.error());
        return false;
    }
    m_runs.reset(); // before the connection its statements were prepared on
    m_workspace = std::move(opened).value();
    m_runs = std::make_unique<EvalRunRepository>(*m_workspace);
    m_runToMark = false;
    m_cancelWhenReported = false;
    m_pending.reset(m_runId, 0, {});
    m_previous.clear();
    m_completions.clear();
    m_withMetricErrors = 0;
    m_unstored.clear();
    auto found = m_runs->find(m_runId);
    if (!found || !found.value()) {
        fail(found ? makeError(Error::Kind::Input, tr("there is no run %1 in the workspace").arg(m_runId))
                   : found.error());
        return false;
    }
    m_run = *found.value();
    const RunSettings &settings = m_run.settings;
    if (m_run.status == EvalRun::Status::Imported) {
        fail(makeError(Error::Kind::Refused,
                       tr("run %1 was imported with its scores; there is nothing to run").arg(m_runId)));
        return false;
    }
    // Before anything is marked: the run may be another process's to mark.
    m_lock = std::make_unique<RunLock>(*m_workspace, m_runId);
    if (Status locked = m_lock->acquire(); !locked) {
        m_lock.reset();
        Error error = locked.error();
        error.message = tr("run %1: %2").arg(m_runId).arg(error.message);
        fail(error);
        return false;
    }
    m_runToMark = true;
    int judgeMetrics = 0;
    for (const QString &metric : settings.metrics) {
        if (!Metrics::isLexical(metric) && !Metrics::judged().contains(metric)) {
            fail(makeError(Error::Kind::Input, tr("unknown metric \"%1\"").arg(metric)));
            return false;
        }
        judgeMetrics += Metrics::judged().contains(metric) ? 1 : 0;
    }
    if (!settings.responsesFromDataset && !m_generatorConfig) {
        fail(makeError(Error::Kind::Usage,
                       tr("the run generates its responses, but no model to generate them was given")));
        return false;
    }
    if (judgeMetrics > 0 && !m_judgeConfig) {
        fail(makeError(Error::Kind::Usage, tr("the run has judge metrics, but no judge model was given")));
        return false;
    }
    if (m_generatorConfig) // the run's settings alone decide whether the generator calls the guardrail
        m_generatorConfig->guardrail = settings.generatorGuardrail();
    if (settings.isGuarded() && !settings.guardsThroughGenerator() && !m_guardrailConfig) {
        fail(makeError(Error::Kind::Usage,
                       tr("the run goes through the guardrail %1, but no AWS connection for it was given")
                           .arg(settings.guardrail.guardrail)));
        return false;
    }

    auto pending = m_runs->pendingItems(m_runId);
    if (!pending) {
        fail(pending.error());
        return false;
    }
    QList<qint64> indexes = pending.value();
    if (m_retryErrors && !loadFailed(indexes))
        return false;
    m_pending.reset(m_runId, m_run.datasetId, std::move(indexes));
    m_done = qMax<qint64>(0, m_run.itemCount - m_pending.count());
    m_failed = m_retryErrors ? 0 : m_run.failed;

    // A guarded item checks its input and output at once: two calls in flight.
    setUpLanes(std::max({1, judgeMetrics, settings.isGuarded() ? 2 : 1}));
    m_completions.setWindow(qMax(20, 2 * m_run.settings.concurrency));
    // Every call of the run is priced as the table stood when it started.
    m_generatorPrice = priceOf(*m_workspace, m_generatorConfig);
    m_judgePrice = priceOf(*m_workspace, m_judgeConfig);
    if (m_run.settings.isGuarded()) {
        ProviderConfig units;
        units.model = PriceTable::guardrailPattern();
        m_guardrailPrice = priceOf(*m_workspace, units);
    }
    if (const Status running = m_runs->setStatus(m_runId, EvalRun::Status::Running); !running) {
        fail(running.error());
        return false;
    }
    return true;
}

// Items that failed, wholly or in a metric, run again, keeping the response and good scores read back.
bool EvalRunner::loadFailed(QList<qint64> &indexes)
{
    for (qint64 offset = 0;; offset += ResultPageSize) {
        auto page = m_runs->results(m_runId, offset, ResultPageSize);
        if (!page) {
            fail(page.error());
            return false;
        }
        for (ItemResult &result : page.value()) {
            if (!isFailure(result))
                continue;
            indexes << result.itemIndex;
            m_previous.insert(result.itemIndex, std::move(result));
        }
        if (page.value().size() < ResultPageSize)
            return true;
    }
}

// Qt 6.4 opens at most six HTTP/1.1 connections per host for each QNetworkAccessManager, queueing
// the rest, and has no public switch for it (QHttp1Configuration came in 6.5). Each manager has a
// connection cache and an HTTP thread of its own, so enough managers make `concurrency` items
// really concurrent, and callsPerManager keeps one thread from holding up the others' replies.
void EvalRunner::setUpLanes(int maximumCallsPerItem)
{
    const int calls = m_run.settings.concurrency * maximumCallsPerItem;
    const int count = std::clamp((calls + callsPerManager - 1) / callsPerManager, 1, MaximumManagers);
    m_lanes.clear();
    for (int i = 0; i < count; ++i) {
        Lane lane;
        lane.network = std::make_unique<QNetworkAccessManager>();
        if (m_generatorConfig && !m_run.settings.responsesFromDataset)
            lane.generator = ChatProvider::create(*m_generatorConfig, lane.network.get());
        if (m_judgeConfig)
            lane.judge = ChatProvider::create(*m_judgeConfig, lane.network.get());
        if (m_guardrailConfig && m_run.settings.isGuarded() && !m_run.settings.guardsThroughGenerator())
            lane.guardrail = ChatProvider::create(*m_guardrailConfig, lane.network.get());
        m_lanes.push_back(std::move(lane));
    }
}

// Starts items until `concurrency` are in flight. An item that needs no call finishes inside
// launch() and frees its slot for this same loop, so the nested fill() it reaches returns at once;
// after `concurrency` starts the loop goes on from the event loop, which keeps a run of such items
// cancellable.
void EvalRunner::fill()
{
    if (m_filling)
        return;
    const QScopedValueRollback filling(m_filling, true);
    const int concurrency = qMax(1, m_run.settings.concurrency);
    int started = 0;
    while (m_running && m_inFlight.size() < concurrency) {
        if (started == concurrency) {
            QMetaObject::invokeMethod(this, &EvalRunner::resumeFill, Qt::QueuedConnection);
            return;
        }
        auto item = m_pending.take(*m_workspace);
        if (!item) {
            fail(makeError(item.error().kind,
                           tr("could not read the dataset's items: %1").arg(item.error().describe())));
            return;
        }
        if (!item.value())
            break;
        launch(*item.value());
        ++started;
    }
}

void EvalRunner::resumeFill()
{
    fill();
    finishIfDone();
}

// Items leave m_inFlight before their results are stored: the run is complete once those are too.
void EvalRunner::finishIfDone()
{
    if (m_running && m_inFlight.isEmpty() && m_scoring.isEmpty() && m_unstored.empty() && m_pending.exhausted())
        finish(EvalRun::Status::Completed);
}

void EvalRunner::launch(const EvalItem &item)
{
    const auto lightest = std::min_element(m_lanes.begin(), m_lanes.end(),
                                           [](const Lane &a, const Lane &b) { return a.items < b.items; });
    Lane &lane = *lightest;
    ++lane.items;
    std::optional<ItemResult> previous;
    if (auto found = m_previous.find(item.index); found != m_previous.end()) {
        previous = found.value();
        m_previous.erase(found);
    }
    auto *evaluation = new ItemEvaluation(
        m_runId, item, m_run.settings,
        {{lane.generator.get(), m_generatorPrice},
         {lane.judge.get(), m_judgePrice},
         {lane.guardrail.get(), std::nullopt},
         m_guardrailPrice},
        [this](const Invocation &call) { m_unlogged << call; }, std::move(previous), this);
    m_inFlight.insert(evaluation, int(lightest - m_lanes.begin()));
    connect(evaluation, &ItemEvaluation::callsFinished, this, [this, evaluation] {
        release(evaluation);
        m_scoring.insert(evaluation);
        if (m_running)
            fill();
    });
    connect(evaluation, &ItemEvaluation::finished, this,
            [this, evaluation](const ItemResult &result) { onItemFinished(evaluation, result); });
    // At once (HttpChatCall sends its first attempt from start() too): a hop through the event loop
    // would queue the request behind everything posted meanwhile, the previous result's storing
    // included, while the item's slot leaves the endpoint idle.
    evaluation->start();
}

// The item's slot, and its share of a lane, go to the next item.
void EvalRunner::release(ItemEvaluation *evaluation)
{
    const auto found = m_inFlight.constFind(evaluation);
    if (found == m_inFlight.cend())
        return;
    --m_lanes[size_t(found.value())].items;
    m_inFlight.erase(found);
}

void EvalRunner::onItemFinished(ItemEvaluation *evaluation, const ItemResult &result)
{
    if (!m_scoring.remove(evaluation))
        release(evaluation);
    evaluation->deleteLater();
    if (!m_running)
        return;
    // The endpoint's time bounds the run, so the slot goes to the next item before this result is
    // written; results finishing within storeBatchMs share a commit (one holds up every reply), and
    // once nothing is in flight they are stored as soon as this pass of the event loop is done.
    m_unstored.push_back(result);
    fill();
    if (!m_storeTimer.isActive() || (m_inFlight.isEmpty() && m_storeTimer.remainingTime() > 0))
        m_storeTimer.start(m_inFlight.isEmpty() ? 0 : storeBatchMs);
}

// Each result is committed before it is reported, and every one committed is reported: a cancel
// from a receiver takes effect once the batch is, so what was reported is exactly what is stored.
void EvalRunner::storeResults()
{
    if (!m_running || m_unstored.isEmpty())
        return;
    const QList<ItemResult> results = std::exchange(m_unstored, {});
    const QList<Invocation> calls = m_unlogged; // logged again by a retried transaction
    const Status stored = m_workspace->retriedTransaction([&] {
        m_unlogged = calls;
        writeInvocationLog();
        return m_runs->storeResults(results);
    });
    if (!stored) {
        fail(makeError(stored.error().kind,
                       tr("could not store the results of %1 finished items: %2")
                           .arg(results.size())
                           .arg(stored.error().describe())));
        return;
    }
    {
        const QScopedValueRollback reporting(m_reporting, true);
        for (const ItemResult &result : results) {
            ++m_done;
            m_failed += result.ok ? 0 : 1;
            m_withMetricErrors += result.ok && isFailure(result) ? 1 : 0;
            m_completions.add(m_clock.elapsed());
            emit itemFinished(result);
        }
    }
    if (std::exchange(m_cancelWhenReported, false)) {
        cancel();
        return;
    }
    if (!m_running)
        return;
    reportProgress();
    finishIfDone();
}

// The calls' log entries share the next result's commit (or, when the run ends, are written on their
// own) rather than each taking a transaction between a reply and the next request. As for any call,
// a failure to log is reported but fails nothing: its savepoint keeps the surrounding transaction usable.
void EvalRunner::writeInvocationLog()
{
    if (m_unlogged.isEmpty())
        return;
    const Status recorded = m_workspace->transaction([&] { return InvocationLog(*m_workspace).record(m_unlogged); });
    if (m_unlogged.clear(); !recorded)
        qCWarning(lcEval) << "run" << m_runId << ": could not log a call:" << recorded.error().describe();
}

void EvalRunner::abortInFlight()
{
    QList<ItemEvaluation *> evaluations = m_inFlight.keys();
    evaluations += m_scoring.values();
    m_inFlight.clear();
    m_scoring.clear();
    for (ItemEvaluation *evaluation : evaluations) {
        evaluation->abort();
        evaluation->deleteLater();
    }
    for (Lane &lane : m_lanes)
        lane.items = 0;
}

void EvalRunner::fail(Error error)
{
    qCWarning(lcEval) << "run" << m_runId << "failed:" << error.describe();
    m_error = std::move(error);
    abortInFlight();
    writeInvocationLog();
    m_running = false;
    // The workspace could not be written (a full disk, a read-only file): the run did not fail, its
    // storage did. It stays "running" with no live lock, which reads as interrupted, and `resume`
    // carries on from what was committed once the workspace takes writes again.
    if (m_runToMark && m_error->kind != Error::Kind::Storage) {
        const Status stored = m_runs->setStatus(m_runId, EvalRun::Status::Failed, now());
        if (!stored)
            qCWarning(lcEval) << "could not mark run" << m_runId << "failed:" << stored.error().describe();
    }
    m_lock.reset();
    emit finished(EvalRun::Status::Failed);
}

void EvalRunner::finish(EvalRun::Status status)
{
    m_running = false;
    writeInvocationLog();
    const Status stored = m_runs->setStatus(m_runId, status, now());
    if (!stored) {
        fail(makeError(stored.error().kind, tr("could not store the run's status: %1").arg(stored.error().describe())));
        return;
    }
    qCInfo(lcEval) << "run" << m_runId << EvalRun::statusName(status) << "after" << m_clock.elapsed() << "ms:" << m_done
                   << "of" << m_run.itemCount << "items done," << m_failed << "failed," << m_withMetricErrors
                   << "more with a metric error";
    m_lock.reset();
    emit finished(status);
}

void EvalRunner::reportProgress()
{
    emit progress(m_done, m_run.itemCount, m_failed, m_completions.etaSeconds(m_run.itemCount - m_done));
}
