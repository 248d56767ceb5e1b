#pragma once

#include "core/common/result.h"
#include "core/storage/workspace.h"
#include "ui/panel.h"

#include <QMainWindow>

class Banner;
class ConnectionsPanel;
class EvaluationsPanel;
class PlaygroundPanel;
class RegistryPanel;
class EdgePanel;
class CredentialStore;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;
class WorkspaceWorker;

// The workbench window: navigation on the left, one page per panel, the workspace in the status
// bar. It opens the workspace on the worker thread and emits ready() once the first page has its data.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    struct Options
    {
        QString workspacePath;
        bool demo = false;
    };

    MainWindow(WorkspaceWorker &worker, CredentialStore &store, Options options, QWidget *parent = nullptr);

    void showPanel(Panel panel);
    Panel currentPanel() const;
    bool isReady() const { return m_ready; }
    // Why the workspace could not be opened; empty when it is open.
    QString workspaceProblem() const { return m_workspaceProblem; }
    ConnectionsPanel *connectionsPanel() const { return m_connections; }
    PlaygroundPanel *playgroundPanel() const { return m_playground; }
    EvaluationsPanel *evaluationsPanel() const { return m_evaluations; }
    RegistryPanel *registryPanel() const { return m_registry; }
    EdgePanel *edgePanel() const { return m_edge; }

signals:
    void ready();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createPages();
    void createMenus();
    void openWorkspace(const QString &path);
    void workspaceOpened(const Result<Workspace::Info> &info);
    void installDemoContent();
    void chooseWorkspace();
    void chooseTeamWorkspace();
    void fillRecent();
    static void rememberRecent(const QString &location);
    static QString teamKeyringEntry(const QString &uri);
    void showTeamIdentity(const Workspace::Info &details);
    void showAbout();
    void markReady();
    void reloadPanels();

    WorkspaceWorker &m_worker;
    CredentialStore &m_store;
    Options m_options;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    Banner *m_banner = nullptr;
    ConnectionsPanel *m_connections = nullptr;
    PlaygroundPanel *m_playground = nullptr;
    EvaluationsPanel *m_evaluations = nullptr;
    RegistryPanel *m_registry = nullptr;
    EdgePanel *m_edge = nullptr;
    int m_pendingLoads = 0;
    QLabel *m_workspaceLabel = nullptr;
    QMenu *m_recent = nullptr;
    QString m_workspaceProblem;
    bool m_ready = false;
};
