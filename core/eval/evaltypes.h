#pragma once

// The data model every part of evaluations shares: golden-dataset items, per-item results with one
// score per metric (each with its explanation), runs, and quality gates.

#include "core/guardrails/guardrailverdict.h"
#include "core/knowledgebase/citation.h"
#include "core/knowledgebase/retrievedpassage.h"
#include "core/providers/providerselection.h"
#include "core/statistics/interval.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <optional>

// One row of a golden dataset, whatever names the file used (Ragas, legacy Ragas or Bedrock).
struct EvalItem
{
    qint64 index = 0; // 0-based position among the dataset's valid items
    int line = 0; // 1-based line (JSONL) or record (CSV) in the source file
    QString question;
    QStringList contexts;
    QString response; // empty when responses are to be generated
    QString reference;
    QJsonObject extra; // fields we do not interpret, kept as they were
};

// A line of the source that could not be used, and why ("line 7: not a JSON object").
struct SkippedLine
{
    int line = 0;
    QString reason;
};

struct Dataset
{
    qint64 id = 0;
    QString name;
    QString sourcePath;
    QString contentHash; // SHA-256 of the source bytes: a run points at the exact data it used
    int version = 0; // per name, incremented when the content changes
    qint64 itemCount = 0;
    qint64 withResponses = 0;
    QList<SkippedLine> skipped;
    QString createdAt;
};

namespace Metrics {
inline const QString lexicalF1 = QStringLiteral("lexical_f1");
inline const QString rougeL = QStringLiteral("rouge_l");
inline const QString contextSupport = QStringLiteral("context_support");
inline const QString questionOverlap = QStringLiteral("question_overlap");
inline const QString faithfulness = QStringLiteral("faithfulness");
inline const QString relevance = QStringLiteral("relevance");
// Retrieval alone (a Knowledge Base run's passages against the reference), by words.
inline const QString contextRecall = QStringLiteral("context_recall");
inline const QString contextPrecision = QStringLiteral("context_precision");
// The same recall asked of the judge: each statement of the reference, is it in the contexts?
inline const QString judgedContextRecall = QStringLiteral("judged_context_recall");

inline QStringList lexical()
{
    return {lexicalF1, rougeL, contextSupport, questionOverlap};
}
inline QStringList judge()
{
    return {faithfulness, relevance};
}
inline QStringList retrieval()
{
    return {contextRecall, contextPrecision};
}
// Every metric a judge model scores: the default pair and judged context recall.
inline QStringList judged()
{
    return {faithfulness, relevance, judgedContextRecall};
}
// Computed by LexicalMetrics without a model: the lexical set and the retrieval one.
inline bool isLexical(const QString &metric)
{
    return lexical().contains(metric) || retrieval().contains(metric);
}
} // namespace Metrics

// One metric on one item. A metric that could not be computed has no value and says why in
// `error`: a failed judgement is an error, never a silent 0.
struct MetricScore
{
    QString metric;
    std::optional<double> value; // 0…1
    QString explanation;
    QJsonArray details; // e.g. faithfulness: [{statement, verdict, reason}]
    QString error;
    // In a repeated run every score behind `value` (their mean), generation by generation: the
    // judge calls on the first response, then those on the second, … (RunSettings::repeats ×
    // judgeRepeats of them when none failed). Empty when the run is not repeated.
    QList<double> repeats;
};

struct ItemResult
{
    qint64 runId = 0;
    qint64 itemIndex = 0;
    bool ok = true; // false: the item failed as a whole (generation failed, timeout)
    QString error;
    QString response; // the response that was scored
    QList<MetricScore> scores;
    qint64 inputTokens = 0; // generation and judging together
    qint64 outputTokens = 0;
    double costUsd = 0.0;
    qint64 latencyMs = 0;
    QString completedAt;
    // When the run goes through a guardrail: what it did to this item (input and output together).
    std::optional<GuardrailVerdict> guardrail;
    // A Knowledge Base run: what it retrieved (the item's contexts for scoring) and what the
    // answer cites.
    QList<RetrievedPassage> passages;
    QList<Citation> citations;

    const MetricScore *score(const QString &metric) const
    {
        for (const MetricScore &score : scores)
            if (score.metric == metric)
                return &score;
        return nullptr;
    }
};

// Everything needed to run (or resume) a run, stored with it. No secrets: the selections name a
// provider, model and connection profile; credentials are resolved again when the run resumes.
struct RunSettings
{
    bool responsesFromDataset = true;
    ProviderSelection generator; // used when !responsesFromDataset
    ProviderSelection judge; // used when a judge metric is chosen
    QStringList metrics; // metric names, see Metrics
    int concurrency = 4;
    int itemTimeoutMs = 120000;
    QString faithfulnessStatementsPrompt; // empty: the built-in prompt
    QString faithfulnessVerdictsPrompt;
    QString relevancePrompt;
    QMap<QString, double> thresholds; // per metric, for "below threshold" and pass rates (default 0.7)
    QStringList gates; // as given, e.g. "faithfulness>=0.8"
    QString clusterBy; // a dataset field grouping items (e.g. the source document): clustered SEs
    qint64 baselineRunId = 0; // what `METRIC:no-regression` gates compare with
    int repeats = 1; // generations per item
    int judgeRepeats = 1; // judge calls per response and judge metric
    // How responses are generated (when !responsesFromDataset): the system prompt (empty: the
    // built-in "answer from the contexts" instruction), temperature (unset: the model's default)
    // and the response's token limit.
    QString generationSystemPrompt;
    std::optional<double> temperature;
    int maxTokens = 1024;
    // A guardrail applied to every item: `guardrail.guardrail` names it, the rest is the AWS
    // connection ApplyGuardrail uses when the generator is not Bedrock (dataset responses, an
    // OpenAI-compatible model). guardStages: "input" (the question), "output" (the response,
    // grounded in the contexts and checked for relevance to the question), or both.
    ProviderSelection guardrail;
    QStringList guardStages{QStringLiteral("input"), QStringLiteral("output")};

    bool isGuarded() const { return !guardrail.guardrail.isEmpty(); }
    // The generator itself calls the guardrail (Converse, RetrieveAndGenerate, Retrieve). Those
    // check the question and the answer together, so a run that checks only one of them goes
    // through ApplyGuardrail, which checks exactly what it is asked to.
    bool guardsThroughGenerator() const
    {
        return isGuarded() && !responsesFromDataset
            && (generator.provider == QLatin1String("bedrock") || generator.provider == QLatin1String("bedrock-kb"))
            && guardStages.contains(QLatin1String("input")) && guardStages.contains(QLatin1String("output"));
    }
    // What the generator's calls carry: the run's guardrail when it calls it itself, else none.
    GuardrailSetting generatorGuardrail() const;
    bool usesKnowledgeBase() const
    {
        return !responsesFromDataset && generator.provider == QLatin1String("bedrock-kb");
    }

    double threshold(const QString &metric) const { return thresholds.value(metric, 0.7); }
    // Scores of one item come from more than one generation or judge call.
    bool isRepeated() const { return repeats * judgeRepeats > 1; }
    // A judge metric is chosen, so the run calls a judge model.
    bool needsJudge() const
    {
        return std::any_of(metrics.cbegin(), metrics.cend(),
                           [](const QString &metric) { return Metrics::judged().contains(metric); });
    }
    QJsonObject toJson() const;
    static RunSettings fromJson(const QJsonObject &object);
};

struct EvalRun
{
    enum class Status { Running, Completed, Cancelled, Failed, Imported };

    qint64 id = 0;
    QString name;
    qint64 datasetId = 0;
    QString datasetName;
    int datasetVersion = 0;
    QString model; // what produced the responses ("dataset" when brought along)
    QString judgeModel;
    Status status = Status::Running;
    // Stored as running, but no live process holds the run (RunLock): killed or cut off mid-way,
    // waiting for `resume`. Known when read from a workspace file, never stored.
    bool interrupted = false;
    QString createdAt;
    QString finishedAt;
    qint64 itemCount = 0;
    qint64 completed = 0; // items with a result (ok or failed)
    qint64 failed = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    double costUsd = 0.0;
    RunSettings settings;

    static QString statusName(Status status);
    // What people and reports are told: the stored status, or "interrupted".
    QString displayStatus() const;
    static Status statusFromName(const QString &name);
};

// Summary statistics of one metric over a run's items that have a value, each mean with its
// uncertainty: standard error and 95 % interval (clustered when the run groups its items), Wilson's
// interval for the pass rate and a seeded bootstrap interval for the median.
struct MetricSummary
{
    QString metric;
    qint64 count = 0;
    double mean = 0, median = 0, p10 = 0, min = 0, max = 0;
    double passRate = 0; // share of counted items at or above the metric's threshold
    qint64 passing = 0;
    double standardError = 0;
    Interval ci95;
    Interval passRateCi95;
    Interval medianCi95;
    qint64 clusters = 0; // > 0: standard error and interval are clustered over this many groups
    qint64 unstable = 0; // items whose repeated scores fall on both sides of the threshold
};

// A quality gate for CI. `faithfulness>=0.8` compares the run's mean; `faithfulness>=0.8@lower95`
// the lower bound of its 95 % interval (`@upper95` the upper), so noise cannot pass it;
// `faithfulness:no-regression` fails when the paired comparison with the baseline run says worse.
struct Gate
{
    enum class Statistic { Mean, Lower95, Upper95, NoRegression };

    QString metric;
    QString op; // ">=", ">", "<=", "<"; empty for NoRegression
    double threshold = 0;
    Statistic statistic = Statistic::Mean;
    std::optional<double> value; // what was compared: the mean or the bound; for NoRegression the
                                 // mean difference (run − baseline); none when nothing was measured
    bool passed = false;
    QString figures; // the numbers behind the verdict, in words, for people and JUnit
};
