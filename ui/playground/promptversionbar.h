#pragma once

#include "core/playground/promptlibrary.h"

#include <QToolBar>

#include <functional>

class QComboBox;
class WorkspaceWorker;

// The Playground's prompt library: the prompt's name, its saved versions with their labels, and
// Save version, Label… and Compare versions…. What a save stores comes from the editor through
// the draft function; a version the person picks comes back through versionChosen().
class PromptVersionBar : public QToolBar
{
    Q_OBJECT

public:
    struct Draft
    {
        QString templateText;
        QString system;
        ChatParameters parameters;
        QStringList guardrails; // per model column
    };

    PromptVersionBar(WorkspaceWorker &worker, std::function<Draft()> draft, QWidget *parent = nullptr);

    QString promptName() const;
    void setPromptName(const QString &name);
    // The number of the version shown in the list, 0 when none is.
    int currentVersion() const;
    const QList<PromptVersion> &versions() const { return m_versions; }

    // Refills the names, keeping `select` (or the current name) chosen, and loads its versions.
    void loadNames(const QString &select = {});
    // Loads `name`'s versions and shows `select` among them (0: the newest). Unless a version was
    // asked for, or the editor may not be replaced yet, the shown version goes to the editor.
    void loadVersions(const QString &name, int select = 0);
    // Until the Playground has shown its first run, loading versions leaves the editor alone.
    void setEditorFollowsLoads(bool follows) { m_editorFollowsLoads = follows; }
    // Sends the shown version to the editor.
    void applyCurrent();

    void saveVersion(); // asks for a name when there is none, and what changed
    void saveVersionAs(const QString &name, const QString &note);
    void setLabel();
    void compareVersions();

signals:
    void versionChosen(const PromptVersion &version);
    void saved(const QString &message);
    void problem(const QString &message);

private:
    void showVersions(const QList<PromptVersion> &versions, int select);

    WorkspaceWorker &m_worker;
    std::function<Draft()> m_draft;
    QComboBox *m_name;
    QComboBox *m_version;
    QList<PromptVersion> m_versions;
    bool m_editorFollowsLoads = false;
};
