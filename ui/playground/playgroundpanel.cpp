#include "ui/playground/playgroundpanel.h"

#include "core/common/prompttemplate.h"
#include "core/playground/comparisonrun.h"
#include "core/providers/invocationrecorder.h"
#include "core/secrets/credentialprofilerepository.h"
#include "core/secrets/credentialstore.h"
#include "core/storage/workspaceworker.h"
#include "ui/common/banner.h"
#include "ui/common/selectionresolver.h"
#include "ui/playground/parameterseditor.h"
#include "ui/playground/pricetabledialog.h"
#include "ui/playground/promptdiffdialog.h"
#include "ui/playground/responsepane.h"
#include "ui/playground/usagedialog.h"
#include "ui/playground/variableseditor.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>

PlaygroundPanel::PlaygroundPanel(WorkspaceWorker &worker, CredentialStore &store, QWidget *parent)
    : QWidget(parent), m_worker(worker), m_store(store), m_network(new QNetworkAccessManager(this))
{
    buildLayout();
    updateRunState();
}

PlaygroundPanel::~PlaygroundPanel()
{
    delete m_comparison;
}

void PlaygroundPanel::buildLayout()
{
    m_banner = new Banner(this);

    auto *toolbar = new QToolBar(this);
    m_promptName = new QComboBox(this);
    m_promptName->setEditable(true);
    m_promptName->setMinimumWidth(160);
    m_promptName->lineEdit()->setPlaceholderText(tr("prompt name"));
    m_version = new QComboBox(this);
    m_version->setMinimumWidth(130);
    toolbar->addWidget(new QLabel(tr("Prompt: "), this));
    toolbar->addWidget(m_promptName);
    toolbar->addWidget(m_version);
    QAction *save = toolbar->addAction(tr("Save version"), this, &PlaygroundPanel::saveVersion);
    save->setShortcut(QKeySequence::Save);
    save->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(save);
    toolbar->addAction(tr("Label…"), this, &PlaygroundPanel::setLabel);
    toolbar->addAction(tr("Compare versions…"), this, &PlaygroundPanel::compareVersions);
    toolbar->addSeparator();
    auto *more = new QToolButton(this);
    more->setText(tr("More"));
    more->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(more);
    menu->addAction(tr("Export run…"), this, &PlaygroundPanel::exportRun);
    menu->addAction(tr("Prices…"), this, &PlaygroundPanel::showPrices);
    menu->addAction(tr("Usage…"), this, &PlaygroundPanel::showUsage);
    more->setMenu(menu);
    toolbar->addWidget(more);
    connect(m_promptName, &QComboBox::textActivated, this, [this](const QString &name) { loadVersions(name); });
    connect(m_version, &QComboBox::activated, this, &PlaygroundPanel::versionChosen);

    m_system = new QPlainTextEdit(this);
    m_system->setPlaceholderText(tr("System prompt (optional)"));
    m_system->setMaximumHeight(70);
    m_template = new QPlainTextEdit(this);
    m_template->setPlaceholderText(tr("Prompt template. Use {{variable}} for values you fill in on the right."));
    connect(m_template, &QPlainTextEdit::textChanged, this, &PlaygroundPanel::templateChanged);
    m_variables = new VariablesEditor(this);
    m_parameters = new ParametersEditor(this);

    auto *editors = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editors);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(m_system);
    editorLayout->addWidget(m_template, 1);
    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_variables, 1);
    sideLayout->addWidget(m_parameters);
    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(editors);
    top->addWidget(side);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);

    m_paneCount = new QSpinBox(this);
    m_paneCount->setRange(1, maximumPanes);
    m_paneCount->setValue(maximumPanes);
    m_paneCount->setToolTip(tr("How many models to compare"));
    m_run = new QPushButton(tr("Run all"), this);
    m_run->setDefault(true);
    m_run->setToolTip(tr("Send the prompt to every model (%1)")
                          .arg(QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText)));
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setToolTip(
        tr("Stop every running call (%1)").arg(QKeySequence(Qt::Key_Escape).toString(QKeySequence::NativeText)));
    m_runStatus = new QLabel(this);
    auto *runBar = new QHBoxLayout;
    runBar->addWidget(new QLabel(tr("Models:"), this));
    runBar->addWidget(m_paneCount);
    runBar->addWidget(m_run);
    runBar->addWidget(m_stop);
    runBar->addWidget(m_runStatus, 1);
    connect(m_run, &QPushButton::clicked, this, &PlaygroundPanel::runAll);
    connect(m_stop, &QPushButton::clicked, this, &PlaygroundPanel::stop);
    auto *runShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this, this, &PlaygroundPanel::runAll);
    runShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    auto *stopShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), this, this, &PlaygroundPanel::stop);
    stopShortcut->setContext(Qt::WidgetWithChildrenShortcut);

    auto *panes = new QWidget(this);
    auto *paneLayout = new QHBoxLayout(panes);
    paneLayout->setContentsMargins(0, 0, 0, 0);
    for (int slot = 0; slot < maximumPanes; ++slot) {
        auto *pane = new ResponsePane(slot, this);
        m_panes.append(pane);
        paneLayout->addWidget(pane, 1);
    }
    connect(m_paneCount, &QSpinBox::valueChanged, this, [this](int count) {
        for (int slot = 0; slot < maximumPanes; ++slot)
            m_panes[slot]->setVisible(slot < count);
    });

    auto *work = new QWidget(this);
    auto *workLayout = new QVBoxLayout(work);
    workLayout->setContentsMargins(0, 0, 0, 0);
    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(top);
    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addLayout(runBar);
    lowerLayout->addWidget(panes, 1);
    vertical->addWidget(lower);
    vertical->setStretchFactor(0, 2);
    vertical->setStretchFactor(1, 5);
    workLayout->addWidget(vertical);

    m_history = new QListWidget(this);
    m_history->setToolTip(tr("Every run is kept here; double-click to re-open it."));
    connect(m_history, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { openRun(item->data(Qt::UserRole).toLongLong()); });
    auto *historyBox = new QWidget(this);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(new QLabel(tr("History"), this));
    historyLayout->addWidget(m_history);
    historyBox->setMinimumWidth(170);
    m_history->setWordWrap(true);
    auto *horizontal = new QSplitter(Qt::Horizontal, this);
    horizontal->addWidget(work);
    horizontal->addWidget(historyBox);
    horizontal->setStretchFactor(0, 5);
    horizontal->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(toolbar);
    layout->addWidget(m_banner);
    layout->addWidget(horizontal, 1);
}

void PlaygroundPanel::reload()
{
    m_worker.run<QList<CredentialProfile>>(
        [](Workspace &workspace) { return CredentialProfileRepository(workspace).list(); }, this,
        [this](Result<QList<CredentialProfile>> profiles) {
            m_profiles = profiles ? profiles.value() : QList<CredentialProfile>();
            QStringList names;
            for (const CredentialProfile &profile : std::as_const(m_profiles)) {
                if (profile.kind != CredentialProfile::Kind::Mqtt)
                    names << profile.name;
            }
            for (ResponsePane *pane : std::as_const(m_panes))
                pane->setProfiles(names);
            if (names.isEmpty())
                m_banner->showMessage(Banner::Tone::Information,
                                      tr("Add a connection (an OpenAI-compatible endpoint or an AWS account) on the "
                                         "Connections page to run prompts."));
            else
                m_banner->hide();
            loadPromptNames();
            loadHistory();
        });
}

void PlaygroundPanel::templateChanged()
{
    m_variables->setVariableNames(PromptTemplate::variables(m_template->toPlainText()));
}

void PlaygroundPanel::setPrompt(const QString &templateText, const QString &system)
{
    m_system->setPlainText(system);
    m_template->setPlainText(templateText);
}

void PlaygroundPanel::setVariable(const QString &name, const QString &value)
{
    QMap<QString, QString> values = m_variables->values();
    values.insert(name, value);
    m_variables->setValues(values);
}

void PlaygroundPanel::setPaneCount(int count)
{
    m_paneCount->setValue(count);
}

void PlaygroundPanel::configurePane(int slot, const QString &profile, const QString &model)
{
    m_panes[slot]->setProfile(profile);
    m_panes[slot]->setModel(model);
}

ResponsePane *PlaygroundPanel::pane(int slot) const
{
    return m_panes.value(slot);
}

QString PlaygroundPanel::problem() const
{
    return m_banner->isVisibleTo(const_cast<PlaygroundPanel *>(this)) ? m_banner->text() : QString();
}

void PlaygroundPanel::showProblem(const QString &message)
{
    m_banner->showMessage(Banner::Tone::Error, message.toHtmlEscaped());
}

bool PlaygroundPanel::isRunning() const
{
    return m_preparing || (m_comparison && (m_comparison->isRunning() || m_pendingRecords > 0));
}

void PlaygroundPanel::updateRunState()
{
    const bool running = isRunning();
    m_run->setEnabled(!running);
    m_stop->setEnabled(running);
    m_paneCount->setEnabled(!running);
}

void PlaygroundPanel::runAll()
{
    if (isRunning())
        return;
    auto rendered = PromptTemplate::render(m_template->toPlainText(), m_variables->values());
    if (!rendered) {
        showProblem(rendered.error().describe());
        return;
    }
    if (rendered.value().trimmed().isEmpty()) {
        showProblem(tr("The prompt is empty."));
        return;
    }
    const int count = m_paneCount->value();
    for (int slot = 0; slot < count; ++slot) {
        if (m_panes[slot]->profile().isEmpty() || m_panes[slot]->model().isEmpty()) {
            showProblem(tr("Model %1 needs a connection and a model id.").arg(slot + 1));
            return;
        }
    }
    m_banner->hide();
    m_runStatus->setText(tr("Preparing…"));
    m_preparing = true;
    updateRunState();

    // Secrets come from the keyring asynchronously; the calls start once every column has its config.
    QList<ProviderSelection> selections;
    QStringList labels;
    for (int slot = 0; slot < count; ++slot) {
        ProviderSelection selection;
        selection.profile = m_panes[slot]->profile();
        selection.model = m_panes[slot]->model();
        selections << selection;
        labels << tr("Model %1").arg(slot + 1);
    }
    const QString prompt = rendered.value();
    SelectionResolver::resolveAll(selections, labels, m_worker, m_store, this,
                                  [this, prompt](Result<QList<ProviderConfig>> configs) {
                                      if (configs)
                                          return startWithConfigs(configs.value(), prompt);
                                      showProblem(configs.error().describe());
                                      m_runStatus->clear();
                                      m_preparing = false;
                                      updateRunState();
                                  });
}

void PlaygroundPanel::startWithConfigs(const QList<ProviderConfig> &configs, const QString &prompt)
{
    ChatRequest request = ChatRequest::fromPrompt(prompt, m_system->toPlainText().trimmed());
    request.parameters = m_parameters->parameters();

    m_lastRun = PlaygroundRun{};
    m_lastRun.promptName = m_promptName->currentText().trimmed();
    m_lastRun.promptVersion = m_version->currentData().toInt();
    m_lastRun.title = prompt.simplified().left(60);
    const QMap<QString, QString> values = m_variables->values();
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        m_lastRun.variables.insert(it.key(), it.value());
    m_lastRun.renderedPrompt = prompt;
    m_lastRun.system = request.system;
    m_lastRun.parameters = request.parameters;
    for (int slot = 0; slot < configs.size(); ++slot) {
        PlaygroundResponse response;
        response.slot = slot;
        response.profile = m_panes[slot]->profile();
        response.provider = configs[slot].providerName();
        response.model = configs[slot].model;
        m_lastRun.responses << response;
        m_panes[slot]->begin();
    }

    m_preparing = false;
    delete m_comparison;
    m_comparison = new ComparisonRun(configs, request, m_network, this);
    connect(m_comparison, &ComparisonRun::delta, this,
            [this](int slot, const QString &text) { m_panes[slot]->appendText(text); });
    connect(m_comparison, &ComparisonRun::retrying, this,
            [this](int slot, int attempt, int delayMs, const QString &reason) {
                m_panes[slot]->showRetrying(attempt, delayMs, reason);
            });
    connect(m_comparison, &ComparisonRun::slotFinished, this, &PlaygroundPanel::slotFinished);
    m_pendingRecords = int(configs.size());
    m_runStatus->setText(tr("Running %n model(s)…", nullptr, int(configs.size())));
    m_comparison->start();
    updateRunState();
}

void PlaygroundPanel::slotFinished(int slot, const Result<ChatResult> &result)
{
    m_panes[slot]->finish(result);
    PlaygroundResponse &response = m_lastRun.responses[slot];
    if (result) {
        response.metrics = result.value();
        response.text = result.value().text;
    } else {
        response.text = m_panes[slot]->text();
        response.error = result.error().describe();
    }
    // Logging and pricing touch the workspace, so they run on the worker; the cost comes back here.
    const ProviderConfig config = m_comparison->config(slot);
    const QString prompt = m_lastRun.renderedPrompt;
    m_worker.run<std::optional<double>>(
        [config, prompt, result](Workspace &workspace) -> Result<std::optional<double>> {
            return InvocationRecorder::record(workspace, QStringLiteral("playground"), config, prompt, result);
        },
        this,
        [this, slot](Result<std::optional<double>> cost) {
            if (cost && slot < m_lastRun.responses.size()) {
                m_lastRun.responses[slot].costUsd = cost.value();
                if (m_lastRun.responses[slot].error.isEmpty())
                    m_panes[slot]->setCost(cost.value());
            }
            if (--m_pendingRecords == 0)
                runComplete();
        });
    updateRunState();
}

void PlaygroundPanel::runComplete()
{
    m_runStatus->setText(tr("Done."));
    const PlaygroundRun run = m_lastRun;
    m_worker.run<qint64>([run](Workspace &workspace) { return RunHistory(workspace).save(run); }, this,
                         [this](Result<qint64> saved) {
                             if (saved)
                                 m_lastRun.id = saved.value();
                             else
                                 showProblem(saved.error().describe());
                             loadHistory();
                             updateRunState();
                             emit runFinished();
                         });
}

void PlaygroundPanel::stop()
{
    if (m_comparison)
        m_comparison->stop();
}

void PlaygroundPanel::loadPromptNames(const QString &select)
{
    m_worker.run<QStringList>([](Workspace &workspace) { return PromptLibrary(workspace).names(); }, this,
                              [this, select](Result<QStringList> names) {
                                  if (!names)
                                      return showProblem(names.error().describe());
                                  const QString current = select.isEmpty() ? m_promptName->currentText() : select;
                                  m_promptName->clear();
                                  m_promptName->addItems(names.value());
                                  const QString chosen = current.isEmpty() ? names.value().value(0) : current;
                                  m_promptName->setCurrentText(chosen);
                                  if (!chosen.isEmpty())
                                      loadVersions(chosen);
                              });
}

void PlaygroundPanel::loadVersions(const QString &name, int select)
{
    m_worker.run<QList<PromptVersion>>(
        [name](Workspace &workspace) { return PromptLibrary(workspace).versions(name); }, this,
        [this, select](Result<QList<PromptVersion>> versions) {
            m_versions = versions ? versions.value() : QList<PromptVersion>();
            m_version->clear();
            for (const PromptVersion &version : std::as_const(m_versions)) {
                QString label = tr("v%1").arg(version.version);
                if (!version.labels.isEmpty())
                    label += QStringLiteral(" · ") + version.labels.join(QStringLiteral(", "));
                m_version->addItem(label, version.version);
            }
            if (select > 0)
                m_version->setCurrentIndex(m_version->findData(select));
            // Editing text the user typed is never replaced by a silent load.
            if (!m_openedInitialRun || select > 0)
                return;
            versionChosen();
        });
}

void PlaygroundPanel::versionChosen()
{
    const int number = m_version->currentData().toInt();
    for (const PromptVersion &version : std::as_const(m_versions)) {
        if (version.version == number) {
            setPrompt(version.templateText, version.system);
            m_parameters->setParameters(version.parameters);
        }
    }
}

void PlaygroundPanel::saveVersion()
{
    QString name = m_promptName->currentText().trimmed();
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

void PlaygroundPanel::saveVersionAs(const QString &name, const QString &note)
{
    const QString templateText = m_template->toPlainText();
    const QString system = m_system->toPlainText();
    const ChatParameters parameters = m_parameters->parameters();
    m_worker.run<PromptVersion>(
        [=](Workspace &workspace) {
            return PromptLibrary(workspace).saveVersion(name, templateText, system, parameters, note);
        },
        this,
        [this, name](Result<PromptVersion> saved) {
            if (!saved)
                return showProblem(saved.error().describe());
            emit statusMessage(tr("Saved %1 version %2.").arg(name).arg(saved.value().version));
            loadPromptNames(name);
            loadVersions(name, saved.value().version);
        });
}

void PlaygroundPanel::setLabel()
{
    const QString name = m_promptName->currentText().trimmed();
    const int version = m_version->currentData().toInt();
    if (name.isEmpty() || version == 0)
        return showProblem(tr("Save the prompt first, then label one of its versions."));
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
                               return showProblem(labelled.error().describe());
                           loadVersions(name, version);
                       });
}

void PlaygroundPanel::compareVersions()
{
    if (m_versions.size() < 2)
        return showProblem(tr("This prompt has fewer than two saved versions to compare."));
    auto *dialog = new PromptDiffDialog(m_versions, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void PlaygroundPanel::loadHistory()
{
    m_worker.run<QList<PlaygroundRun>>(
        [](Workspace &workspace) { return RunHistory(workspace).recent(200); }, this,
        [this](Result<QList<PlaygroundRun>> runs) {
            m_history->clear();
            if (runs) {
                for (const PlaygroundRun &run : runs.value()) {
                    QStringList models;
                    for (const PlaygroundResponse &response : run.responses)
                        models << response.model;
                    auto *item = new QListWidgetItem(
                        QStringLiteral("%1\n%2").arg(
                            run.title, run.createdAt.left(16).replace(QLatin1Char('T'), QLatin1Char(' '))),
                        m_history);
                    item->setToolTip(models.join(QStringLiteral("\n")));
                    item->setData(Qt::UserRole, run.id);
                }
            }
            // A new session opens where the last one ended: the most recent run.
            if (!m_openedInitialRun) {
                m_openedInitialRun = true;
                if (runs && !runs.value().isEmpty())
                    return openRun(runs.value().first().id);
                versionChosen();
            }
            emit loaded();
        });
}

void PlaygroundPanel::openRun(qint64 id)
{
    m_worker.run<PlaygroundRun>([id](Workspace &workspace) { return RunHistory(workspace).load(id); }, this,
                                [this](Result<PlaygroundRun> run) {
                                    if (!run)
                                        showProblem(run.error().describe());
                                    else
                                        showRun(run.value());
                                    emit loaded();
                                });
}

void PlaygroundPanel::showRun(const PlaygroundRun &run)
{
    if (isRunning())
        return;
    m_lastRun = run;
    m_promptName->setCurrentText(run.promptName);
    QMap<QString, QString> values;
    for (auto it = run.variables.constBegin(); it != run.variables.constEnd(); ++it)
        values.insert(it.key(), it.value().toString());
    m_variables->setValues(values);
    m_parameters->setParameters(run.parameters);
    // Show what was sent; when the run came from a saved version, put its template back with the
    // run's variable values, so the user can edit and run it again.
    setPrompt(run.renderedPrompt, run.system);
    if (!run.promptName.isEmpty() && run.promptVersion > 0) {
        const QString name = run.promptName;
        const int number = run.promptVersion;
        m_worker.run<PromptVersion>(
            [name, number](Workspace &workspace) { return PromptLibrary(workspace).version(name, number); }, this,
            [this, system = run.system](Result<PromptVersion> version) {
                if (version)
                    setPrompt(version.value().templateText, system);
            });
        loadVersions(name, number);
    }
    m_paneCount->setValue(qBound(1, int(run.responses.size()), maximumPanes));
    for (const PlaygroundResponse &response : run.responses) {
        if (response.slot < 0 || response.slot >= maximumPanes)
            continue;
        ResponsePane *pane = m_panes[response.slot];
        pane->setProfile(response.profile);
        pane->setModel(response.model);
        pane->showStored(response.text, response.metrics, response.costUsd, response.error);
    }
    m_runStatus->setText(tr("Run of %1").arg(run.createdAt.left(19).replace(QLatin1Char('T'), QLatin1Char(' '))));
}

void PlaygroundPanel::exportRun()
{
    if (m_lastRun.responses.isEmpty())
        return showProblem(tr("Run a prompt or open one from the history first."));
    QString selectedFilter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export run"), QStringLiteral("playground-run.md"),
                                                      tr("Markdown (*.md);;JSON (*.json)"), &selectedFilter);
    if (path.isEmpty())
        return;
    const PlaygroundRun run = m_lastRun;
    m_worker.run<Done>([run, path](Workspace &) { return RunHistory::writeFile(run, path); }, this,
                       [this, path](Status written) {
                           if (!written)
                               return showProblem(written.error().describe());
                           emit statusMessage(tr("Exported the run to %1.").arg(path));
                       });
}

void PlaygroundPanel::showPrices()
{
    auto *dialog = new PriceTableDialog(m_worker, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void PlaygroundPanel::showUsage()
{
    auto *dialog = new UsageDialog(m_worker, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}
