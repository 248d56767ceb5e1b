#pragma once

#include "common/result.h"
#include "registry/registrybackends.h"
#include "registry/registrytypes.h"

#include <QWidget>

#include <functional>

class Banner;
class CredentialStore;
class QComboBox;
class QLabel;
class QListWidget;
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

    WorkspaceWorker &m_worker;
    CredentialStore &m_store;
    RegistryOptions m_options;  // secrets resolved from the keyring, held in memory only
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
