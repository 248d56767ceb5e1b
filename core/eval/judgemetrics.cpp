#include "core/eval/judgemetrics.h"

#include "core/common/prompttemplate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// Scanning for a balanced object is quadratic at worst; no useful judge answer is this long.
constexpr qsizetype MaximumAnswer = 200 * 1024;
constexpr qsizetype ExcerptLength = 160;

QString numberedContexts(const QStringList &contexts)
{
    if (contexts.isEmpty())
        return u"(none)"_s;
    QStringList lines;
    for (qsizetype i = 0; i < contexts.size(); ++i)
        lines << u"[%1] %2"_s.arg(i + 1).arg(contexts[i]);
    return lines.join(u"\n\n"_s);
}

QString numberedStatements(const QStringList &statements)
{
    QStringList lines;
    for (qsizetype i = 0; i < statements.size(); ++i)
        lines << u"%1. %2"_s.arg(i + 1).arg(statements[i]);
    return lines.join(u'\n');
}

Result<QString> render(const QString &customTemplate, const QString &builtIn, const EvalItem &item,
                       const QString &response, const QStringList &statements = {})
{
    QMap<QString, QString> values{
        {u"question"_s, item.question}, {u"contexts"_s, numberedContexts(item.contexts)}, {u"response"_s, response}};
    if (!statements.isEmpty())
        values.insert(u"statements"_s, numberedStatements(statements));
    return PromptTemplate::render(customTemplate.trimmed().isEmpty() ? builtIn : customTemplate, values);
}

// End (exclusive) of the object opening at `start`, or -1 when its braces never balance.
qsizetype balancedEnd(QStringView text, qsizetype start)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = start; i < text.size(); ++i) {
        const QChar c = text[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == u'\\')
                escaped = true;
            else if (c == u'"')
                inString = false;
        } else if (c == u'"') {
            inString = true;
        } else if (c == u'{') {
            ++depth;
        } else if (c == u'}' && --depth == 0) {
            return i + 1;
        }
    }
    return -1;
}

std::optional<QJsonObject> firstObject(QStringView text, QString &parseProblem)
{
    for (qsizetype start = text.indexOf(u'{'); start >= 0; start = text.indexOf(u'{', start + 1)) {
        const qsizetype end = balancedEnd(text, start);
        if (end < 0)
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(text.sliced(start, end - start).toUtf8(), &error);
        if (error.error == QJsonParseError::NoError && document.isObject())
            return document.object();
        if (parseProblem.isEmpty())
            parseProblem = error.errorString();
    }
    return std::nullopt;
}

// 1, 0, true, false, "1", "0", "yes", "no"; anything else is not a verdict.
std::optional<bool> verdictValue(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool();
    if (value.isDouble() && (value.toDouble() == 0.0 || value.toDouble() == 1.0))
        return value.toDouble() == 1.0;
    const QString word = value.toString().trimmed().toLower();
    if (word == "1"_L1 || word == "yes"_L1 || word == "true"_L1)
        return true;
    if (word == "0"_L1 || word == "no"_L1 || word == "false"_L1)
        return false;
    return std::nullopt;
}

} // namespace

QString JudgeMetrics::defaultStatementsPrompt()
{
    return uR"(You are breaking a response into the factual claims it makes.

Split the response below into standalone factual statements. Each statement must be understandable on its own: replace pronouns with what they refer to, and keep one claim per statement. Leave out greetings, opinions and filler. Use the question only to understand the response.

Question:
{{question}}

Response:
{{response}}

Answer with JSON only, in this form:
{"statements": ["first statement", "second statement"]})"_s;
}

QString JudgeMetrics::defaultVerdictsPrompt()
{
    return uR"(You are checking statements against retrieved contexts.

For each statement give verdict 1 when it can be inferred directly from the contexts, and 0 when it cannot (the contexts contradict it or do not say). Judge only against the contexts, not against your own knowledge. Give a short reason for every verdict, and keep the statements in the order given.

Contexts:
{{contexts}}

Statements:
{{statements}}

Answer with JSON only, in this form:
{"verdicts": [{"statement": "the statement", "verdict": 1, "reason": "why"}]})"_s;
}

QString JudgeMetrics::defaultRelevancePrompt()
{
    return uR"(You are rating how well a response addresses a question.

Give a score from 0 to 1: 1 when the response answers the question directly and completely, about 0.5 when it answers only part of it or wanders into what was not asked, 0 when it does not answer it at all (off topic, or a refusal). Rate relevance only, not whether the facts are correct.

Question:
{{question}}

Response:
{{response}}

Answer with JSON only, in this form:
{"score": 0.8, "explanation": "one or two sentences"})"_s;
}

Result<QString> JudgeMetrics::statementsPrompt(const QString &customTemplate, const EvalItem &item,
                                               const QString &response)
{
    return render(customTemplate, defaultStatementsPrompt(), item, response);
}

Result<QString> JudgeMetrics::verdictsPrompt(const QString &customTemplate, const EvalItem &item,
                                             const QString &response, const QStringList &statements)
{
    return render(customTemplate, defaultVerdictsPrompt(), item, response, statements);
}

Result<QString> JudgeMetrics::relevancePrompt(const QString &customTemplate, const EvalItem &item,
                                              const QString &response)
{
    return render(customTemplate, defaultRelevancePrompt(), item, response);
}

Error JudgeMetrics::badAnswer(const QString &reason, const QString &answer)
{
    QString excerpt = answer.simplified();
    if (excerpt.size() > ExcerptLength)
        excerpt = excerpt.first(ExcerptLength) + u'…';
    return makeError(Error::Kind::Service,
                     tr("the judge's answer was not the JSON asked for: %1 in \"%2\"").arg(reason, excerpt));
}

Result<QJsonObject> JudgeMetrics::extractJsonObject(const QString &answer)
{
    static const QRegularExpression thinking(u"<think>.*?</think>"_s, QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression fence(u"```(?:json|JSON)?[ \\t]*\\n?(.*?)```"_s,
                                          QRegularExpression::DotMatchesEverythingOption);
    if (answer.trimmed().isEmpty())
        return badAnswer(tr("the answer is empty"), answer);
    QString text = answer.first(qMin(answer.size(), MaximumAnswer));
    text.remove(thinking);

    QString parseProblem;
    auto fences = fence.globalMatch(text);
    while (fences.hasNext()) {
        if (auto object = firstObject(fences.next().capturedView(1), parseProblem))
            return *object;
    }
    if (auto object = firstObject(text, parseProblem))
        return *object;
    return badAnswer(parseProblem.isEmpty() ? tr("no JSON object found") : tr("malformed JSON (%1)").arg(parseProblem),
                     answer);
}

Result<QStringList> JudgeMetrics::parseStatements(const QString &answer)
{
    Result<QJsonObject> object = extractJsonObject(answer);
    if (!object)
        return object.error();
    const QJsonValue list = object.value().value("statements"_L1);
    if (!list.isArray())
        return badAnswer(tr("\"statements\" is not a list"), answer);
    QStringList statements;
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        // Some judges wrap each statement in an object of its own.
        const QJsonValue entry = array[i].isObject() ? array[i].toObject().value("statement"_L1) : array[i];
        if (!entry.isString())
            return badAnswer(tr("statement %1 is not a string").arg(i + 1), answer);
        if (const QString statement = entry.toString().trimmed(); !statement.isEmpty())
            statements << statement;
    }
    if (statements.isEmpty())
        return makeError(Error::Kind::Service, tr("no statements could be extracted from the response"));
    return statements;
}

Result<MetricScore> JudgeMetrics::parseVerdicts(const QString &answer, const QStringList &statements)
{
    if (statements.isEmpty())
        return makeError(Error::Kind::Service, tr("no statements could be extracted from the response"));
    Result<QJsonObject> object = extractJsonObject(answer);
    if (!object)
        return object.error();
    const QJsonValue list = object.value().value("verdicts"_L1);
    if (!list.isArray())
        return badAnswer(tr("\"verdicts\" is not a list"), answer);
    const QJsonArray verdicts = list.toArray();
    // A missing verdict would silently change the denominator.
    if (verdicts.size() != statements.size())
        return badAnswer(tr("%1 verdicts for %2 statements").arg(verdicts.size()).arg(statements.size()), answer);

    MetricScore score;
    score.metric = Metrics::faithfulness;
    int supported = 0;
    for (qsizetype i = 0; i < verdicts.size(); ++i) {
        const QJsonObject entry = verdicts[i].toObject();
        const std::optional<bool> verdict = verdictValue(entry.value("verdict"_L1));
        if (!verdicts[i].isObject() || !verdict)
            return badAnswer(tr("verdict %1 is not 0 or 1").arg(i + 1), answer);
        const QJsonValue reason = entry.value("reason"_L1);
        if (!reason.isString() && !reason.isUndefined() && !reason.isNull())
            return badAnswer(tr("the reason of verdict %1 is not text").arg(i + 1), answer);
        const QString judged = entry.value("statement"_L1).toString().trimmed();
        supported += *verdict ? 1 : 0;
        score.details.append(QJsonObject{{"statement"_L1, judged.isEmpty() ? statements[i] : judged},
                                         {"verdict"_L1, *verdict ? 1 : 0},
                                         {"reason"_L1, reason.toString()}});
    }
    score.value = double(supported) / double(statements.size());
    score.explanation = tr("%1 of %2 statements are supported by the contexts").arg(supported).arg(statements.size());
    return score;
}

Result<MetricScore> JudgeMetrics::parseRelevance(const QString &answer)
{
    Result<QJsonObject> object = extractJsonObject(answer);
    if (!object)
        return object.error();
    const QJsonValue value = object.value().value("score"_L1);
    if (!value.isDouble())
        return badAnswer(tr("\"score\" is not a number"), answer);
    const double number = value.toDouble();
    if (!std::isfinite(number) || number < 0.0 || number > 1.0)
        return badAnswer(tr("score %1 is outside 0…1").arg(number), answer);
    const QJsonValue explanation = object.value().value("explanation"_L1);
    if (!explanation.isString())
        return badAnswer(tr("\"explanation\" is not text"), answer);

    MetricScore score;
    score.metric = Metrics::relevance;
    score.value = number;
    score.explanation = explanation.toString().trimmed();
    return score;
}
