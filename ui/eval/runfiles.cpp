#include "ui/eval/runfiles.h"

#include "core/eval/bedrockoutputimporter.h"
#include "core/eval/runexport.h"
#include "core/storage/workspaceworker.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QRegularExpression>
#include <QSettings>
#include <QToolButton>

RunFiles::RunFiles(WorkspaceWorker &worker, QWidget *parent) : QObject(parent), m_worker(worker), m_parent(parent)
{ }

void RunFiles::importBedrock()
{
    const QString path = QFileDialog::getOpenFileName(m_parent, tr("Import Amazon Bedrock evaluation output"), {},
                                                      tr("JSON Lines (*.jsonl *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    m_worker.run<ImportedRun>(
        [path](Workspace &workspace) { return BedrockOutputImporter::import(workspace, path); }, this,
        [this](Result<ImportedRun> done) {
            if (!done)
                return emit problem(done.error().describe());
            const ImportedRun &run = done.value();
            QString message = tr("Imported %1 items as run \"%2\".").arg(run.run.itemCount).arg(run.run.name);
            if (!run.skipped.isEmpty())
                message += tr(" %n line(s) were skipped, the first: line %1: %2", nullptr, int(run.skipped.size()))
                               .arg(run.skipped.first().line)
                               .arg(run.skipped.first().reason);
            emit imported(run.run.id, message);
        });
}

void RunFiles::exportRun(qint64 runId, const QString &runName, const QString &format)
{
    // Where the last export went: a reviewer hands reports on from one folder.
    QSettings settings;
    const QString directory = settings.value(QStringLiteral("export/directory"), QDir::homePath()).toString();
    QString name = runName.isEmpty() ? QStringLiteral("run") : runName;
    name.replace(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|]")), QStringLiteral("-"));
    const QString suggested = QDir(directory).filePath(QStringLiteral("%1.%2").arg(name, format));
    const QString path = QFileDialog::getSaveFileName(m_parent, tr("Export run"), suggested);
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("export/directory"), QFileInfo(path).absolutePath());
    m_worker.run<Done>(
        [runId, format, path](Workspace &workspace) { return RunExport::write(workspace, runId, format, path); }, this,
        [this, path](Status written) {
            if (!written)
                return emit problem(written.error().describe());
            emit exported(tr("Exported to %1.").arg(path));
        });
}

QToolButton *RunFiles::exportButton(std::function<std::pair<qint64, QString>()> openRun)
{
    auto *button = new QToolButton(m_parent);
    button->setObjectName(QStringLiteral("exportButton"));
    button->setPopupMode(QToolButton::MenuButtonPopup);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    const auto exportAs = [this, openRun](const QString &format) {
        if (const auto [runId, name] = openRun(); runId)
            exportRun(runId, name, format);
    };
    auto *report = new QAction(tr("Export report…"), button);
    report->setToolTip(tr("Save the run as an HTML report; the arrow offers CSV and JSONL"));
    connect(report, &QAction::triggered, this, [exportAs]() { exportAs(QStringLiteral("html")); });
    button->setDefaultAction(report);
    auto *menu = new QMenu(button);
    menu->addAction(tr("HTML report…"), this, [exportAs]() { exportAs(QStringLiteral("html")); });
    menu->addAction(tr("CSV…"), this, [exportAs]() { exportAs(QStringLiteral("csv")); });
    menu->addAction(tr("JSONL…"), this, [exportAs]() { exportAs(QStringLiteral("jsonl")); });
    button->setMenu(menu);
    return button;
}
