#pragma once

#include "core/common/result.h"
#include "core/registry/registryservice.h"

#include <QTextBrowser>

// The one detail view of the Registry panel: a version's properties and metrics at once, then its
// evidence (linked evaluation runs, each a link that opens the run) and decision history when they
// arrive. It names the version it shows, so a caller can tell whether a late answer still belongs.
class VersionPageView : public QTextBrowser
{
    Q_OBJECT

public:
    explicit VersionPageView(QWidget *parent = nullptr);

    // A heading and a line of advice (HTML allowed in `advice`) instead of a version.
    void showEmpty(const QString &heading, const QString &advice = {});
    // The version's own properties while its evidence and history load.
    void showVersion(const ModelVersion &version);
    // The whole page; `page` is an error when the evidence or history could not be read.
    void showPage(const ModelVersion &version, const Result<RegistryService::VersionPage> &page);

    // The version on screen (group empty when none is).
    QString shownGroup() const { return m_group; }
    int shownVersion() const { return m_version; }

signals:
    void openEvaluationRun(qint64 runId);

private:
    QString propertiesHtml(const ModelVersion &version) const;
    QString evidenceHtml(const QList<RunEvidence> &evidence) const;
    QString historyHtml(const QList<AuditEntry> &history) const;

    QString m_group;
    int m_version = 0;
};
