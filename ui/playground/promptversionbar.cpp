#include "ui/playground/promptversionbar.h"

#include "core/storage/workspaceworker.h"
#include "ui/playground/promptdiffdialog.h"

#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>

PromptVersionBar::PromptVersionBar(WorkspaceWorker &worker, std::function<Draft()> draft, QWidget *parent)
    : QToolBar(parent), m_worker(worker), m_draft(std::move(draft)), m_name(new QComboBox(this)),
      m_version(new QComboBox(this))
{
    m_name->setEditable(true);
    m_name->setMinimumWidth(160);
    m_name->lineEdit()->setPlaceholderText(tr("prompt name"));
    m_version->setMinimumWidth(130);
    addWidget(new QLabel(tr("Prompt: "), this));
    addWidget(m_name);
    addWidget(m_version);
    QAction *save = addAction(tr("Save version"), this, &PromptVersionBar::saveVersion);
    save->setShortcut(QKeySequence::Save);
    save->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    if (parent)
        parent->addAction(save); // Ctrl+S from anywhere in the panel
    addAction(tr("Label…"), this, &PromptVersionBar::setLabel);
    addAction(tr("Compare versions…"), this, &PromptVersionBar::compareVersions);
    connect(m_name, &QComboBox::textActivated, this, [this](const QString &name) { loadVersions(name); });
    connect(m_version, &QComboBox::activated, this, &PromptVersionBar::applyCurrent);
}

QString PromptVersionBar::promptName() const
{
    return m_name->currentText().trimmed();
}

void PromptVersionBar::setPromptName(const QString &name)
{
    m_name->setCurrentText(name);
}

int PromptVersionBar::currentVersion() const
{
    return m_version->currentData().toInt();
}

void PromptVersionBar::loadNames(const QString &select)
{
    m_worker.run<QStringList>([](Workspace &workspace) { return PromptLibrary(workspace).names(); }, this,
                              [this, select](Result<QStringList> names) {
                                  if (!names)
                                      return emit problem(names.error().describe());
                                  const QString current = select.isEmpty() ? m_name->currentText() : select;
                                  m_name->clear();
                                  m_name->addItems(names.value());
                                  const QString chosen = current.isEmpty() ? names.value().value(0) : current;
                                  m_name->setCurrentText(chosen);
                                  if (!chosen.isEmpty())
                                      loadVersions(chosen);
                              });
}

void PromptVersionBar::loadVersions(const QString &name, int select)
{
    m_worker.run<QList<PromptVersion>>([name](Workspace &workspace) { return PromptLibrary(workspace).versions(name); },
                                       this,
                                       [this, select](Result<QList<PromptVersion>> versions) {
                                           if (!versions)
                                               emit problem(versions.error().describe());
                                           showVersions(versions ? versions.value() : QList<PromptVersion>(), select);
                                       });
}

void PromptVersionBar::showVersions(const QList<PromptVersion> &versions, int select)
{
    m_versions = versions;
    m_version->clear();
    for (const PromptVersion &version : versions) {
        QString label = tr("v%1").arg(version.version);
        if (!version.labels.isEmpty())
            label += QStringLiteral(" · ") + version.labels.join(QStringLiteral(", "));
        m_version->addItem(label, version.version);
    }
    if (select > 0)
        m_version->setCurrentIndex(m_version->findData(select));
    // Text the person typed is never replaced by a silent load.
    if (m_editorFollowsLoads && select == 0)
        applyCurrent();
}

void PromptVersionBar::applyCurrent()
{
    const int number = currentVersion();
    for (const PromptVersion &version : std::as_const(m_versions))
        if (version.version == number)
            emit versionChosen(version);
}

void PromptVersionBar::saveVersion()
{
    QString name = promptName();
    if (name.isEmpty()) {
        name = QInputDialog::getText(this, tr("Save prompt"), tr("Name of the prompt:")).trimmed();
        if (name.isEmpty())
            return;
    }
    bool ok = false;
    const QString note = QInputDialog::getText(this, tr("Save version of %1").arg(name), tr("What changed (optional):"),
                                               QLineEdit::Normal, {}, &ok);
    if (ok)
        saveVersionAs(name, note);
}

void PromptVersionBar::saveVersionAs(const QString &name, const QString &note)
{
    const Draft draft = m_draft();
    m_worker.run<PromptVersion>(
        [=](Workspace &workspace) {
            return PromptLibrary(workspace).saveVersion(name, draft.templateText, draft.system, draft.parameters, note,
                                                        draft.guardrails);
        },
        this,
        [this, name](Result<PromptVersion> stored) {
            if (!stored)
                return emit problem(stored.error().describe());
            emit saved(tr("Saved %1 version %2.").arg(name).arg(stored.value().version));
            loadNames(name);
            loadVersions(name, stored.value().version);
        });
}

void PromptVersionBar::setLabel()
{
    const QString name = promptName();
    const int version = currentVersion();
    if (name.isEmpty() || version == 0)
        return emit problem(tr("Save the prompt first, then label one of its versions."));
    bool ok = false;
    const QString label
        = QInputDialog::getText(this, tr("Label version %1").arg(version),
                                tr("Label (e.g. production, staging); it moves from any other version:"),
                                QLineEdit::Normal, QStringLiteral("production"), &ok)
              .trimmed();
    if (!ok || label.isEmpty())
        return;
    m_worker.run<Done>([=](Workspace &workspace) { return PromptLibrary(workspace).setLabel(name, label, version); },
                       this,
                       [this, name, version](Status labelled) {
                           if (!labelled)
                               return emit problem(labelled.error().describe());
                           loadVersions(name, version);
                       });
}

void PromptVersionBar::compareVersions()
{
    if (m_versions.size() < 2)
        return emit problem(tr("This prompt has fewer than two saved versions to compare."));
    auto *dialog = new PromptDiffDialog(m_versions, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}
