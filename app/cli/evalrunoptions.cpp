#include "evalrunoptions.h"

#include "commandcontext.h"
#include "core/eval/hashinglinereader.h"
#include "core/eval/qualitygate.h"

#include <QCommandLineParser>

namespace {

Error usage(const QString &message)
{
    return makeError(Error::Kind::Usage, message + QStringLiteral(" (see genaiops --help)"));
}

} // namespace

EvalRunOptions::EvalRunOptions()
    : m_dataset(QStringLiteral("dataset"), tr("Golden dataset (JSONL or CSV)."), QStringLiteral("file")),
      m_fromDataset(QStringLiteral("responses-from-dataset"), tr("Score the responses the dataset brings.")),
      m_metrics(QStringLiteral("metrics"), tr("lexical, judge, or metric names, comma-separated."),
                QStringLiteral("list")),
      m_concurrency(QStringLiteral("concurrency"), tr("Items in flight at once (default 8)."), QStringLiteral("n")),
      m_name(QStringLiteral("name"), tr("Run name."), QStringLiteral("name")),
      m_gate(QStringLiteral("gate"), tr("Quality gate on a metric's mean, e.g. faithfulness>=0.8 (repeatable)."),
             QStringLiteral("gate")),
      m_threshold(QStringLiteral("threshold"), tr("Pass threshold for a metric, e.g. relevance=0.6 (repeatable)."),
                  QStringLiteral("metric=x")),
      m_itemTimeout(QStringLiteral("item-timeout"), tr("Seconds one item may take (default 120)."),
                    QStringLiteral("seconds")),
      m_junit(QStringLiteral("junit"), tr("Write a JUnit XML file with a test case per gate."), QStringLiteral("file")),
      m_json(QStringLiteral("json"), tr("Print one JSON object.")),
      m_cluster(QStringLiteral("cluster-by"),
                tr("Dataset field that groups items (e.g. their source document): standard errors are clustered by "
                   "it."),
                QStringLiteral("field")),
      m_baseline(QStringLiteral("baseline"), tr("Run that METRIC:no-regression gates compare with, item by item."),
                 QStringLiteral("run_id")),
      m_repeats(QStringLiteral("repeats"), tr("Generations per item (default 1); figures use each item's mean."),
                QStringLiteral("k")),
      m_judgeRepeats(QStringLiteral("judge-repeats"), tr("Judge calls per response and judge metric (default 1)."),
                     QStringLiteral("j")),
      m_systemPrompt(QStringLiteral("system-prompt"),
                     tr("System prompt for generating responses (default: answer from the contexts only)."),
                     QStringLiteral("text")),
      m_temperature(QStringLiteral("temperature"), tr("Temperature for generating responses (default: the model's)."),
                    QStringLiteral("x")),
      m_maxTokens(QStringLiteral("max-tokens"), tr("Token limit of a generated response (default 1024)."),
                  QStringLiteral("n")),
      m_maxLine(QStringLiteral("max-line"),
                tr("Skip a dataset line longer than BYTES, naming it (default %1; 0: no limit).")
                    .arg(HashingLineReader::DefaultLineLimit),
                QStringLiteral("bytes")),
      m_guardrailEndpoint(QStringLiteral("guardrail-endpoint-url"),
                          tr("Bedrock Runtime endpoint for ApplyGuardrail, when --endpoint-url names another (a "
                             "Knowledge Base's agent runtime)."),
                          QStringLiteral("url")),
      m_guard(QStringLiteral("guard"),
              tr("What the guardrail checks: input (the question), output (the response), or input,output "
                 "(default)."),
              QStringLiteral("list"))
{ }

void EvalRunOptions::addTo(QCommandLineParser &parser) const
{
    generator.addTo(parser);
    judge.addTo(parser);
    parser.addOptions({m_dataset,           m_fromDataset,  m_metrics,      m_concurrency, m_name,      m_gate,
                       m_threshold,         m_itemTimeout,  m_junit,        m_json,        m_cluster,   m_baseline,
                       m_repeats,           m_judgeRepeats, m_systemPrompt, m_temperature, m_maxTokens, m_maxLine,
                       m_guardrailEndpoint, m_guard});
}

QString EvalRunOptions::dataset(const QCommandLineParser &parser) const
{
    return parser.value(m_dataset);
}

Result<qint64> EvalRunOptions::lineLimit(const QCommandLineParser &parser) const
{
    const Result<double> bytes = CommandContext::numberOption(parser, m_maxLine.names().first(), 0,
                                                              double(HashingLineReader::DefaultLineLimit));
    if (!bytes)
        return bytes.error();
    return qint64(bytes.value());
}

QString EvalRunOptions::name(const QCommandLineParser &parser) const
{
    return parser.value(m_name);
}

QString EvalRunOptions::junitPath(const QCommandLineParser &parser) const
{
    return parser.value(m_junit);
}

bool EvalRunOptions::json(const QCommandLineParser &parser) const
{
    return parser.isSet(m_json);
}

Result<RunSettings> EvalRunOptions::settings(const QCommandLineParser &parser) const
{
    if (!parser.positionalArguments().isEmpty())
        return usage(tr("eval run: unexpected argument \"%1\"").arg(parser.positionalArguments().first()));
    if (!parser.isSet(m_dataset))
        return usage(tr("eval run: --dataset FILE is required"));
    const bool generate = generates(parser);
    if (generate && parser.isSet(m_fromDataset))
        return usage(tr("eval run: choose either --responses-from-dataset or provider flags, not both"));

    RunSettings settings;
    settings.responsesFromDataset = !generate;
    settings.generator = generator.selection(parser);
    settings.judge = judge.selection(parser);
    auto metrics = parseMetrics(parser.value(m_metrics), judge.isAnySet(parser));
    if (!metrics)
        return metrics.error();
    settings.metrics = metrics.value();
    if (Status limits = readLimits(parser, settings); !limits)
        return limits.error();
    if (Status gates = readGates(parser, settings); !gates)
        return gates.error();
    if (Status generation = readGeneration(parser, settings); !generation)
        return generation.error();
    if (settings.repeats > 1 && !generate)
        return usage(tr("--repeats needs a model to generate responses (provider flags); a dataset's own responses "
                        "are the same every time"));
    settings.clusterBy = parser.value(m_cluster).trimmed();
    if (settings.needsJudge() && !judge.isAnySet(parser))
        return usage(tr("judge metrics need a judge model: --judge-provider … --judge-model … (or --metrics lexical)"));
    if (settings.judgeRepeats > 1 && !settings.needsJudge())
        return usage(tr("--judge-repeats needs a judge metric (faithfulness or relevance)"));
    if (Status guardrail = readGuardrail(parser, settings); !guardrail)
        return guardrail.error();
    if (settings.generator.knowledgeBase.retrieveOnly && !settings.usesKnowledgeBase())
        return usage(tr("--retrieve-only needs a Knowledge Base: --provider bedrock-kb --knowledge-base ID"));
    return settings;
}

Status EvalRunOptions::readGuardrail(const QCommandLineParser &parser, RunSettings &settings) const
{
    if (!generator.hasGuardrail(parser)) {
        if (parser.isSet(m_guard))
            return usage(tr("--guard needs a guardrail: --guardrail ID:VERSION"));
        return Done{};
    }
    // The guardrail's own AWS connection: the Bedrock flags, without a model or a Knowledge Base.
    ProviderSelection connection = generator.selection(parser);
    connection.provider = QStringLiteral("bedrock");
    connection.model = connection.guardrail;
    connection.baseUrl.clear();
    connection.knowledgeBase = {};
    // A Knowledge Base run's --endpoint-url is the agent runtime's: ApplyGuardrail needs Bedrock Runtime's.
    if (parser.isSet(m_guardrailEndpoint))
        connection.endpointUrl = parser.value(m_guardrailEndpoint);
    else if (settings.usesKnowledgeBase())
        connection.endpointUrl.clear();
    auto valid = GuardrailSetting::parse(connection.guardrail,
                                         connection.guardrailTrace.isEmpty() ? QStringLiteral("enabled")
                                                                             : connection.guardrailTrace);
    if (!valid)
        return valid.error();
    settings.guardrail = connection;
    if (parser.isSet(m_guard)) {
        settings.guardStages.clear();
        for (const QString &part : parser.value(m_guard).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString stage = part.trimmed().toLower();
            if (stage != QLatin1String("input") && stage != QLatin1String("output"))
                return usage(tr("--guard expects input, output or input,output, not \"%1\"").arg(part));
            if (!settings.guardStages.contains(stage))
                settings.guardStages << stage;
        }
        if (settings.guardStages.isEmpty())
            return usage(tr("--guard expects input, output or input,output"));
    }
    // The generator carries the guardrail only when it calls it itself (EvalRunner sets it then).
    settings.generator.guardrail.clear();
    settings.generator.guardrailTrace.clear();
    return Done{};
}

Status EvalRunOptions::readLimits(const QCommandLineParser &parser, RunSettings &settings) const
{
    bool ok = true;
    settings.concurrency = parser.isSet(m_concurrency) ? parser.value(m_concurrency).toInt(&ok) : 8;
    if (!ok || settings.concurrency < 1 || settings.concurrency > 256)
        return usage(tr("--concurrency expects 1 to 256"));
    if (parser.isSet(m_itemTimeout)) {
        const double seconds = parser.value(m_itemTimeout).toDouble(&ok);
        if (!ok || seconds <= 0)
            return usage(tr("--item-timeout expects seconds > 0"));
        settings.itemTimeoutMs = int(seconds * 1000);
    }
    for (const auto &[option, target] :
         {std::pair{&m_repeats, &settings.repeats}, std::pair{&m_judgeRepeats, &settings.judgeRepeats}}) {
        if (!parser.isSet(*option))
            continue;
        *target = parser.value(*option).toInt(&ok);
        if (!ok || *target < 1 || *target > 20)
            return usage(tr("--%1 expects 1 to 20").arg(option->names().first()));
    }
    return Done{};
}

Status EvalRunOptions::readGeneration(const QCommandLineParser &parser, RunSettings &settings) const
{
    for (const QCommandLineOption *option : {&m_systemPrompt, &m_temperature, &m_maxTokens}) {
        if (parser.isSet(*option) && !generates(parser))
            return usage(tr("--%1 needs a model to generate responses (provider flags)").arg(option->names().first()));
    }
    settings.generationSystemPrompt = parser.value(m_systemPrompt);
    bool ok = true;
    if (parser.isSet(m_temperature)) {
        const double temperature = parser.value(m_temperature).toDouble(&ok);
        if (!ok || temperature < 0 || temperature > 2)
            return usage(tr("--temperature expects 0 to 2"));
        settings.temperature = temperature;
    }
    if (parser.isSet(m_maxTokens)) {
        settings.maxTokens = parser.value(m_maxTokens).toInt(&ok);
        if (!ok || settings.maxTokens < 1 || settings.maxTokens > 200000)
            return usage(tr("--max-tokens expects 1 to 200000"));
    }
    return Done{};
}

Status EvalRunOptions::readGates(const QCommandLineParser &parser, RunSettings &settings) const
{
    bool regressionGate = false;
    for (const QString &text : parser.values(m_gate)) {
        auto gate = QualityGate::parse(text);
        if (!gate)
            return gate.error();
        settings.gates << text;
        if (gate.value().statistic == Gate::Statistic::NoRegression) {
            regressionGate = true;
            continue;
        }
        // A gate's threshold is also the metric's pass threshold unless one is given.
        if (!settings.thresholds.contains(gate.value().metric))
            settings.thresholds.insert(gate.value().metric, gate.value().threshold);
    }
    bool ok = true;
    if (parser.isSet(m_baseline)) {
        settings.baselineRunId = parser.value(m_baseline).toLongLong(&ok);
        if (!ok || settings.baselineRunId <= 0)
            return usage(tr("--baseline expects a RUN_ID (see `genaiops eval list`)"));
    } else if (regressionGate) {
        return usage(tr("a METRIC:no-regression gate needs --baseline RUN_ID to compare with"));
    }
    for (const QString &text : parser.values(m_threshold)) {
        const QString metric = text.section(QLatin1Char('='), 0, 0).trimmed();
        const double value = text.section(QLatin1Char('='), 1).toDouble(&ok);
        if (metric.isEmpty() || !ok || value < 0 || value > 1)
            return usage(tr("--threshold expects METRIC=X with X from 0 to 1, got \"%1\"").arg(text));
        settings.thresholds.insert(metric, value);
    }
    return Done{};
}

Result<QStringList> EvalRunOptions::parseMetrics(const QString &text, bool judgeGiven)
{
    if (text.isEmpty())
        return judgeGiven ? Metrics::lexical() + Metrics::judge() : Metrics::lexical();
    QStringList metrics;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = part.trimmed();
        if (name == QLatin1String("lexical"))
            metrics << Metrics::lexical();
        else if (name == QLatin1String("judge"))
            metrics << Metrics::judge();
        else if (name == QLatin1String("retrieval"))
            metrics << Metrics::retrieval();
        else if (Metrics::isLexical(name) || Metrics::judged().contains(name))
            metrics << name;
        else
            return makeError(
                Error::Kind::Usage,
                tr("unknown metric \"%1\" in --metrics (use lexical, judge, retrieval, or names: %2)")
                    .arg(name,
                         (Metrics::lexical() + Metrics::retrieval() + Metrics::judged()).join(QStringLiteral(", "))));
    }
    metrics.removeDuplicates();
    return metrics;
}
