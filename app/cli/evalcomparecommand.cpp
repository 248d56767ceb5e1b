#include "evalcomparecommand.h"

#include "commandcontext.h"
#include "core/eval/runcomparison.h"
#include "core/statistics/sampleplanner.h"
#include "exitcode.h"

#include <QCommandLineParser>
#include <QJsonObject>

namespace {

std::optional<double> fraction(const QString &text, bool open)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || value <= 0 || value >= 1 || (!open && value > 1))
        return std::nullopt;
    return value;
}

} // namespace

int EvalCompareCommand::compare(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Compare two runs item by item: per metric the mean difference (B − A) with its paired "
           "95 % interval and p-value, and a verdict (better, worse, or no difference detectable at "
           "this size) after Holm's correction across the metrics."));
    parser.addPositionalArgument(QStringLiteral("run_a"), tr("The baseline run."));
    parser.addPositionalArgument(QStringLiteral("run_b"), tr("The run compared with it."));
    const QCommandLineOption metricOption(QStringLiteral("metric"), tr("Compare only this metric (repeatable)."),
                                          QStringLiteral("name"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print one JSON object."));
    parser.addOptions({metricOption, jsonOption});
    if (const std::optional<int> ended = context.parse(parser))
        return *ended;
    const QStringList positional = parser.positionalArguments();
    bool okA = false, okB = false;
    const qint64 runA = positional.value(0).toLongLong(&okA);
    const qint64 runB = positional.value(1).toLongLong(&okB);
    if (positional.size() != 2 || !okA || !okB || runA <= 0 || runB <= 0)
        return CommandContext::usage(tr("eval compare: expected RUN_A RUN_B (see `genaiops eval list`)"));
    auto workspace = context.workspace(Workspace::OpenMode::ExistingOnly);
    if (!workspace)
        return CommandContext::fail(workspace.error());
    auto comparison = RunComparison::compute(*workspace.value(), runA, runB, parser.values(metricOption));
    if (!comparison)
        return CommandContext::fail(comparison.error());
    const RunComparison &result = comparison.value();
    if (parser.isSet(jsonOption)) {
        CommandContext::printJson(result.toJson());
        return ExitOk;
    }
    CommandContext::print(tr("Run %1 \"%2\" (A) against run %3 \"%4\" (B): %5 items paired by %6")
                              .arg(result.runA.id)
                              .arg(result.runA.name)
                              .arg(result.runB.id)
                              .arg(result.runB.name)
                              .arg(result.pairedItems)
                              .arg(result.pairedBy));
    if (!result.onlyA.isEmpty() || !result.onlyB.isEmpty())
        CommandContext::print(tr("  left out, in one run only: %1 of A (%2), %3 of B (%4)")
                                  .arg(result.onlyA.size())
                                  .arg(result.onlyA.mid(0, 10).join(QStringLiteral(", ")))
                                  .arg(result.onlyB.size())
                                  .arg(result.onlyB.mid(0, 10).join(QStringLiteral(", "))));
    for (const MetricComparison &metric : result.metrics) {
        CommandContext::print(QStringLiteral("  %1 A %2  B %3  %4")
                                  .arg(metric.metric, -18)
                                  .arg(metric.difference.meanA, 0, 'f', 3)
                                  .arg(metric.difference.meanB, 0, 'f', 3)
                                  .arg(RunComparison::describe(metric)));
    }
    if (result.metrics.isEmpty())
        CommandContext::print(tr("  the runs share no metric"));
    return ExitOk;
}

int EvalCompareCommand::plan(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("How many items an evaluation needs to detect a difference of --effect, given the "
           "standard deviation of the per-item differences (--sd), for a two-sided paired test."));
    const QCommandLineOption sdOption(QStringLiteral("sd"),
                                      tr("Standard deviation of the per-item score differences, e.g. 0.15."),
                                      QStringLiteral("s"));
    const QCommandLineOption effectOption(QStringLiteral("effect"), tr("The difference worth detecting, e.g. 0.03."),
                                          QStringLiteral("d"));
    const QCommandLineOption powerOption(QStringLiteral("power"), tr("Chance of detecting it (default 0.8)."),
                                         QStringLiteral("p"));
    const QCommandLineOption alphaOption(QStringLiteral("alpha"), tr("False-alarm rate (default 0.05)."),
                                         QStringLiteral("a"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print one JSON object."));
    parser.addOptions({sdOption, effectOption, powerOption, alphaOption, jsonOption});
    if (const std::optional<int> ended = context.parse(parser))
        return *ended;
    if (!parser.positionalArguments().isEmpty())
        return CommandContext::usage(tr("eval plan takes no arguments"));
    if (!parser.isSet(sdOption) || !parser.isSet(effectOption))
        return CommandContext::usage(tr("eval plan: --sd S and --effect D are required"));
    bool ok = false;
    const double sd = parser.value(sdOption).toDouble(&ok);
    if (!ok || sd <= 0)
        return CommandContext::usage(tr("--sd expects a number > 0, got \"%1\"").arg(parser.value(sdOption)));
    const double effect = parser.value(effectOption).toDouble(&ok);
    if (!ok || effect <= 0)
        return CommandContext::usage(tr("--effect expects a number > 0, got \"%1\"").arg(parser.value(effectOption)));
    const std::optional<double> power
        = fraction(parser.isSet(powerOption) ? parser.value(powerOption) : QStringLiteral("0.8"), true);
    if (!power)
        return CommandContext::usage(
            tr("--power expects a number between 0 and 1, got \"%1\"").arg(parser.value(powerOption)));
    const std::optional<double> alpha
        = fraction(parser.isSet(alphaOption) ? parser.value(alphaOption) : QStringLiteral("0.05"), true);
    if (!alpha)
        return CommandContext::usage(
            tr("--alpha expects a number between 0 and 1, got \"%1\"").arg(parser.value(alphaOption)));
    const qint64 items = SamplePlanner::itemsNeeded(sd, effect, *alpha, *power);
    if (parser.isSet(jsonOption)) {
        CommandContext::printJson({{QStringLiteral("items"), items},
                                   {QStringLiteral("sd"), sd},
                                   {QStringLiteral("effect"), effect},
                                   {QStringLiteral("power"), *power},
                                   {QStringLiteral("alpha"), *alpha}});
        return ExitOk;
    }
    CommandContext::print(tr("%1 items: a paired comparison of that many finds a difference of %2 (per-item SD %3) "
                             "with probability %4 at α %5.")
                              .arg(items)
                              .arg(effect)
                              .arg(sd)
                              .arg(*power)
                              .arg(*alpha));
    return ExitOk;
}
