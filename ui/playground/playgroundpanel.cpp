#include "ui/playground/playgroundpanel.h"

#include "core/common/prompttemplate.h"
#include "core/playground/comparisonrun.h"
#include "core/providers/invocationrecorder.h"
#include "core/secrets/credentialprofilerepository.h"
#include "core/secrets/credentialstore.h"
#include "core/storage/workspaceworker.h"
#include "ui/common/banner.h"
#include "ui/common/selectionresolver.h"
#include "ui/playground/modelcolumns.h"
#include "ui/playground/parameterseditor.h"
#include "ui/playground/pricetabledialog.h"
#include "ui/playground/promptversionbar.h"
#include "ui/playground/responsepane.h"
#include "ui/playground/runhistorylist.h"
#include "ui/playground/usagedialog.h"
#include "ui/playground/variableseditor.h"

#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
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

void PlaygroundPanel::buildToolbar()
{
    m_prompts = new PromptVersionBar(
        m_worker,
        [this]() {
            return PromptVersionBar::Draft{m_template->toPlainText(), m_system->toPlainText(),
                                           m_parameters->parameters(), m_columns->guardrails()};
        },
        this);
    connect(m_prompts, &PromptVersionBar::versionChosen, this, [this](const PromptVersion &version) {
        setPrompt(version.templateText, version.system);
        m_parameters->setParameters(version.parameters);
        m_columns->setGuardrails(version.guardrails);
    });
    connect(m_prompts, &PromptVersionBar::saved, this, &PlaygroundPanel::statusMessage);
    connect(m_prompts, &PromptVersionBar::problem, this, &PlaygroundPanel::showProblem);
    m_prompts->addSeparator();
    auto *more = new QToolButton(this);
    more->setText(tr("More"));
    more->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(more);
    menu->addAction(tr("Export run…"), this, &PlaygroundPanel::exportRun);
    menu->addAction(tr("Prices…"), this, &PlaygroundPanel::showPrices);
    menu->addAction(tr("Usage…"), this, &PlaygroundPanel::showUsage);
    more->setMenu(menu);
    m_prompts->addWidget(more);
}

void PlaygroundPanel::buildLayout()
{
    m_banner = new Banner(this);
    buildToolbar();

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

    m_columns = new ModelColumns(this);
    connect(m_columns, &ModelColumns::runRequested, this, &PlaygroundPanel::runAll);
    connect(m_columns, &ModelColumns::stopRequested, this, &PlaygroundPanel::stop);
    auto *runShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this, this, &PlaygroundPanel::runAll);
    runShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    auto *stopShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), this, this, &PlaygroundPanel::stop);
    stopShortcut->setContext(Qt::WidgetWithChildrenShortcut);

    auto *work = new QWidget(this);
    auto *workLayout = new QVBoxLayout(work);
    workLayout->setContentsMargins(0, 0, 0, 0);
    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(top);
    vertical->addWidget(m_columns);
    vertical->setStretchFactor(0, 2);
    vertical->setStretchFactor(1, 5);
    workLayout->addWidget(vertical);

    m_history = new RunHistoryList(this);
    connect(m_history, &RunHistoryList::runActivated, this, &PlaygroundPanel::openRun);
    auto *horizontal = new QSplitter(Qt::Horizontal, this);
    horizontal->addWidget(work);
    horizontal->addWidget(m_history);
    horizontal->setStretchFactor(0, 5);
    horizontal->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(m_prompts);
    layout->addWidget(m_banner);
    layout->addWidget(horizontal, 1);
}

void PlaygroundPanel::reload()
{
    using Choices = CredentialProfileRepository::Choices;
    m_worker.run<Choices>(
        [](Workspace &workspace) {
            return CredentialProfileRepository(workspace).choices(CredentialProfile::modelKinds());
        },
        this,
        [this](Result<Choices> profiles) {
            const Choices choices = profiles ? profiles.value() : Choices();
            const QStringList &names = choices.names;
            m_columns->setProfiles(names, choices.withoutTlsVerification);
            if (names.isEmpty())
                m_banner->showMessage(Banner::Tone::Information,
                                      tr("Add a connection (an OpenAI-compatible endpoint or an AWS account) on the "
                                         "Connections page to run prompts."));
            else
                m_banner->hide();
            m_prompts->loadNames();
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
    m_columns->setCount(count);
}

void PlaygroundPanel::configurePane(int slot, const QString &profile, const QString &model)
{
    m_columns->pane(slot)->setProfile(profile);
    m_columns->pane(slot)->setModel(model);
}

ResponsePane *PlaygroundPanel::pane(int slot) const
{
    return m_columns->pane(slot);
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
    m_columns->setRunning(isRunning());
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
    const QString missing = m_columns->missingSetting();
    if (!missing.isEmpty()) {
        showProblem(missing);
        return;
    }
    m_banner->hide();
    m_columns->setStatus(tr("Preparing…"));
    m_preparing = true;
    updateRunState();

    // Secrets come from the keyring asynchronously; the calls start once every column has its config.
    const QList<ProviderSelection> selections = m_columns->selections();
    QStringList labels;
    for (int slot = 0; slot < selections.size(); ++slot)
        labels << tr("Model %1").arg(slot + 1);
    const QString prompt = rendered.value();
    SelectionResolver::resolveAll(selections, labels, m_worker, m_store, this,
                                  [this, prompt](Result<QList<ProviderConfig>> configs) {
                                      if (configs)
                                          return startWithConfigs(configs.value(), prompt);
                                      showProblem(configs.error().describe());
                                      m_columns->setStatus({});
                                      m_preparing = false;
                                      updateRunState();
                                  });
}

void PlaygroundPanel::startWithConfigs(const QList<ProviderConfig> &configs, const QString &prompt)
{
    ChatRequest request = ChatRequest::fromPrompt(prompt, m_system->toPlainText().trimmed());
    request.parameters = m_parameters->parameters();

    QStringList profiles;
    for (const ProviderSelection &selection : m_columns->selections())
        profiles << selection.profile;
    m_lastRun = PlaygroundRun::starting(request, configs, profiles, m_variables->values(), m_prompts->promptName(),
                                        m_prompts->currentVersion());
    for (int slot = 0; slot < configs.size(); ++slot)
        m_columns->pane(slot)->begin();

    m_preparing = false;
    delete m_comparison;
    m_comparison = new ComparisonRun(configs, request, m_network, this);
    connect(m_comparison, &ComparisonRun::delta, this,
            [this](int slot, const QString &text) { m_columns->pane(slot)->appendText(text); });
    connect(m_comparison, &ComparisonRun::retrying, this,
            [this](int slot, int attempt, int delayMs, const QString &reason) {
                m_columns->pane(slot)->showRetrying(attempt, delayMs, reason);
            });
    connect(m_comparison, &ComparisonRun::slotFinished, this, &PlaygroundPanel::slotFinished);
    m_pendingRecords = int(configs.size());
    m_columns->setStatus(tr("Running %n model(s)…", nullptr, int(configs.size())));
    m_comparison->start();
    updateRunState();
}

void PlaygroundPanel::slotFinished(int slot, const Result<ChatResult> &result)
{
    m_columns->pane(slot)->finish(result);
    PlaygroundResponse &response = m_lastRun.responses[slot];
    if (result) {
        response.metrics = result.value();
        response.text = result.value().text;
    } else {
        response.text = m_columns->pane(slot)->text();
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
                    m_columns->pane(slot)->setCost(cost.value());
            }
            if (--m_pendingRecords == 0)
                runComplete();
        });
    updateRunState();
}

void PlaygroundPanel::runComplete()
{
    m_columns->setStatus(tr("Done."));
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

void PlaygroundPanel::saveVersionAs(const QString &name, const QString &note)
{
    m_prompts->saveVersionAs(name, note);
}

void PlaygroundPanel::loadHistory()
{
    m_worker.run<QList<PlaygroundRun>>([](Workspace &workspace) { return RunHistory(workspace).recent(200); }, this,
                                       [this](Result<QList<PlaygroundRun>> runs) {
                                           if (!runs)
                                               showProblem(runs.error().describe());
                                           m_history->showRuns(runs ? runs.value() : QList<PlaygroundRun>());
                                           // A new session opens where the last one ended: the most recent run.
                                           if (!m_openedInitialRun) {
                                               m_openedInitialRun = true;
                                               m_prompts->setEditorFollowsLoads(true);
                                               if (runs && !runs.value().isEmpty())
                                                   return openRun(runs.value().first().id);
                                               m_prompts->applyCurrent();
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
    m_prompts->setPromptName(run.promptName);
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
        m_prompts->loadVersions(name, number);
    }
    m_columns->setCount(int(run.responses.size()));
    for (const PlaygroundResponse &response : run.responses) {
        if (response.slot < 0 || response.slot >= maximumPanes)
            continue;
        ResponsePane *pane = m_columns->pane(response.slot);
        pane->setProfile(response.profile);
        pane->setModel(response.model);
        pane->showStored(response.text, response.metrics, response.costUsd, response.error);
    }
    m_columns->setStatus(tr("Run of %1").arg(run.createdAt.left(19).replace(QLatin1Char('T'), QLatin1Char(' '))));
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
