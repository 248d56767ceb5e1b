#include "ui/mainwindow.h"

#include "core/common/version.h"
#include "core/demo/democontent.h"
#include "core/storage/workspaceworker.h"
#include "core/workspaceschema.h"
#include "ui/common/banner.h"
#include "ui/connections/connectionspanel.h"
#include "ui/edge/edgepanel.h"
#include "ui/eval/evaluationspanel.h"
#include "ui/playground/playgroundpanel.h"
#include "ui/registry/registrypanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
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
    m_worker.open(location, Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules(), this,
                  [this](Result<Workspace::Info> info) { workspaceOpened(info); });
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
