#pragma once

#include "core/common/result.h"
#include "core/playground/promptlibrary.h"
#include "core/playground/runhistory.h"
#include "core/providers/providerconfig.h"
#include "core/secrets/credentialprofile.h"
#include "ui/playground/modelcolumns.h"

#include <QPointer>
#include <QWidget>

class Banner;
class ComparisonRun;
class CredentialStore;
class ParametersEditor;
class PromptVersionBar;
class QNetworkAccessManager;
class QPlainTextEdit;
class ResponsePane;
class RunHistoryList;
class VariablesEditor;
class WorkspaceWorker;

// The data scientist's bench: a prompt template with {{variables}}, a system prompt and parameters,
// sent to up to three model configurations at once, each streaming into its own pane with its
// figures. Prompts are versioned in the workspace and every run is kept in the history.
class PlaygroundPanel : public QWidget
{
    Q_OBJECT

public:
    static constexpr int maximumPanes = ModelColumns::maximum;

    PlaygroundPanel(WorkspaceWorker &worker, CredentialStore &store, QWidget *parent = nullptr);
    ~PlaygroundPanel() override;

    void reload();
    void runAll();
    void stop();
    bool isRunning() const;

    // For tests and the demo: the editor and the panes as a user would set them.
    void setPrompt(const QString &templateText, const QString &system = {});
    // Saves the editor's template, system prompt and parameters as the next version of `name`.
    void saveVersionAs(const QString &name, const QString &note);
    void setVariable(const QString &name, const QString &value);
    void setPaneCount(int count);
    void configurePane(int slot, const QString &profile, const QString &model);
    ResponsePane *pane(int slot) const;
    const PlaygroundRun &lastRun() const { return m_lastRun; }
    QString problem() const;

signals:
    void loaded();
    void runFinished();
    void statusMessage(const QString &message);

private:
    void buildToolbar();
    void buildLayout();
    void templateChanged();
    void loadHistory();
    void openRun(qint64 id);
    void showRun(const PlaygroundRun &run);
    void exportRun();
    void showPrices();
    void showUsage();
    void startWithConfigs(const QList<ProviderConfig> &configs, const QString &prompt);
    void slotFinished(int slot, const Result<ChatResult> &result);
    void runComplete();
    void updateRunState();
    void showProblem(const QString &message);

    WorkspaceWorker &m_worker;
    CredentialStore &m_store;
    QNetworkAccessManager *m_network;
    Banner *m_banner;
    PromptVersionBar *m_prompts;
    QPlainTextEdit *m_system;
    QPlainTextEdit *m_template;
    VariablesEditor *m_variables;
    ParametersEditor *m_parameters;
    ModelColumns *m_columns;
    RunHistoryList *m_history;
    QPointer<ComparisonRun> m_comparison;
    PlaygroundRun m_lastRun;
    int m_pendingRecords = 0;
    bool m_openedInitialRun = false;
    bool m_preparing = false; // reading secrets before the calls start
};
