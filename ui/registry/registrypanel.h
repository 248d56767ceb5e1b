#pragma once

#include "core/registry/registrybackends.h"
#include "core/registry/registrytypes.h"

#include <QWidget>

class Banner;
class CredentialStore;
class ModelGroupModel;
class ModelVersionModel;
class QComboBox;
class QLabel;
class QListView;
class QModelIndex;
class QProgressBar;
class QPushButton;
class QTableView;
class RegistryBackendChooser;
class RegistryJobs;
class VersionPageView;
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
    const QList<ModelVersion> &shownVersions() const;
    // The version whose row is selected, or nullptr.
    const ModelVersion *selectedVersion() const;
    QString versionPageText() const;
    VersionPageView *versionPage() const { return m_page; }
    ModelGroupModel *groupModel() const { return m_groupModel; }
    ModelVersionModel *versionModel() const { return m_versionModel; }
    // Switches to another registry (secrets already resolved) and asks it who "you" are.
    void useBackend(RegistryOptions options, const QString &label);
    // Calls to a remote registry are waiting for an answer (they run on a worker of their own, so
    // no other panel waits behind them); cancelRemote() stops waiting for all of them.
    bool isWaitingForRemote() const;
    void cancelRemote();

signals:
    void loaded();
    void decided(const QString &group, int version);
    void openEvaluationRun(qint64 runId);
    void statusMessage(const QString &message);

private:
    QLayout *buildToolbar();
    void buildLayout();
    void loadVersions();
    void showVersions(const QList<ModelVersion> &versions);
    void groupChosen(const QModelIndex &index);
    void showVersion(const QModelIndex &index);
    void showAudit();
    void compare();
    void updateButtons();
    void showProblem(const QString &message);
    void chooseBackend(int index);
    void updateBusy();

    WorkspaceWorker &m_worker;
    bool m_team = false; // a team workspace: identity and role come from the database
    RegistryJobs *m_jobs;
    RegistryBackendChooser *m_chooser;
    Actor m_actor;
    QProgressBar *m_busy;
    QPushButton *m_cancelRemote;
    QComboBox *m_backend;
    Banner *m_banner;
    QLabel *m_identity;
    QComboBox *m_role;
    QPushButton *m_inbox;
    ModelGroupModel *m_groupModel;
    QListView *m_groups;
    ModelVersionModel *m_versionModel;
    QTableView *m_versionTable;
    VersionPageView *m_page;
    QPushButton *m_approve;
    QPushButton *m_reject;
    QPushButton *m_promote;
    QPushButton *m_compare;
    bool m_inboxMode = false;
    bool m_fillingGroups = false; // the group list is being refilled: its selection is not a choice
    QString m_group;
    // The version the person selected, kept across reloads, role and group changes so that the
    // selected row and the page always show the same version.
    QString m_selectedGroup;
    int m_selectedVersion = 0;
    quint64 m_pageRequest = 0; // answers to older page requests are dropped
};
