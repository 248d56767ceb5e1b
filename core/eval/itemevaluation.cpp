#include "core/eval/itemevaluation.h"

#include "core/common/logcategories.h"
#include "core/eval/itemrequests.h"
#include "core/eval/judgemetrics.h"
#include "core/eval/lexicalmetrics.h"
#include "core/providers/chatcall.h"
#include "core/providers/chatprovider.h"
#include "core/providers/invocationrecorder.h"

#include <QDateTime>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

const QString invocationSource = u"eval"_s;

} // namespace

ItemEvaluation::ItemEvaluation(qint64 runId, EvalItem item, const RunSettings &settings, Providers providers,
                               InvocationSink log, std::optional<ItemResult> previous, QObject *parent)
    : QObject(parent), m_item(std::move(item)), m_settings(settings), m_providers(providers), m_log(std::move(log))
{
    m_result.runId = runId;
    m_result.itemIndex = m_item.index;
    m_toScore = m_settings.metrics;
    if (previous && previous->ok && !previous->response.isEmpty()) {
        // What the retried item already paid for stays counted, and good scores stay as they were —
        // but a repeated run retries an item whole: its repeats belong together.
        m_result.inputTokens = previous->inputTokens;
        m_result.outputTokens = previous->outputTokens;
        m_result.costUsd = previous->costUsd;
        if (repeatCount() == 1) {
            m_result.response = previous->response;
            m_result.guardrail = previous->guardrail;
            m_result.passages = previous->passages;
            m_result.citations = previous->citations;
            useRetrievedContexts();
            for (const MetricScore &kept : std::as_const(previous->scores)) {
                if (kept.error.isEmpty() && kept.value && m_toScore.removeOne(kept.metric))
                    m_result.scores << kept;
            }
        }
    }
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &ItemEvaluation::onTimeout);
}

ItemEvaluation::~ItemEvaluation()
{
    m_done = true;
    for (const QPointer<ChatCall> &call : std::as_const(m_calls))
        delete call.data(); // aborts without emitting
}

void ItemEvaluation::start()
{
    if (m_done) // aborted: starts nothing
        return;
    m_clock.start();
    if (m_settings.itemTimeoutMs > 0)
        m_timeout.start(
            int(std::min<qint64>(qint64(m_settings.itemTimeoutMs) * repeatCount(), std::numeric_limits<int>::max())));
    if (!m_result.response.isEmpty()) {
        m_response = m_result.response;
        responseReady();
    } else if (m_settings.responsesFromDataset) {
        m_result.response = m_item.response;
        m_response = m_result.response;
        if (m_result.response.isEmpty()) {
            m_result.ok = false;
            m_result.error = tr("the dataset has no response for this item (line %1)").arg(m_item.line);
            complete();
            return;
        }
        responseReady();
    } else if (!m_providers.generator.provider) {
        m_result.ok = false;
        m_result.error = tr("no model is configured to generate responses");
        complete();
    } else {
        generate();
    }
}

int ItemEvaluation::repeatCount() const
{
    return std::max(1, m_settings.repeats) * std::max(1, m_settings.judgeRepeats);
}

void ItemEvaluation::generate()
{
    ask(m_providers.generator, ItemRequests::generation(m_item, m_settings), [this](const Result<ChatResult> &outcome) {
        if (!outcome) {
            m_result.ok = false;
            m_result.error = m_generation == 0
                ? tr("generating the response failed: %1").arg(outcome.error().describe())
                : tr("generating response %1 of %2 failed: %3")
                      .arg(m_generation + 1)
                      .arg(m_settings.repeats)
                      .arg(outcome.error().describe());
            complete();
            return;
        }
        m_response = outcome.value().text;
        if (m_generation == 0) {
            m_result.response = m_response;
            takeGenerated(outcome.value());
            if (needsGuardrailCheck()) {
                checkGuardrail();
                return;
            }
        }
        const QStringList judgedMetrics = Metrics::judged();
        const bool judged = std::any_of(judgedMetrics.cbegin(), judgedMetrics.cend(),
                                        [this](const QString &metric) { return m_toScore.contains(metric); });
        if (judged || m_generation + 1 < std::max(1, m_settings.repeats)) {
            score();
            return;
        }
        // Scored from the event loop, after the call the receiver of callsFinished() starts; the
        // timeout bounds the calls, which are done.
        m_timeout.stop();
        emit callsFinished();
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (!m_done)
                    score();
            },
            Qt::QueuedConnection);
    });
}

void ItemEvaluation::abort()
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    stopCalls();
}

void ItemEvaluation::ask(const PricedProvider &provider, const ChatRequest &request, const Continuation &then)
{
    ChatCall *call = provider.provider->start(request, this);
    const QString prompt = request.messages.isEmpty() ? QString() : request.messages.last().text;
    track(call, provider.provider->config(), provider.price, prompt, then);
}

void ItemEvaluation::track(ChatCall *call, const ProviderConfig &config, const std::optional<ModelPrice> &price,
                           const QString &prompt, const Continuation &then)
{
    m_calls.append(call);
    // A guardrail's policy units are priced apart from the model's tokens.
    const std::optional<ModelPrice> units = m_providers.guardrailUnits;
    connect(call, &ChatCall::finished, this,
            [this, call, config, price, units, prompt, then](const Result<ChatResult> &outcome) {
                m_calls.removeOne(call);
                call->deleteLater();
                if (outcome) {
                    m_result.inputTokens += qMax<qint64>(0, outcome.value().inputTokens);
                    m_result.outputTokens += qMax<qint64>(0, outcome.value().outputTokens);
                }
                const Invocation invocation
                    = InvocationRecorder::invocation(invocationSource, config, price, prompt, outcome, units);
                m_result.costUsd += invocation.costUsd.value_or(0.0);
                m_log(invocation);
                if (!m_done)
                    then(outcome);
            });
}

void ItemEvaluation::takeGenerated(const ChatResult &result)
{
    if (result.guardrail)
        m_result.guardrail = result.guardrail;
    if (m_settings.usesKnowledgeBase()) {
        m_result.passages = result.passages;
        m_result.citations = result.citations;
        useRetrievedContexts();
    }
}

void ItemEvaluation::useRetrievedContexts()
{
    // Faithfulness is judged against what the Knowledge Base retrieved, not the dataset's contexts:
    // an item that retrieved nothing has nothing to be faithful to.
    if (!m_settings.usesKnowledgeBase())
        return;
    m_item.contexts.clear();
    for (const RetrievedPassage &passage : std::as_const(m_result.passages))
        m_item.contexts << passage.text;
}

bool ItemEvaluation::needsGuardrailCheck() const
{
    return m_settings.isGuarded() && !m_settings.guardsThroughGenerator() && !m_result.guardrail
        && !m_settings.guardStages.isEmpty();
}

void ItemEvaluation::responseReady()
{
    if (needsGuardrailCheck())
        checkGuardrail();
    else
        score();
}

void ItemEvaluation::checkGuardrail()
{
    if (!m_providers.guardrail.provider) {
        m_result.ok = false;
        m_result.error = tr("the run goes through a guardrail, but no AWS connection for it is configured");
        complete();
        return;
    }
    const QList<GuardrailCheck> checks = ItemRequests::guardrailChecks(m_item, m_response, m_settings.guardStages);
    if (checks.isEmpty())
        return score(); // the stored stages name nothing to check
    m_guardrailChecksLeft = int(checks.size());
    m_result.guardrail = GuardrailVerdict{};
    for (const GuardrailCheck &check : checks) {
        ChatCall *call = m_providers.guardrail.provider->applyGuardrail(check, this);
        const QString text = check.content.isEmpty() ? QString() : check.content.last().text;
        track(call, m_providers.guardrail.provider->config(), std::nullopt, text,
              [this, stage = check.stage()](const Result<ChatResult> &outcome) {
                  if (!outcome || !outcome.value().guardrail) {
                      // Half a verdict is no verdict: the other check's result would be counted alone.
                      m_result.guardrail.reset();
                      m_result.ok = false;
                      m_result.error = tr("the guardrail's %1 check failed: %2")
                                           .arg(stage, outcome ? tr("no verdict") : outcome.error().describe());
                      complete();
                      return;
                  }
                  m_result.guardrail->merge(*outcome.value().guardrail);
                  if (--m_guardrailChecksLeft == 0)
                      score();
              });
        if (m_done)
            return;
    }
}

void ItemEvaluation::score()
{
    m_judgeRound = 0;
    QStringList lexical;
    for (const QString &metric : std::as_const(m_toScore)) {
        if (Metrics::isLexical(metric))
            lexical << metric;
    }
    if (!lexical.isEmpty()) {
        for (const MetricScore &lexicalScore : LexicalMetrics::score(lexical, m_item, m_response))
            record(lexicalScore);
    }
    judge();
}

void ItemEvaluation::judge()
{
    const bool faithfulness = m_toScore.contains(Metrics::faithfulness);
    const bool relevance = m_toScore.contains(Metrics::relevance);
    const bool recall = m_toScore.contains(Metrics::judgedContextRecall);
    m_judgingsLeft = int(faithfulness) + int(relevance) + int(recall);
    if (m_judgingsLeft == 0) {
        roundDone();
        return;
    }
    // They may finish at once (a failed prompt): count first, then start.
    if (faithfulness)
        startFaithfulness(Metrics::faithfulness, m_response);
    // Context recall is faithfulness turned round: the reference's statements against the contexts.
    if (recall && !m_done)
        startFaithfulness(Metrics::judgedContextRecall, m_item.reference);
    if (relevance && !m_done)
        startRelevance();
}

void ItemEvaluation::startFaithfulness(const QString &metric, const QString &response)
{
    if (!m_providers.judge.provider)
        return metricFailed(metric, makeError(Error::Kind::Usage, tr("no judge model is configured")));
    if (m_item.contexts.isEmpty())
        return metricFailed(
            metric, makeError(Error::Kind::Input, tr("the item has no contexts to check the response against")));
    if (metric == Metrics::judgedContextRecall && response.trimmed().isEmpty())
        return metricFailed(metric, makeError(Error::Kind::Input, tr("the item has no reference to look for")));
    const Result<QString> prompt
        = JudgeMetrics::statementsPrompt(m_settings.faithfulnessStatementsPrompt, m_item, response);
    if (!prompt)
        return metricFailed(metric, prompt.error());
    ask(m_providers.judge, ItemRequests::judge(prompt.value(), 2048, m_settings.judgeRepeats > 1),
        [this, metric, response](const Result<ChatResult> &outcome) {
            if (!outcome)
                return metricFailed(metric, outcome.error());
            const Result<QStringList> statements = JudgeMetrics::parseStatements(outcome.value().text);
            if (!statements)
                return metricFailed(metric, statements.error());
            const Result<QString> verdictsPrompt = JudgeMetrics::verdictsPrompt(m_settings.faithfulnessVerdictsPrompt,
                                                                                m_item, response, statements.value());
            if (!verdictsPrompt)
                return metricFailed(metric, verdictsPrompt.error());
            ask(m_providers.judge, ItemRequests::judge(verdictsPrompt.value(), 4096, m_settings.judgeRepeats > 1),
                [this, metric, statements = statements.value()](const Result<ChatResult> &verdicts) {
                    if (!verdicts)
                        return metricFailed(metric, verdicts.error());
                    Result<MetricScore> score = JudgeMetrics::parseVerdicts(verdicts.value().text, statements);
                    if (!score)
                        return metricFailed(metric, score.error());
                    score.value().metric = metric;
                    metricDone(score.value());
                });
        });
}

void ItemEvaluation::startRelevance()
{
    const QString &metric = Metrics::relevance;
    if (!m_providers.judge.provider)
        return metricFailed(metric, makeError(Error::Kind::Usage, tr("no judge model is configured")));
    const Result<QString> prompt = JudgeMetrics::relevancePrompt(m_settings.relevancePrompt, m_item, m_response);
    if (!prompt)
        return metricFailed(metric, prompt.error());
    ask(m_providers.judge, ItemRequests::judge(prompt.value(), 1024, m_settings.judgeRepeats > 1),
        [this, metric](const Result<ChatResult> &outcome) {
            if (!outcome)
                return metricFailed(metric, outcome.error());
            const Result<MetricScore> score = JudgeMetrics::parseRelevance(outcome.value().text);
            if (!score)
                return metricFailed(metric, score.error());
            metricDone(score.value());
        });
}

void ItemEvaluation::metricFailed(const QString &metric, const Error &error)
{
    MetricScore failed;
    failed.metric = metric;
    failed.error = error.describe();
    metricDone(failed);
}

void ItemEvaluation::metricDone(MetricScore score)
{
    if (m_done)
        return;
    record(std::move(score));
    if (--m_judgingsLeft == 0)
        roundDone();
}

void ItemEvaluation::record(MetricScore score)
{
    m_scored[score.metric].append(std::move(score));
}

void ItemEvaluation::roundDone()
{
    // Judge calls again on the same response, then the next generation, then the item is done.
    if (++m_judgeRound < std::max(1, m_settings.judgeRepeats)) {
        judge();
        return;
    }
    if (!m_settings.responsesFromDataset && ++m_generation < std::max(1, m_settings.repeats)) {
        generate();
        return;
    }
    for (const QString &metric : std::as_const(m_toScore)) {
        if (m_scored.contains(metric))
            m_result.scores << combined(m_scored.value(metric));
    }
    complete();
}

MetricScore ItemEvaluation::combined(const QList<MetricScore> &scores) const
{
    if (scores.size() == 1 && repeatCount() == 1)
        return scores.first();
    // The mean of what succeeded is the item's value; every score stays in `repeats`. A lexical
    // metric is computed once per response, so it has one score per generation.
    MetricScore result;
    result.metric = scores.first().metric;
    QStringList errors;
    double sum = 0;
    for (const MetricScore &score : scores) {
        if (score.value) {
            result.repeats.append(*score.value);
            sum += *score.value;
            if (result.explanation.isEmpty() && result.details.isEmpty()) {
                result.explanation = score.explanation;
                result.details = score.details;
            }
        } else {
            errors << score.error;
        }
    }
    if (!result.repeats.isEmpty())
        result.value = sum / double(result.repeats.size());
    if (!errors.isEmpty())
        result.error
            = tr("%1 of %2 repeated scores failed: %3").arg(errors.size()).arg(scores.size()).arg(errors.first());
    return result;
}

void ItemEvaluation::onTimeout()
{
    if (m_done)
        return;
    m_result.ok = false;
    m_result.error = tr("timed out after %1 s").arg(double(m_settings.itemTimeoutMs) * repeatCount() / 1000.0);
    qCInfo(lcEval) << "item" << m_item.index << m_result.error;
    complete();
}

void ItemEvaluation::complete()
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    stopCalls();
    // Scores in the order the run lists its metrics, whatever order they finished in.
    std::stable_sort(m_result.scores.begin(), m_result.scores.end(),
                     [this](const MetricScore &a, const MetricScore &b) {
                         return m_settings.metrics.indexOf(a.metric) < m_settings.metrics.indexOf(b.metric);
                     });
    m_result.latencyMs = m_clock.elapsed();
    m_result.completedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    emit finished(m_result);
}

void ItemEvaluation::stopCalls()
{
    // cancel() reports synchronously, and the report edits m_calls.
    const QList<QPointer<ChatCall>> calls = m_calls;
    for (const QPointer<ChatCall> &call : calls) {
        if (call && !call->isFinished())
            call->cancel();
    }
}
