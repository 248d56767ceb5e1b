#include "ui/mainwindow.h"

#include "core/common/version.h"
#include "core/demo/democontent.h"
#include "core/secrets/credentialstore.h"
#include "core/storage/postgreslocation.h"
#include "core/storage/sessionpasswords.h"
#include "core/storage/workspaceworker.h"
#include "core/team/teamroles.h"
#include "core/workspaceschema.h"
#include "ui/common/banner.h"
#include "ui/common/displaynames.h"
#include "ui/connections/connectionspanel.h"
#include "ui/edge/edgepanel.h"
#include "ui/eval/evaluationspanel.h"
#include "ui/playground/playgroundpanel.h"
#include "ui/registry/registrypanel.h"
#include "ui/team/teamworkspacedialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

MainWindow::MainWindow(WorkspaceWorker &worker, CredentialStore &store, Options options, QWidget *parent)
    : QMainWindow(parent), m_worker(worker), m_store(store), m_options(std::move(options))
{
    setWindowTitle(tr("GenAIOps Workbench"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/genaiops-workbench.svg")));
    createPages();
    createMenus();

    m_workspaceLabel = new QLabel(tr("Opening workspace…"), this);
    m_workspaceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    statusBar()->addPermanentWidget(m_workspaceLabel);
    // A team workspace whose server went away: say so while the worker tries again, then carry on.
    connect(&m_worker, &WorkspaceWorker::connectionChanged, this, [this](const QString &state) {
        if (state == QLatin1String("reconnected")) {
            m_banner->showMessage(Banner::Tone::Information, tr("Reconnected to the team workspace."));
            reloadPanels();
        } else {
            m_banner->showMessage(Banner::Tone::Error,
                                  tr("Reconnecting to the team workspace… %1")
                                      .arg(state.section(QLatin1Char(':'), 1).trimmed().toHtmlEscaped()));
        }
    });

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // 1280×800 where it fits; a smaller screen gets a window that stays within it.
        const QScreen *screen = QGuiApplication::primaryScreen();
        resize(screen ? QSize(1280, 800).boundedTo(screen->availableGeometry().size()) : QSize(1280, 800));
    }
    showPanel(
        PanelNames::fromId(settings.value(QStringLiteral("window/panel")).toString()).value_or(Panel::Playground));
    openWorkspace(m_options.workspacePath);
}

void MainWindow::createPages()
{
    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setFixedWidth(210);
    m_navigation->setSpacing(2);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_pages = new QStackedWidget(this);

    m_playground = new PlaygroundPanel(m_worker, m_store, this);
    connect(m_playground, &PlaygroundPanel::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    m_pages->addWidget(m_playground);
    m_evaluations = new EvaluationsPanel(m_worker, m_store, this);
    connect(m_evaluations, &EvaluationsPanel::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    m_pages->addWidget(m_evaluations);
    m_registry = new RegistryPanel(m_worker, m_store, this);
    connect(m_registry, &RegistryPanel::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    connect(m_registry, &RegistryPanel::openEvaluationRun, this, [this](qint64 runId) {
        showPanel(Panel::Evaluations);
        m_evaluations->openRun(runId);
    });
    m_pages->addWidget(m_registry);
    m_edge = new EdgePanel(m_worker, m_store, this);
    connect(m_edge, &EdgePanel::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    m_pages->addWidget(m_edge);
    m_connections = new ConnectionsPanel(m_worker, m_store, this);
    connect(m_connections, &ConnectionsPanel::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    m_pages->addWidget(m_connections);
    connect(m_connections, &ConnectionsPanel::profilesChanged, m_playground, &PlaygroundPanel::reload);
    connect(m_connections, &ConnectionsPanel::profilesChanged, m_edge, &EdgePanel::reload);

    for (Panel panel : PanelNames::all()) {
        auto *item = new QListWidgetItem(PanelNames::icon(panel), PanelNames::title(panel), m_navigation);
        item->setSizeHint(QSize(0, 40));
        item->setToolTip(tr("%1 (%2)").arg(
            PanelNames::title(panel),
            QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(panel))).toString(QKeySequence::NativeText)));
    }
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    m_banner = new Banner(this);
    connect(m_banner, &Banner::actionTriggered, this, &MainWindow::installDemoContent);

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(8, 8, 8, 0);
    contentLayout->addWidget(m_banner);
    contentLayout->addWidget(m_pages, 1);
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(content, 1);
    setCentralWidget(central);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open workspace…"), this, &MainWindow::chooseWorkspace);
    open->setShortcut(QKeySequence::Open);
    QAction *team = file->addAction(tr("Open &team workspace…"), this, &MainWindow::chooseTeamWorkspace);
    team->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    team->setStatusTip(tr("A workspace on the team's PostgreSQL server, shared with reviewers and officers"));
    m_recent = file->addMenu(tr("Open &Recent"));
    connect(m_recent, &QMenu::aboutToShow, this, &MainWindow::fillRecent);
    QAction *demo = file->addAction(tr("Add &demo content"), this, &MainWindow::installDemoContent);
    demo->setStatusTip(tr("Adds example data to every panel of this workspace"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (Panel panel : PanelNames::all()) {
        QAction *action = view->addAction(QIcon(PanelNames::iconPath(panel)), PanelNames::title(panel), this,
                                          [this, panel]() { showPanel(panel); });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(panel))));
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About GenAIOps Workbench"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::showPanel(Panel panel)
{
    m_navigation->setCurrentRow(int(panel));
}

Panel MainWindow::currentPanel() const
{
    return PanelNames::all().value(m_navigation->currentRow(), Panel::Playground);
}

void MainWindow::openWorkspace(const QString &path)
{
    m_ready = false;
    m_workspaceLabel->setText(tr("Opening workspace…"));
    const QString location = path.isEmpty() ? Workspace::defaultPath() : path;
    auto open = [this, location]() {
        m_worker.open(location, Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules(), this,
                      [this](Result<Workspace::Info> info) { workspaceOpened(info); });
    };
    if (!PostgresLocation::isPostgresUri(location) || !SessionPasswords::find(location).isEmpty())
        return open();
    // A password kept in the keyring for this team workspace; without one libpq looks in ~/.pgpass.
    m_store.read(teamKeyringEntry(location), this, [location, open](Result<SecretMap> secrets) {
        if (secrets && !secrets.value().value(QStringLiteral("password")).isEmpty())
            SessionPasswords::remember(location, secrets.value().value(QStringLiteral("password")));
        open();
    });
}

QString MainWindow::teamKeyringEntry(const QString &uri)
{
    return QStringLiteral("team-workspace ") + uri;
}

void MainWindow::chooseTeamWorkspace()
{
    TeamWorkspaceDialog dialog(this);
    for (const QString &recent : QSettings().value(QStringLiteral("workspace/recent")).toStringList())
        if (PostgresLocation::isPostgresUri(recent)) {
            dialog.setUri(recent);
            break;
        }
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString uri = dialog.uri();
    if (!dialog.password().isEmpty())
        SessionPasswords::remember(uri, dialog.password());
    if (dialog.rememberPassword())
        m_store.write(teamKeyringEntry(uri), {{QStringLiteral("password"), dialog.password()}}, this,
                      [this](Status stored) {
                          if (!stored)
                              statusBar()->showMessage(
                                  tr("The password was not kept in the keyring: %1").arg(stored.error().message), 8000);
                      });
    m_options.workspacePath = uri;
    openWorkspace(uri);
}

void MainWindow::fillRecent()
{
    m_recent->clear();
    const QStringList recent = QSettings().value(QStringLiteral("workspace/recent")).toStringList();
    for (const QString &location : recent)
        m_recent->addAction(PostgresLocation::isPostgresUri(location) ? tr("Team: %1").arg(location) : location, this,
                            [this, location]() {
                                m_options.workspacePath = location;
                                openWorkspace(location);
                            });
    if (recent.isEmpty())
        m_recent->addAction(tr("No recent workspaces"))->setEnabled(false);
}

void MainWindow::rememberRecent(const QString &location)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("workspace/recent")).toStringList();
    recent.removeAll(location);
    recent.prepend(location);
    settings.setValue(QStringLiteral("workspace/recent"), recent.mid(0, 8));
}

void MainWindow::workspaceOpened(const Result<Workspace::Info> &info)
{
    if (!info) {
        m_workspaceProblem = info.error().describe();
        m_workspaceLabel->setText(tr("No workspace open"));
        m_banner->showMessage(Banner::Tone::Error,
                              tr("The workspace could not be opened. %1").arg(m_workspaceProblem.toHtmlEscaped()),
                              QString());
        markReady();
        return;
    }
    m_workspaceProblem.clear();
    const Workspace::Info &details = info.value();
    rememberRecent(details.location);
    if (!details.server.isEmpty()) {
        showTeamIdentity(details);
        m_banner->hide();
        reloadPanels();
        return;
    }
    // A long path is elided in the middle so it never dictates the window's width; the tooltip has it whole.
    m_workspaceLabel->setText(
        m_workspaceLabel->fontMetrics().elidedText(tr("Workspace: %1").arg(details.location), Qt::ElideMiddle, 460));
    m_workspaceLabel->setToolTip(tr("%1\n%2 workspace, format %3, journal %4")
                                     .arg(details.location, details.backend)
                                     .arg(details.format)
                                     .arg(details.journalMode));
    if (m_options.demo) {
        installDemoContent();
        return;
    }
    if (details.created)
        m_banner->showMessage(Banner::Tone::Information,
                              tr("A new workspace was created at %1. Add demo content to see every panel with "
                                 "example data, or start with your own connections.")
                                  .arg(details.location.toHtmlEscaped()),
                              tr("Add demo content"));
    else
        m_banner->hide();
    reloadPanels();
}

void MainWindow::showTeamIdentity(const Workspace::Info &details)
{
    m_workspaceLabel->setText(tr("Team workspace %1 · you are %2").arg(details.server, details.sessionUser));
    m_workspaceLabel->setToolTip(
        tr("PostgreSQL at %1, logged in as the database role %2").arg(details.server, details.sessionUser));
    m_worker.run<QString>(
        [](Workspace &workspace) { return TeamRoles(workspace).roleOf(); }, this,
        [this, details](Result<QString> role) {
            const QString granted = role && !role.value().isEmpty()
                ? DisplayNames::role(RegistryNames::roleFromName(role.value()).value_or(Role::Viewer))
                : tr("no workbench role: ask an admin for a grant");
            m_workspaceLabel->setText(
                tr("Team workspace %1 · you are %2, %3").arg(details.server, details.sessionUser, granted));
        });
}

void MainWindow::reloadPanels()
{
    // Ready once every panel has its data, so a screenshot never shows a half-loaded page.
    m_pendingLoads = 5;
    auto loaded = [this]() {
        if (--m_pendingLoads == 0)
            markReady();
    };
    connect(m_connections, &ConnectionsPanel::loaded, this, loaded, Qt::SingleShotConnection);
    connect(m_playground, &PlaygroundPanel::loaded, this, loaded, Qt::SingleShotConnection);
    connect(m_evaluations, &EvaluationsPanel::loaded, this, loaded, Qt::SingleShotConnection);
    connect(m_registry, &RegistryPanel::loaded, this, loaded, Qt::SingleShotConnection);
    connect(m_edge, &EdgePanel::loaded, this, loaded, Qt::SingleShotConnection);
    m_connections->reload();
    m_connections->probeKeyring();
    m_playground->reload();
    m_evaluations->reload();
    m_registry->reload();
    m_edge->reload();
}

void MainWindow::installDemoContent()
{
    m_worker.run<Done>([](Workspace &workspace) { return DemoContent::install(workspace); }, this,
                       [this](Status installed) {
                           if (!installed)
                               m_banner->showMessage(Banner::Tone::Error, installed.error().describe().toHtmlEscaped());
                           else {
                               m_banner->hide();
                               statusBar()->showMessage(tr("Demo content added."), 5000);
                               m_edge->startDemo(); // a live fleet: a local broker and a simulator
                           }
                           reloadPanels();
                       });
}

void MainWindow::chooseWorkspace()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Open or create a workspace"), QFileInfo(Workspace::defaultPath()).absolutePath(),
        tr("GenAIOps workspaces (*.genaiops *.db *.sqlite);;All files (*)"), nullptr,
        QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    m_options.workspacePath = path;
    openWorkspace(path);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About GenAIOps Workbench"),
                       tr("<h3>GenAIOps Workbench %1</h3>"
                          "<p>A desktop workbench and command line for taking generative-AI models from "
                          "experiment to production: prompts, evaluations, governed promotions and edge fleets.</p>"
                          "<p>Built with Qt %2. Secrets are kept only in the OS keyring.</p>")
                           .arg(QStringLiteral(GENAIOPS_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::markReady()
{
    if (m_ready)
        return;
    m_ready = true;
    emit ready();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/panel"), PanelNames::id(currentPanel()));
    event->accept();
}
