#pragma once

#include "core/common/result.h"
#include "core/providers/chatresult.h"
#include "core/secrets/credentialprofile.h"

#include <QWidget>

class Banner;
class CredentialProfileModel;
class CredentialStore;
class QAction;
class QNetworkAccessManager;
class QLabel;
class QStackedWidget;
class QTableView;
class WorkspaceWorker;

// Lists, adds, edits and deletes connection profiles. Workspace reads and writes go through the
// worker thread and keyring calls are asynchronous, so the page never freezes the window.
class ConnectionsPanel : public QWidget
{
    Q_OBJECT

public:
    ConnectionsPanel(WorkspaceWorker &worker, CredentialStore &store, QWidget *parent = nullptr);

    void reload();
    void probeKeyring();
    CredentialProfileModel *model() const { return m_model; }
    QString keyringProblem() const { return m_keyringProblem; }

    // Stores secrets in the keyring, then the profile in the workspace; `done` gets the outcome.
    void saveProfile(const CredentialProfile &profile, const SecretMap &secrets, std::function<void(Status)> done);
    void deleteProfile(const QString &name, std::function<void(Status)> done);
    // Sends a one-line prompt to `model` through the profile, as the Test button does.
    void testProfile(const CredentialProfile &profile, const QString &model);
    // An mqtt profile: connect to its broker (TLS and credentials as configured) and disconnect.
    void testBroker(const CredentialProfile &profile);

signals:
    void loaded();
    void statusMessage(const QString &message);
    // A profile was added, changed or deleted.
    void profilesChanged();
    void testFinished(bool passed, const QString &message);

private:
    void addProfile();
    void editSelected();
    void deleteSelected();
    void testSelected();
    void finishTest(const QString &name, const Result<ChatResult> &result);
    void updateActions();
    void showProblem(const Error &error);
    const CredentialProfile *selectedProfile() const;

    WorkspaceWorker &m_worker;
    CredentialStore &m_store;
    CredentialProfileModel *m_model;
    Banner *m_banner;
    QTableView *m_table;
    QLabel *m_emptyState;
    QStackedWidget *m_views;
    QAction *m_addAction;
    QAction *m_editAction;
    QAction *m_deleteAction;
    QAction *m_testAction;
    QString m_keyringProblem;
    QNetworkAccessManager *m_network;
    bool m_testing = false;
};
