#include "core/eval/humanlabel.h"

#include "core/eval/metricstatistics.h"

#include <cmath>

HumanLabel HumanLabel::fail()
{
    HumanLabel label;
    label.verdict = Verdict::Fail;
    label.value = 0;
    return label;
}

HumanLabel HumanLabel::score(double value)
{
    HumanLabel label;
    label.verdict = Verdict::Score;
    label.value = value;
    return label;
}

bool HumanLabel::passes(double threshold) const
{
    switch (verdict) {
    case Verdict::Pass:
        return true;
    case Verdict::Fail:
        return false;
    case Verdict::Score:
        return MetricStatistics::passes(value, threshold);
    }
    return false;
}

QString HumanLabel::verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass:
        return QStringLiteral("pass");
    case Verdict::Fail:
        return QStringLiteral("fail");
    case Verdict::Score:
        return QStringLiteral("score");
    }
    return QStringLiteral("score");
}

std::optional<HumanLabel::Verdict> HumanLabel::verdictFromName(const QString &name)
{
    for (Verdict verdict : {Verdict::Pass, Verdict::Fail, Verdict::Score})
        if (name == verdictName(verdict))
            return verdict;
    return std::nullopt;
}

QJsonObject HumanLabel::toJson() const
{
    return {{QStringLiteral("run_id"), runId},
            {QStringLiteral("item"), itemIndex},
            {QStringLiteral("metric"), metric},
            {QStringLiteral("reviewer"), reviewer},
            {QStringLiteral("verdict"), verdictName(verdict)},
            {QStringLiteral("value"), value},
            {QStringLiteral("comment"), comment},
            {QStringLiteral("source"), source},
            {QStringLiteral("created_at"), createdAt}};
}

Result<HumanLabel> HumanLabel::fromJson(const QJsonObject &object, const QString &where)
{
    const auto text = [&](const char *key) { return object.value(QLatin1String(key)).toString(); };
    const auto integer = [&](const char *key) -> std::optional<qint64> {
        const QJsonValue field = object.value(QLatin1String(key));
        const double number = field.toDouble(-1);
        if (!field.isDouble() || number < 0 || number != std::floor(number) || number > 9.0e15)
            return std::nullopt;
        return qint64(number);
    };
    HumanLabel label;
    const auto runId = integer("run_id");
    const auto item = integer("item");
    if (!runId || *runId == 0)
        return makeError(Error::Kind::Input, tr("\"run_id\" must be a positive whole number"), where);
    if (!item)
        return makeError(Error::Kind::Input, tr("\"item\" must be a whole number from 0"), where);
    label.runId = *runId;
    label.itemIndex = *item;
    label.metric = text("metric");
    label.reviewer = text("reviewer").trimmed();
    const auto verdict = verdictFromName(text("verdict"));
    if (!verdict)
        return makeError(Error::Kind::Input,
                         tr("\"verdict\" must be pass, fail or score, not \"%1\"").arg(text("verdict")), where);
    label.verdict = *verdict;
    const QJsonValue value = object.value(QStringLiteral("value"));
    if (label.verdict == Verdict::Score && !value.isDouble())
        return makeError(Error::Kind::Input, tr("a score label needs a numeric \"value\" from 0 to 1"), where);
    label.value = label.verdict == Verdict::Pass ? 1 : label.verdict == Verdict::Fail ? 0 : value.toDouble();
    label.comment = text("comment");
    label.source = text("source");
    label.createdAt = text("created_at");
    const Status valid = label.validate(where);
    if (!valid)
        return valid.error();
    return label;
}

Status HumanLabel::validate(const QString &where) const
{
    if (metric.trimmed().isEmpty())
        return makeError(Error::Kind::Input, tr("the label names no metric"), where);
    if (reviewer.trimmed().isEmpty())
        return makeError(Error::Kind::Input, tr("the label names no reviewer"), where);
    if (!std::isfinite(value) || value < 0 || value > 1)
        return makeError(Error::Kind::Input, tr("a label's value must be from 0 to 1, not %1").arg(value), where);
    if (comment.size() > 4000)
        return makeError(Error::Kind::Input,
                         tr("the comment has %1 characters; at most 4000 are kept").arg(comment.size()), where);
    return Done{};
}
