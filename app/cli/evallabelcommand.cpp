#include "evallabelcommand.h"

#include "commandcontext.h"
#include "core/common/localuser.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/judgeagreement.h"
#include "core/eval/labelexchange.h"
#include "core/eval/labelrepository.h"
#include "core/eval/metricstatistics.h"
#include "exitcode.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace {

std::optional<qint64> wholeNumber(const QString &text, qint64 minimum)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    return ok && value >= minimum ? std::optional<qint64>(value) : std::nullopt;
}

Result<QString> reviewer(const QCommandLineParser &parser, const Workspace &workspace)
{
    if (workspace.isTeam()) {
        if (parser.isSet(QStringLiteral("as")))
            return makeError(Error::Kind::Usage,
                             EvalLabelCommand::tr("--as is refused in a team workspace: you label as the database role "
                                                  "you logged in with (%1)")
                                 .arg(workspace.sessionUser()));
        return workspace.sessionUser();
    }
    if (!parser.isSet(QStringLiteral("as")))
        return LocalUser::name();
    const QString name = parser.value(QStringLiteral("as")).trimmed();
    if (name.isEmpty())
        return makeError(Error::Kind::Usage, EvalLabelCommand::tr("--as needs a user name"));
    return name;
}

QString bounds(const Interval &interval, int decimals = 3)
{
    return interval.isKnown()
        ? QStringLiteral("[%1, %2]").arg(interval.low, 0, 'f', decimals).arg(interval.high, 0, 'f', decimals)
        : QStringLiteral("[–]");
}

void printAgreement(const MetricAgreement &metric)
{
    CommandContext::print(EvalLabelCommand::tr("  %1  %2 (%3 labels by %4)")
                              .arg(metric.metric, -14)
                              .arg(metric.describe())
                              .arg(metric.judgeKappa.pairs)
                              .arg(metric.reviewers.join(QStringLiteral(", "))));
    if (metric.labelledItems == 0)
        return;
    CommandContext::print(
        EvalLabelCommand::tr(
            "      judge × people: pass/pass %1, pass/fail %2, fail/pass %3, fail/fail %4 (threshold %5)")
            .arg(metric.confusion[1][1])
            .arg(metric.confusion[1][0])
            .arg(metric.confusion[0][1])
            .arg(metric.confusion[0][0])
            .arg(metric.threshold));
    CommandContext::print(
        EvalLabelCommand::tr("      judge bias %1; judged mean %2 (n %3), corrected %4 %5, labels alone %6 %7")
            .arg(metric.judgeBias.value_or(0), 0, 'f', 3)
            .arg(metric.judgedMean, 0, 'f', 3)
            .arg(metric.judgedItems)
            .arg(metric.corrected.estimate, 0, 'f', 3)
            .arg(bounds(metric.corrected.ci95))
            .arg(metric.corrected.humanMean, 0, 'f', 3)
            .arg(bounds(metric.corrected.humanCi95)));
    if (!metric.randomSample)
        CommandContext::print(EvalLabelCommand::tr(
            "      the labelled items were not all drawn at random, so the corrected mean may lean "
            "towards the items chosen"));
    if (metric.withoutJudgeScore > 0)
        CommandContext::print(EvalLabelCommand::tr("      %1 labelled item(s) left out: the judge gave them no score")
                                  .arg(metric.withoutJudgeScore));
    for (const MetricAgreement::ReviewerPair &pair : metric.reviewerPairs)
        CommandContext::print(
            EvalLabelCommand::tr("      %1 × %2: κ %3 %4 on %5 shared items, agreement %6 %")
                .arg(pair.first, pair.second)
                .arg(pair.kappa.kappa ? QString::number(*pair.kappa.kappa, 'f', 2) : QStringLiteral("unknown"))
                .arg(bounds(pair.kappa.ci95, 2))
                .arg(pair.kappa.pairs)
                .arg(pair.kappa.agreement * 100, 0, 'f', 0));
    if (!metric.warning().isEmpty())
        CommandContext::print(QStringLiteral("      ! ") + metric.warning());
}

} // namespace

int EvalLabelCommand::label(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Label one item of a run for one judged metric: pass, fail or a score from 0 to 1. "
           "Labelling again replaces your earlier label of that item and metric."));
    parser.addPositionalArgument(QStringLiteral("run_id"), tr("The run (see `genaiops eval list`)."));
    parser.addPositionalArgument(QStringLiteral("item"),
                                 tr("The item's index, as `eval show --json` and the exports give it."));
    const QCommandLineOption metricOption(QStringLiteral("metric"), tr("The judged metric, e.g. faithfulness."),
                                          QStringLiteral("name"));
    const QCommandLineOption passOption(QStringLiteral("pass"), tr("The item passes."));
    const QCommandLineOption failOption(QStringLiteral("fail"), tr("The item fails."));
    const QCommandLineOption scoreOption(QStringLiteral("score"), tr("Your score from 0 to 1."), QStringLiteral("x"));
    const QCommandLineOption commentOption(QStringLiteral("comment"), tr("Why."), QStringLiteral("text"));
    const QCommandLineOption asOption(QStringLiteral("as"), tr("Label as this user (default: the login name)."),
                                      QStringLiteral("user"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print the stored label as JSON."));
    parser.addOptions({metricOption, passOption, failOption, scoreOption, commentOption, asOption, jsonOption});
    if (const std::optional<int> ended = context.parse(parser))
        return *ended;
    const QStringList positional = parser.positionalArguments();
    const auto runId = wholeNumber(positional.value(0), 1);
    const auto item = wholeNumber(positional.value(1), 0);
    if (positional.size() != 2 || !runId || !item)
        return CommandContext::usage(
            tr("eval label: expected RUN_ID ITEM, e.g. `eval label 3 17 --metric faithfulness --fail`"));
    if (!parser.isSet(metricOption))
        return CommandContext::usage(tr("eval label: --metric is required"));
    const int verdicts = int(parser.isSet(passOption)) + int(parser.isSet(failOption)) + int(parser.isSet(scoreOption));
    if (verdicts != 1)
        return CommandContext::usage(tr("eval label: give exactly one of --pass, --fail or --score X"));
    HumanLabel label = parser.isSet(passOption) ? HumanLabel::pass() : HumanLabel::fail();
    if (parser.isSet(scoreOption)) {
        auto score = CommandContext::numberOption(parser, QStringLiteral("score"), 0);
        if (!score)
            return CommandContext::fail(score.error());
        if (score.value() > 1)
            return CommandContext::usage(tr("eval label: --score must be from 0 to 1"));
        label = HumanLabel::score(score.value());
    }
    auto workspace = context.workspace(Workspace::OpenMode::ExistingOnly);
    if (!workspace)
        return CommandContext::fail(workspace.error());
    auto who = reviewer(parser, *workspace.value());
    if (!who)
        return CommandContext::fail(who.error());
    label.runId = *runId;
    label.itemIndex = *item;
    label.metric = parser.value(metricOption);
    label.reviewer = who.value();
    label.comment = parser.value(commentOption);
    label.source = QStringLiteral("manual");
    const Status stored = LabelRepository(*workspace.value()).store({label});
    if (!stored)
        return CommandContext::fail(stored.error());
    if (parser.isSet(jsonOption)) {
        CommandContext::printJson(label.toJson());
        return ExitOk;
    }
    auto run = EvalRunRepository(*workspace.value()).find(label.runId);
    auto result = EvalRunRepository(*workspace.value()).result(label.runId, label.itemIndex);
    QString judge = tr("the judge has not scored it");
    if (run && run.value() && result && result.value()) {
        const MetricScore *score = result.value()->score(label.metric);
        if (score && score->value)
            judge = tr("the judge said %1 (%2)")
                        .arg(*score->value, 0, 'f', 3)
                        .arg(MetricStatistics::passes(*score->value, run.value()->settings.threshold(label.metric))
                                 ? tr("pass")
                                 : tr("fail"));
    }
    CommandContext::print(tr("Labelled item %1 of run %2, %3: %4 by %5; %6")
                              .arg(label.itemIndex)
                              .arg(label.runId)
                              .arg(label.metric,
                                   label.verdict == HumanLabel::Verdict::Score ? QString::number(label.value)
                                                                               : HumanLabel::verdictName(label.verdict),
                                   label.reviewer, judge));
    return ExitOk;
}

int EvalLabelCommand::labels(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("List a run's labels, or move them as JSONL: `eval labels RUN_ID`, "
           "`eval labels RUN_ID --export FILE`, `eval labels --import FILE [--run RUN_ID]`."));
    parser.addPositionalArgument(QStringLiteral("run_id"), tr("The run (see `genaiops eval list`)."));
    const QCommandLineOption exportOption(QStringLiteral("export"), tr("Write the run's labels to FILE (JSONL)."),
                                          QStringLiteral("file"));
    const QCommandLineOption importOption(
        QStringLiteral("import"), tr("Store the labels of FILE (JSONL); all or nothing."), QStringLiteral("file"));
    const QCommandLineOption runOption(QStringLiteral("run"),
                                       tr("With --import: store every label on this run, whatever run the file names."),
                                       QStringLiteral("run_id"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print one JSON object."));
    parser.addOptions({exportOption, importOption, runOption, jsonOption});
    if (const std::optional<int> ended = context.parse(parser))
        return *ended;
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(importOption)) {
        if (!positional.isEmpty() || parser.isSet(exportOption))
            return CommandContext::usage(tr("eval labels --import FILE takes no RUN_ID (use --run to choose the run)"));
        std::optional<qint64> target = qint64(0);
        if (parser.isSet(runOption) && !(target = wholeNumber(parser.value(runOption), 1)))
            return CommandContext::usage(tr("eval labels: --run expects a RUN_ID"));
        auto workspace = context.workspace(Workspace::OpenMode::ExistingOnly);
        if (!workspace)
            return CommandContext::fail(workspace.error());
        auto imported = LabelExchange::importLabels(*workspace.value(), parser.value(importOption), *target);
        if (!imported)
            return CommandContext::fail(imported.error());
        if (parser.isSet(jsonOption))
            CommandContext::printJson({{QStringLiteral("imported"), imported.value()}});
        else
            CommandContext::print(
                tr("Imported %1 label(s) from %2").arg(imported.value()).arg(parser.value(importOption)));
        return ExitOk;
    }
    const auto runId = wholeNumber(positional.value(0), 1);
    if (positional.size() != 1 || !runId)
        return CommandContext::usage(tr("eval labels: expected one RUN_ID, or --import FILE"));
    auto workspace = context.workspace(Workspace::OpenMode::ExistingOnly);
    if (!workspace)
        return CommandContext::fail(workspace.error());
    if (parser.isSet(exportOption)) {
        auto exported = LabelExchange::exportLabels(*workspace.value(), *runId, parser.value(exportOption));
        if (!exported)
            return CommandContext::fail(exported.error());
        CommandContext::print(
            tr("Wrote %1 label(s) of run %2 to %3").arg(exported.value()).arg(*runId).arg(parser.value(exportOption)));
        return ExitOk;
    }
    auto labels = LabelRepository(*workspace.value()).labels(*runId);
    if (!labels)
        return CommandContext::fail(labels.error());
    if (parser.isSet(jsonOption)) {
        QJsonArray array;
        for (const HumanLabel &label : labels.value())
            array.append(label.toJson());
        CommandContext::printJson({{QStringLiteral("labels"), array}});
        return ExitOk;
    }
    for (const HumanLabel &label : labels.value())
        CommandContext::print(
            QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\t%7")
                .arg(label.itemIndex)
                .arg(label.metric,
                     label.verdict == HumanLabel::Verdict::Score ? QString::number(label.value)
                                                                 : HumanLabel::verdictName(label.verdict),
                     label.reviewer, label.createdAt.left(16), label.source, label.comment.simplified()));
    if (labels.value().isEmpty())
        CommandContext::print(
            tr("Run %1 has no labels yet. Label items in the Evaluations panel's review queue, or with "
               "`genaiops eval label %1 ITEM --metric M --pass|--fail`.")
                .arg(*runId));
    return ExitOk;
}

int EvalLabelCommand::agreement(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("How far the judge agrees with people's labels, per judged metric: Cohen's κ with its "
           "bootstrap interval, raw agreement, the confusion of verdicts, the judge's bias, κ "
           "between reviewers, and the judged mean corrected by prediction-powered inference."));
    parser.addPositionalArgument(QStringLiteral("run_id"), tr("The run (see `genaiops eval list`)."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print one JSON object."));
    parser.addOption(jsonOption);
    if (const std::optional<int> ended = context.parse(parser))
        return *ended;
    const QStringList positional = parser.positionalArguments();
    const auto runId = wholeNumber(positional.value(0), 1);
    if (positional.size() != 1 || !runId)
        return CommandContext::usage(tr("eval agreement: expected one RUN_ID (see `genaiops eval list`)"));
    auto workspace = context.workspace(Workspace::OpenMode::ExistingOnly);
    if (!workspace)
        return CommandContext::fail(workspace.error());
    auto computed = JudgeAgreement::compute(*workspace.value(), *runId);
    if (!computed)
        return CommandContext::fail(computed.error());
    if (parser.isSet(jsonOption)) {
        QJsonObject object = JudgeAgreement::toJson(computed.value());
        object.insert(QStringLiteral("run_id"), *runId);
        CommandContext::printJson(object);
        return ExitOk;
    }
    if (computed.value().isEmpty()) {
        CommandContext::print(tr("Run %1 has no labels of a judged metric yet, so the judge's agreement with people is "
                                 "not known. Label items with `genaiops eval label %1 ITEM --metric M --pass|--fail`.")
                                  .arg(*runId));
        return ExitOk;
    }
    CommandContext::print(tr("Run %1: the judge against people's labels").arg(*runId));
    for (const MetricAgreement &metric : computed.value())
        printAgreement(metric);
    return ExitOk;
}
