#pragma once

#include "core/common/canceltoken.h"
#include "core/common/result.h"
#include "core/registry/registrybackends.h"
#include "core/registry/registrytypes.h"

#include <QWidget>

#include <functional>
#include <memory>

class Banner;
class CredentialStore;
class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTextBrowser;
class RegistryService;
class Workspace;
class WorkspaceWorker;

// Governance officers, AI engineers and data scientists decide here which model versions move
// Dev → Test → Prod: groups, versions, a version page with its evidence and history, an inbox of
// what waits for the current role, and decisions that show the policy check before they commit.
class RegistryPanel : public QWidget
{
    Q_OBJECT

public:
    RegistryPanel(WorkspaceWorker &worker, CredentialStore &store, QWidget *parent = nullptr);
    ~RegistryPanel() override;

    void reload();
    void selectGroup(const QString &group);
    void selectVersion(int version);
    void showInbox(bool inbox);
    Actor actor() const { return m_actor; }
    void setRole(Role role);
    // Opens the decision dialog for the selected version (Approve, Reject or Promote).
    void decide(DecisionAction action);
    const QList<ModelVersion> &shownVersions() const { return m_versions; }
    QString versionPageText() const;
    // Switches to another registry (secrets already resolved) and asks it who "you" are.
    void useBackend(RegistryOptions options, const QString &label);
    // Calls to a remote registry are waiting for an answer (they run on a worker of their own, so
    // no other panel waits behind them); cancelRemote() stops waiting for all of them.
    bool isWaitingForRemote() const { return m_remoteJobs > 0; }
    void cancelRemote();

signals:
    void loaded();
    void decided(const QString &group, int version);
    void openEvaluationRun(qint64 runId);
    void statusMessage(const QString &message);

private:
    template<typename T>
    void withService(std::function<Result<T>(RegistryService &, Workspace &)> job, std::function<void(Result<T>)> done);
    void buildLayout();
    void loadVersions();
    void showVersion(int row);
    void showAudit();
    void compare();
    void updateButtons();
    void showProblem(const QString &message);
    void chooseBackend(int index);
    WorkspaceWorker &remoteWorker();
    void updateBusy();

    WorkspaceWorker &m_worker;
    std::unique_ptr<WorkspaceWorker> m_remote; // its own connection to the same workspace
    CancelToken m_cancel; // shared by the remote jobs posted since the last cancel
    int m_remoteJobs = 0;
    QProgressBar *m_busy;
    QPushButton *m_cancelRemote;
    CredentialStore &m_store;
    RegistryOptions m_options; // secrets resolved from the keyring, held in memory only
    QComboBox *m_backend;
    Actor m_actor;
    Banner *m_banner;
    QLabel *m_identity;
    QComboBox *m_role;
    QPushButton *m_inbox;
    QListWidget *m_groups;
    QTableWidget *m_versionTable;
    QTextBrowser *m_page;
    QPushButton *m_approve;
    QPushButton *m_reject;
    QPushButton *m_promote;
    QPushButton *m_compare;
    QList<ModelVersion> m_versions;
    bool m_inboxMode = false;
    QString m_group;
};
