#include "ui/registry/versionpageview.h"

#include "ui/common/displaynames.h"

#include <QLocale>
#include <QUrl>

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString minutes(const QString &isoTime)
{
    return isoTime.left(16).replace(QLatin1Char('T'), QLatin1Char(' '));
}

} // namespace

VersionPageView::VersionPageView(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("genaiops-eval"))
            emit openEvaluationRun(url.path().toLongLong());
    });
}

void VersionPageView::showEmpty(const QString &heading, const QString &advice)
{
    m_group.clear();
    m_version = 0;
    setHtml(QStringLiteral("<h3>%1</h3>").arg(escaped(heading))
            + (advice.isEmpty() ? QString() : QStringLiteral("<p>%1</p>").arg(advice)));
}

void VersionPageView::showVersion(const ModelVersion &version)
{
    m_group = version.group;
    m_version = version.version;
    setHtml(propertiesHtml(version) + tr("<p><i>Loading evidence and history…</i></p>"));
}

void VersionPageView::showPage(const ModelVersion &version, const Result<RegistryService::VersionPage> &page)
{
    m_group = version.group;
    m_version = version.version;
    QString html = propertiesHtml(version);
    if (!page) {
        html += tr("<h4>Evidence and history</h4><p><b>Could not be read:</b> %1</p>")
                    .arg(escaped(page.error().describe()));
    } else {
        html += evidenceHtml(page.value().evidence);
        html += historyHtml(page.value().history);
    }
    setHtml(html);
}

QString VersionPageView::propertiesHtml(const ModelVersion &version) const
{
    const QLocale locale;
    QString html = tr("<h3>%1 — version %2</h3>").arg(escaped(version.group)).arg(version.version);
    html += tr("<p><b>%1</b> · stage %2 · registered by %3 on %4</p>")
                .arg(DisplayNames::approval(version.status),
                     version.stage == Stage::None ? tr("none") : DisplayNames::stage(version.stage),
                     escaped(version.registrant), minutes(version.createdAt));
    html += tr("<p>Artifact: <code>%1</code></p>").arg(escaped(version.artifactUri));
    if (!version.description.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(escaped(version.description));
    html += tr("<h4>Metrics</h4>");
    if (version.metrics.isEmpty())
        return html + tr("<p><i>none recorded</i></p>");
    html += QStringLiteral("<table cellpadding=\"3\">");
    for (auto it = version.metrics.cbegin(); it != version.metrics.cend(); ++it)
        html += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td></tr>")
                    .arg(escaped(it.key()), locale.toString(it.value(), 'g', 4));
    return html + QStringLiteral("</table>");
}

QString VersionPageView::evidenceHtml(const QList<RunEvidence> &evidence) const
{
    QString html = tr("<h4>Evidence: linked evaluation runs</h4>");
    if (evidence.isEmpty())
        return html + tr("<p><i>no evaluation run linked: a Prod decision will need an override reason</i></p>");
    for (const RunEvidence &run : evidence) {
        html += QStringLiteral("<p><a href=\"genaiops-eval:%1\">%2</a> — %3</p>")
                    .arg(run.runId)
                    .arg(escaped(run.name), escaped(run.describe()));
        const QStringList agreement = run.agreementLines();
        if (!agreement.isEmpty())
            html += tr("<p style=\"margin-left: 16px\">Judge against people: %1</p>")
                        .arg(escaped(agreement.join(QStringLiteral("; "))));
    }
    return html;
}

QString VersionPageView::historyHtml(const QList<AuditEntry> &history) const
{
    QString html = tr("<h4>Decision history</h4>");
    if (history.isEmpty())
        return html + tr("<p><i>no decisions yet</i></p>");
    for (const AuditEntry &entry : history) {
        const QString comment
            = entry.comment.isEmpty() ? QString() : QStringLiteral("<br><i>“%1”</i>").arg(escaped(entry.comment));
        html += tr("<p>%1 — <b>%2</b> by %3 (%4): %5 → %6%7</p>")
                    .arg(minutes(entry.at), escaped(DisplayNames::auditAction(entry.action)), escaped(entry.actor),
                         escaped(DisplayNames::roleName(entry.role)),
                         escaped(DisplayNames::auditState(entry.fromStatus, entry.fromStage)),
                         escaped(DisplayNames::auditState(entry.toStatus, entry.toStage)), comment);
    }
    return html;
}
