#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"
#include "provideroptions.h"

#include <QCommandLineOption>
#include <QCoreApplication>

class QCommandLineParser;

// The flags of `genaiops eval run` and the RunSettings they make: dataset, metrics, gates and
// thresholds, concurrency, repeats, the generator's and the judge's provider flags. Every
// contradiction (a judge metric without a judge, --repeats on a dataset's own responses, a
// no-regression gate without --baseline) is a usage error naming the flag.
class EvalRunOptions
{
    Q_DECLARE_TR_FUNCTIONS(EvalRunOptions)

public:
    EvalRunOptions();

    void addTo(QCommandLineParser &parser) const;
    // After parsing: the run's settings, or the usage error.
    Result<RunSettings> settings(const QCommandLineParser &parser) const;
    // Responses come from a model (provider flags), not from the dataset.
    // The AWS connection flags alone, with --guardrail, are the guardrail's: no model then.
    bool generates(const QCommandLineParser &parser) const
    {
        return generator.isAnySet(parser) && !generator.isGuardrailConnectionOnly(parser);
    }

    QString dataset(const QCommandLineParser &parser) const;
    // --max-line: the longest dataset line read, in bytes (0: no limit).
    Result<qint64> lineLimit(const QCommandLineParser &parser) const;
    QString name(const QCommandLineParser &parser) const;
    QString junitPath(const QCommandLineParser &parser) const;
    bool json(const QCommandLineParser &parser) const;

    ProviderOptions generator;
    ProviderOptions judge{QStringLiteral("judge-")};

private:
    // Gates, the thresholds they imply, the baseline a no-regression gate needs, and --threshold.
    Status readGates(const QCommandLineParser &parser, RunSettings &settings) const;
    // --concurrency, --item-timeout, --repeats and --judge-repeats.
    Status readLimits(const QCommandLineParser &parser, RunSettings &settings) const;
    // --system-prompt, --temperature and --max-tokens, which need a model generating responses.
    Status readGeneration(const QCommandLineParser &parser, RunSettings &settings) const;
    // --guardrail and --guard: the run's guardrail, its connection and the stages it checks.
    Status readGuardrail(const QCommandLineParser &parser, RunSettings &settings) const;
    static Result<QStringList> parseMetrics(const QString &text, bool judgeGiven);

    QCommandLineOption m_dataset;
    QCommandLineOption m_fromDataset;
    QCommandLineOption m_metrics;
    QCommandLineOption m_concurrency;
    QCommandLineOption m_name;
    QCommandLineOption m_gate;
    QCommandLineOption m_threshold;
    QCommandLineOption m_itemTimeout;
    QCommandLineOption m_junit;
    QCommandLineOption m_json;
    QCommandLineOption m_cluster;
    QCommandLineOption m_baseline;
    QCommandLineOption m_repeats;
    QCommandLineOption m_judgeRepeats;
    QCommandLineOption m_systemPrompt;
    QCommandLineOption m_temperature;
    QCommandLineOption m_maxTokens;
    QCommandLineOption m_maxLine;
    QCommandLineOption m_guardrailEndpoint;
    QCommandLineOption m_guard;
};
