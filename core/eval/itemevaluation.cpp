#include "core/eval/itemevaluation.h"

#include "core/common/logcategories.h"
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

// Repeated judge calls exist to measure how much the judge's verdict moves; at temperature 0 they
// would mostly measure the service's own nondeterminism, so they sample at this temperature.
constexpr double repeatedJudgeTemperature = 0.7;

ChatRequest judgeRequest(const QString &prompt, int maxTokens, bool repeated)
{
    ChatRequest request
        = ChatRequest::fromPrompt(prompt, u"You are a careful, strict evaluator. Answer with JSON only."_s);
    // The same answer for the same item, run after run, as far as the service allows — unless the
    // run asked for repeated judge calls.
    request.parameters.temperature = repeated ? repeatedJudgeTemperature : 0.0;
    request.parameters.maxTokens = maxTokens;
    // Nobody reads a judge's answer as it streams; one whole answer costs far less per call
    // (bench_eval_throughput: about half the CPU per item).
    request.stream = false;
    return request;
}

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

ChatRequest ItemEvaluation::generationRequest(const EvalItem &item, const RunSettings &settings)
{
    QString prompt;
    if (!item.contexts.isEmpty()) {
        prompt += u"Contexts:\n"_s;
        for (qsizetype i = 0; i < item.contexts.size(); ++i)
            prompt += u"[%1] %2\n\n"_s.arg(i + 1).arg(item.contexts[i]);
    }
    prompt += u"Question: "_s + item.question;
    const QString system = settings.generationSystemPrompt.trimmed().isEmpty()
        ? u"Answer the question using only the contexts given. If they do not contain the answer, say so."_s
        : settings.generationSystemPrompt;
    ChatRequest request = ChatRequest::fromPrompt(prompt, system);
    request.parameters.maxTokens = settings.maxTokens;
    request.parameters.temperature = settings.temperature;
    request.stream = false; // scored whole, so streamed deltas would only cost CPU
    return request;
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
        score();
    } else if (m_settings.responsesFromDataset) {
        m_result.response = m_item.response;
        m_response = m_result.response;
        if (m_result.response.isEmpty()) {
            m_result.ok = false;
            m_result.error = tr("the dataset has no response for this item (line %1)").arg(m_item.line);
            complete();
            return;
        }
        score();
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
    ask(m_providers.generator, generationRequest(m_item, m_settings), [this](const Result<ChatResult> &outcome) {
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
        if (m_generation == 0)
            m_result.response = m_response;
        const bool judged = m_toScore.contains(Metrics::faithfulness) || m_toScore.contains(Metrics::relevance);
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
    m_calls.append(call);
    const ProviderConfig config = provider.provider->config();
    const std::optional<ModelPrice> price = provider.price;
    const QString prompt = request.messages.isEmpty() ? QString() : request.messages.last().text;
    connect(call, &ChatCall::finished, this,
            [this, call, config, price, prompt, then](const Result<ChatResult> &outcome) {
                m_calls.removeOne(call);
                call->deleteLater();
                if (outcome) {
                    m_result.inputTokens += qMax<qint64>(0, outcome.value().inputTokens);
                    m_result.outputTokens += qMax<qint64>(0, outcome.value().outputTokens);
                }
                const Invocation invocation
                    = InvocationRecorder::invocation(invocationSource, config, price, prompt, outcome);
                m_result.costUsd += invocation.costUsd.value_or(0.0);
                m_log(invocation);
                if (!m_done)
                    then(outcome);
            });
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
    m_judgingsLeft = int(faithfulness) + int(relevance);
    if (m_judgingsLeft == 0) {
        roundDone();
        return;
    }
    // Both may finish at once (a failed prompt): count first, then start.
    if (faithfulness)
        startFaithfulness();
    if (relevance && !m_done)
        startRelevance();
}

void ItemEvaluation::startFaithfulness()
{
    const QString &metric = Metrics::faithfulness;
    if (!m_providers.judge.provider)
        return metricFailed(metric, makeError(Error::Kind::Usage, tr("no judge model is configured")));
    if (m_item.contexts.isEmpty())
        return metricFailed(
            metric, makeError(Error::Kind::Input, tr("the item has no contexts to check the response against")));
    const Result<QString> prompt
        = JudgeMetrics::statementsPrompt(m_settings.faithfulnessStatementsPrompt, m_item, m_response);
    if (!prompt)
        return metricFailed(metric, prompt.error());
    ask(m_providers.judge, judgeRequest(prompt.value(), 2048, m_settings.judgeRepeats > 1),
        [this, metric](const Result<ChatResult> &outcome) {
            if (!outcome)
                return metricFailed(metric, outcome.error());
            const Result<QStringList> statements = JudgeMetrics::parseStatements(outcome.value().text);
            if (!statements)
                return metricFailed(metric, statements.error());
            const Result<QString> verdictsPrompt = JudgeMetrics::verdictsPrompt(m_settings.faithfulnessVerdictsPrompt,
                                                                                m_item, m_response, statements.value());
            if (!verdictsPrompt)
                return metricFailed(metric, verdictsPrompt.error());
            ask(m_providers.judge, judgeRequest(verdictsPrompt.value(), 4096, m_settings.judgeRepeats > 1),
                [this, metric, statements = statements.value()](const Result<ChatResult> &verdicts) {
                    if (!verdicts)
                        return metricFailed(metric, verdicts.error());
                    const Result<MetricScore> score = JudgeMetrics::parseVerdicts(verdicts.value().text, statements);
                    if (!score)
                        return metricFailed(metric, score.error());
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
    ask(m_providers.judge, judgeRequest(prompt.value(), 1024, m_settings.judgeRepeats > 1),
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
