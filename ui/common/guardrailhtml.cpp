#include "ui/common/guardrailhtml.h"

#include "ui/theme.h"

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

} // namespace

QString GuardrailHtml::verdict(const GuardrailVerdict &verdict, const QString &shownText)
{
    QString html = verdict.intervened
        ? QStringLiteral("<p style=\"%1\"><b>%2</b></p>")
              .arg(Theme::textStyle(Theme::Role::Bad),
                   verdict.anonymized() && verdict.firedPolicies() == QStringList{QStringLiteral("pii")}
                       ? tr("Guardrail intervened: sensitive data was masked")
                       : tr("Guardrail intervened: the answer was blocked"))
        : QStringLiteral("<p style=\"%1\"><b>%2</b></p>")
              .arg(Theme::textStyle(Theme::Role::Good), tr("Guardrail passed"));
    QStringList rows;
    for (const GuardrailFinding &finding : verdict.findings) {
        if (!finding.fired() && finding.policy != QLatin1String("grounding"))
            continue;
        const Theme::Role role = finding.fired() ? Theme::Role::Bad : Theme::Role::Muted;
        rows << QStringLiteral("<li style=\"%1\">%2</li>").arg(Theme::textStyle(role), escaped(finding.describe()));
    }
    if (!rows.isEmpty())
        html += QStringLiteral("<ul>%1</ul>").arg(rows.join(QString()));
    else if (verdict.intervened)
        html += tr("<p><i>The service gave no trace of which policy acted.</i></p>");
    if (!verdict.modelOutput.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b><br>%2</p>")
                    .arg(tr("The model had answered:"), escaped(verdict.modelOutput.join(QLatin1Char('\n'))));
        if (!shownText.isEmpty())
            html += QStringLiteral("<p><b>%1</b><br>%2</p>").arg(tr("The guardrail let through:"), escaped(shownText));
    }
    if (verdict.units > 0)
        html += tr("<p><small>%n policy unit(s)</small></p>", nullptr, int(verdict.units));
    return html;
}

QString GuardrailHtml::citedAnswer(const QString &text, const QList<Citation> &citations,
                                   const QList<RetrievedPassage> &passages)
{
    // Walks the answer once: plain text between citations, each cited part highlighted and followed
    // by its marks. Citations are in answer order; one that overlaps the previous is marked only.
    QString html = QStringLiteral("<p>");
    qsizetype position = 0;
    // A pale wash of the warning colour: the cited words stay easy to read in either theme.
    const QString highlight
        = QStringLiteral("background-color:%1;").arg(Theme::color(Theme::Role::Warning, false).lighter(175).name());
    for (const Citation &citation : citations) {
        const qsizetype start = std::clamp(citation.start, position, text.size());
        const qsizetype end = std::clamp(citation.end, start, text.size());
        html += escaped(text.mid(position, start - position));
        html += QStringLiteral("<span style=\"%1 color:black;\">%2</span>")
                    .arg(highlight, escaped(text.mid(start, end - start)));
        for (int passage : citation.passages)
            html += QStringLiteral("<sup><a href=\"#passage-%1\">[%1]</a></sup>").arg(passage + 1);
        position = std::max(position, end);
    }
    html += escaped(text.mid(position)) + QStringLiteral("</p>");
    if (passages.isEmpty())
        return html + tr("<p><i>Nothing was retrieved.</i></p>");
    html += QStringLiteral("<h4>%1</h4>").arg(tr("Retrieved passages"));
    for (qsizetype i = 0; i < passages.size(); ++i) {
        const RetrievedPassage &passage = passages[i];
        const QString score
            = passage.score >= 0 ? tr(" score %1").arg(QString::number(passage.score, 'f', 3)) : QString();
        html += QStringLiteral("<p><a name=\"passage-%1\"></a><b>[%1]</b> <small>%2%3</small><br>%4</p>")
                    .arg(i + 1)
                    .arg(escaped(passage.uri), score, escaped(passage.text));
    }
    return html;
}
