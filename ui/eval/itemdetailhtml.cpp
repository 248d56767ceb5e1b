#include "ui/eval/itemdetailhtml.h"

#include "ui/common/guardrailhtml.h"
#include "ui/theme.h"

#include <QJsonObject>
#include <QLocale>

QString ItemDetailHtml::escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString ItemDetailHtml::item(const EvalItem &item, const std::optional<ItemResult> &result, const QString &scores)
{
    QString html = tr("<h3>Item %1</h3>").arg(item.index);
    html += QStringLiteral("<h4>%1</h4><p>%2</p>").arg(tr("Question"), escaped(item.question));
    html += scores;
    if (result && result->guardrail)
        html += QStringLiteral("<h4>%1</h4>").arg(tr("Guardrail"))
            + GuardrailHtml::verdict(*result->guardrail, result->response);
    // A Knowledge Base's answer: its citations marked, and the passages it retrieved, which were
    // the contexts it was scored against (the dataset's own contexts follow).
    if (result && (!result->citations.isEmpty() || !result->passages.isEmpty()))
        html += QStringLiteral("<h4>%1</h4>").arg(tr("Response (Knowledge Base, with citations)"))
            + GuardrailHtml::citedAnswer(result->response, result->citations, result->passages);
    else
        html += QStringLiteral("<h4>%1</h4><p>%2</p>")
                    .arg(tr("Response"), escaped(result ? result->response : item.response));
    html += QStringLiteral("<h4>%1</h4>").arg(tr("Contexts"));
    if (item.contexts.isEmpty())
        html += tr("<p><i>none</i></p>");
    for (int position = 0; position < item.contexts.size(); ++position)
        html += QStringLiteral("<p><b>[%1]</b> %2</p>").arg(position + 1).arg(escaped(item.contexts[position]));
    html += QStringLiteral("<h4>%1</h4><p>%2</p>")
                .arg(tr("Reference"), item.reference.isEmpty() ? tr("<i>none</i>") : escaped(item.reference));
    return html;
}

QString ItemDetailHtml::scores(const ItemResult &result, const QString &metric)
{
    QString html;
    if (!result.ok)
        html += QStringLiteral("<p style=\"%1\"><b>%2</b> %3</p>")
                    .arg(Theme::textStyle(Theme::Role::Bad), tr("Error:"), escaped(result.error));
    for (const MetricScore &score : result.scores) {
        if (!metric.isEmpty() && score.metric != metric)
            continue;
        const QString label = Metrics::isLexical(score.metric) ? tr("%1 (lexical)").arg(score.metric) : score.metric;
        const QString value = score.value ? QLocale().toString(*score.value, 'f', 3) : tr("error");
        html += QStringLiteral("<h4>%1: %2</h4>").arg(label.toHtmlEscaped(), value);
        if (!score.error.isEmpty())
            html += QStringLiteral("<p style=\"%1\">%2</p>")
                        .arg(Theme::textStyle(Theme::Role::Bad), escaped(score.error));
        if (!score.explanation.isEmpty())
            html += QStringLiteral("<p>%1</p>").arg(escaped(score.explanation));
        for (const QJsonValue &entry : score.details) {
            const QJsonObject verdict = entry.toObject();
            if (!verdict.contains(QStringLiteral("statement")))
                continue;
            const bool supported = verdict.value(QStringLiteral("verdict")).toInt() == 1;
            html += QStringLiteral("<p>%1 %2<br><small>%3</small></p>")
                        .arg(supported ? QStringLiteral("✔") : QStringLiteral("✘"),
                             escaped(verdict.value(QStringLiteral("statement")).toString()),
                             escaped(verdict.value(QStringLiteral("reason")).toString()));
        }
    }
    return html;
}

QString ItemDetailHtml::labels(const QList<HumanLabel> &labels)
{
    if (labels.isEmpty())
        return {};
    QString html = QStringLiteral("<h4>%1</h4>").arg(tr("People's labels"));
    for (const HumanLabel &label : labels) {
        const QString verdict = label.verdict == HumanLabel::Verdict::Score ? QLocale().toString(label.value, 'f', 2)
                                                                            : HumanLabel::verdictName(label.verdict);
        html
            += tr("<p>%1: <b>%2</b> by %3 (%4)%5</p>")
                   .arg(label.metric.toHtmlEscaped(), verdict, label.reviewer.toHtmlEscaped(), label.createdAt.left(16),
                        label.comment.isEmpty() ? QString() : QStringLiteral(" — ") + escaped(label.comment));
    }
    return html;
}
