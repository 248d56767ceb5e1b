// Drives the real MainWindow offscreen (after KeePassXC's TestGui), inside a private keyring session.

#include "common/workspacedamage.h"
#include "core/secrets/credentialstore.h"
#include "core/storage/workspaceworker.h"
#include "ui/connections/connectionspanel.h"
#include "ui/connections/credentialprofilemodel.h"
#include "ui/mainwindow.h"
#include "ui/panel.h"
#include "ui/registry/modelversionmodel.h"
#include "ui/theme.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDateTime>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QProcess>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <memory>

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_directory;
    WorkspaceWorker *m_worker = nullptr;
    CredentialStore *m_store = nullptr;

    std::unique_ptr<MainWindow> openWindow(const QString &name = QStringLiteral("ws.genaiops"), bool demo = false)
    {
        auto window
            = std::make_unique<MainWindow>(*m_worker, *m_store, MainWindow::Options{m_directory.filePath(name), demo});
        QSignalSpy ready(window.get(), &MainWindow::ready);
        window->show();
        if (!window->isReady())
            ready.wait(20000);
        return window;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_directory.isValid());
        m_worker = new WorkspaceWorker(this);
        m_store = new CredentialStore(QStringLiteral("genaiops-workbench-test"), this);
    }

    void opensTheWorkspaceWithoutBlocking()
    {
        auto window = std::make_unique<MainWindow>(
            *m_worker, *m_store, MainWindow::Options{m_directory.filePath(QStringLiteral("async.genaiops")), false});
        // The constructor returns before the workspace is open: opening runs on the worker thread.
        QVERIFY(!window->isReady());
        QTRY_VERIFY_WITH_TIMEOUT(window->isReady(), 20000);
        QVERIFY(window->workspaceProblem().isEmpty());
    }

    void shortcutsSwitchPanels()
    {
        auto window = openWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        for (Panel panel : PanelNames::all()) {
            QTest::keySequence(window.get(), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(panel))));
            QCOMPARE(window->currentPanel(), panel);
            const auto *pages = window->findChild<QStackedWidget *>();
            QVERIFY(pages);
        }
    }

    void everyPanelIsBuilt()
    {
        // The "Not available yet" placeholder is gone with the last panel built; none may return.
        auto window = openWindow();
        QVERIFY(window->findChildren<QLabel *>(QStringLiteral("notAvailable")).isEmpty());
        QVERIFY(window->edgePanel());
    }

    void restoresTheLastPanel()
    {
        {
            auto window = openWindow();
            window->showPanel(Panel::Edge);
            window->close();
        }
        auto window = openWindow();
        QCOMPARE(window->currentPanel(), Panel::Edge);
    }

    void connectionsAreAddedEditedAndDeleted()
    {
        auto window = openWindow(QStringLiteral("connections.genaiops"));
        ConnectionsPanel *panel = window->connectionsPanel();
        QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(panel->model()->rowCount(), 0);

        CredentialProfile profile;
        profile.name = QStringLiteral("gateway");
        profile.kind = CredentialProfile::Kind::OpenAi;
        profile.settings.insert(QStringLiteral("base_url"), QStringLiteral("http://127.0.0.1:4000/v1"));
        std::optional<Status> saved;
        panel->saveProfile(profile, {{QStringLiteral("api_key"), QStringLiteral("sk-gui-test-key")}},
                           [&](Status status) { saved = status; });
        QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), 20000);
        QVERIFY2(*saved, qPrintable(saved->ok() ? QString() : saved->error().describe()));
        QTRY_COMPARE(panel->model()->rowCount(), 1);
        QCOMPARE(panel->model()->profileAt(0)->name, QStringLiteral("gateway"));
        auto stored = m_store->readBlocking(QStringLiteral("gateway"));
        QVERIFY(stored);
        QCOMPARE(stored.value().value(QStringLiteral("api_key")), QStringLiteral("sk-gui-test-key"));

        // An edit without secrets keeps the stored key.
        profile.settings.insert(QStringLiteral("base_url"), QStringLiteral("http://127.0.0.1:4001/v1"));
        saved.reset();
        panel->saveProfile(profile, {}, [&](Status status) { saved = status; });
        QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), 20000);
        QTRY_COMPARE(panel->model()->profileAt(0)->settings.value(QStringLiteral("base_url")).toString(),
                     QStringLiteral("http://127.0.0.1:4001/v1"));
        QCOMPARE(m_store->readBlocking(QStringLiteral("gateway")).value().value(QStringLiteral("api_key")),
                 QStringLiteral("sk-gui-test-key"));

        std::optional<Status> deleted;
        panel->deleteProfile(QStringLiteral("gateway"), [&](Status status) { deleted = status; });
        QTRY_VERIFY_WITH_TIMEOUT(deleted.has_value(), 20000);
        QVERIFY(*deleted);
        QTRY_COMPARE(panel->model()->rowCount(), 0);
        QVERIFY(m_store->readBlocking(QStringLiteral("gateway")).value().isEmpty());
    }

    void demoContentFillsConnections()
    {
        auto window = openWindow(QStringLiteral("demo.genaiops"), true);
        QTRY_VERIFY(window->connectionsPanel()->model()->rowCount() >= 2);
    }

    void aNonWorkspaceFileIsShownAsAnError()
    {
        const QString path = m_directory.filePath(QStringLiteral("notes.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("just some notes\n");
        file.close();
        auto window = openWindow(QStringLiteral("notes.txt"));
        QVERIFY(window->workspaceProblem().contains(QLatin1String("not a GenAIOps workspace")));
    }

    // A workspace damaged on disk: the window says so in SQLite's words, in the banner people see,
    // and opening it writes nothing.
    void aDamagedWorkspaceIsShownAsDamagedAndLeftUnchanged()
    {
        const QString name = QStringLiteral("damaged.genaiops");
        const QString path = m_directory.filePath(name);
        openWindow(name).reset();
        QVERIFY(WorkspaceDamage::apply(path, WorkspaceDamage::Kind::Truncated));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();

        auto window = openWindow(name);
        QVERIFY2(window->workspaceProblem().contains(QLatin1String("damaged")), qPrintable(window->workspaceProblem()));
        QVERIFY(window->workspaceProblem().contains(QLatin1String("malformed")));
        bool shown = false;
        for (const QLabel *label : window->findChildren<QLabel *>())
            shown = shown || (label->isVisible() && label->text().contains(QLatin1String("malformed")));
        QVERIFY2(shown, "no visible label says the workspace is damaged");
        window.reset();
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
    }

    void germanTranslationIsComplete()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/genaiops_de.qm")));
        QCoreApplication::installTranslator(&translator);
        {
            auto window = openWindow();
            QCOMPARE(window->menuBar()->actions().first()->text(), QStringLiteral("&Datei"));
            const auto *navigation = window->findChild<QListWidget *>(QStringLiteral("navigation"));
            QCOMPARE(navigation->item(int(Panel::Connections))->text(), QStringLiteral("Verbindungen"));
        }
        QCoreApplication::removeTranslator(&translator);
    }

    // The selected sidebar item's icon is drawn white, so it reads on the highlight in both themes.
    void selectedSidebarIconsAreWhite()
    {
        for (Panel panel : PanelNames::all()) {
            const QImage selected = PanelNames::icon(panel).pixmap(22, 22, QIcon::Selected).toImage();
            const QImage normal = PanelNames::icon(panel).pixmap(22, 22, QIcon::Normal).toImage();
            int drawn = 0;
            for (int y = 0; y < selected.height(); ++y)
                for (int x = 0; x < selected.width(); ++x) {
                    const QColor colour = selected.pixelColor(x, y);
                    if (colour.alpha() < 128)
                        continue;
                    ++drawn;
                    QVERIFY2(colour.red() > 230 && colour.green() > 230 && colour.blue() > 230,
                             qPrintable(PanelNames::id(panel) + QStringLiteral(": ") + colour.name()));
                }
            QVERIFY2(drawn > 20, qPrintable(PanelNames::id(panel)));
            QVERIFY(normal != selected); // the normal icon keeps its colour
        }
    }

    // On a 1280×720 screen, with nothing remembered, the window opens within the screen and every
    // panel lays out at that size (no minimum size pushes it past the screen), in English and in
    // German, whose labels are longer.
    void everyPanelFitsA1280By720Screen_data()
    {
        QTest::addColumn<QString>("panel");
        QTest::addColumn<QString>("language");
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("de")}) {
            for (Panel panel : PanelNames::all())
                QTest::newRow(qPrintable(PanelNames::id(panel) + QLatin1Char('-') + language))
                    << PanelNames::id(panel) << language;
        }
    }

    void everyPanelFitsA1280By720Screen()
    {
        QFETCH(QString, panel);
        QFETCH(QString, language);
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QFile screens(home.filePath(QStringLiteral("screens.json")));
        QVERIFY(screens.open(QIODevice::WriteOnly));
        screens.write(R"({"screens":[{"name":"laptop","x":0,"y":0,"width":1280,"height":720,)"
                      R"("logicalDpi":96,"logicalBaseDpi":96,"dpr":1}]})");
        screens.close();
        const QString png = home.filePath(QStringLiteral("shot.png"));
        QProcess workbench;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"),
                           QStringLiteral("offscreen:configfile=") + screens.fileName());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        workbench.setProcessEnvironment(environment);
        workbench.start(QStringLiteral(GENAIOPS_WORKBENCH_PATH),
                        {QStringLiteral("--screenshot"), png, QStringLiteral("--panel"), panel,
                         QStringLiteral("--demo"), QStringLiteral("--lang"), language, QStringLiteral("--workspace"),
                         home.filePath(QStringLiteral("small.genaiops"))});
        QVERIFY(workbench.waitForFinished(60000));
        QVERIFY2(workbench.exitCode() == 0, workbench.readAllStandardError().constData());
        QCOMPARE(QImage(png).size(), QSize(1280, 720));
    }

    // The English catalogue holds only plural forms: no "1 day(s)" on screen.
    void englishPluralsAreWords()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/genaiops_en.qm")));
        QCoreApplication::installTranslator(&translator);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(ModelVersionModel::age(now.addDays(-1).toString(Qt::ISODate), now), QStringLiteral("1 day"));
        QCOMPARE(ModelVersionModel::age(now.addDays(-4).toString(Qt::ISODate), now), QStringLiteral("4 days"));
        QCOMPARE(ModelVersionModel::tr("%n hour(s)", nullptr, 1), QStringLiteral("1 hour"));
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(ModelVersionModel::age(now.addDays(-4).toString(Qt::ISODate), now), QStringLiteral("4 day(s)"));
    }

    void screenshotOfEveryPanel_data()
    {
        QTest::addColumn<QString>("panel");
        QTest::addColumn<QString>("theme");
        for (const QString &theme : {QStringLiteral("light"), QStringLiteral("dark")})
            for (Panel panel : PanelNames::all())
                QTest::newRow(qPrintable(PanelNames::id(panel) + QLatin1Char('-') + theme))
                    << PanelNames::id(panel) << theme;
    }

    void screenshotOfEveryPanel()
    {
        QFETCH(QString, panel);
        QFETCH(QString, theme);
        // Kept beside the test binary so a person can look at them after the run.
        const QString png
            = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots/%1-%2.png").arg(panel, theme);
        QFile::remove(png);
        QProcess workbench;
        workbench.start(QStringLiteral(GENAIOPS_WORKBENCH_PATH),
                        {QStringLiteral("--screenshot"), png, QStringLiteral("--panel"), panel,
                         QStringLiteral("--size"), QStringLiteral("1200x760"), QStringLiteral("--theme"), theme,
                         QStringLiteral("--demo"), QStringLiteral("--workspace"),
                         m_directory.filePath(QStringLiteral("shots.genaiops"))});
        QVERIFY(workbench.waitForFinished(60000));
        QVERIFY2(workbench.exitCode() == 0, workbench.readAllStandardError().constData());
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1200, 760));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, "the screenshot looks blank");
    }

    // Every colour that carries a meaning reads on both palettes: status colours are text in
    // tables and labels (3:1 at least, WCAG 2's floor for UI text and marks), chart ink 4.5:1, series 2.5:1.
    void themeColoursReadOnBothPalettes()
    {
        auto *application = static_cast<QApplication *>(QCoreApplication::instance());
        const QPalette before = application->palette();
        for (const Theme::Mode mode : {Theme::Mode::Light, Theme::Mode::Dark}) {
            Theme::apply(*application, mode);
            QCOMPARE(Theme::isDark(), mode == Theme::Mode::Dark);
            const QPalette palette = application->palette();
            const auto check = [&](Theme::Role role, double least, const char *name) {
                for (const QPalette::ColorRole ground : {QPalette::Base, QPalette::Window}) {
                    const double ratio = Theme::contrast(Theme::color(role), palette.color(ground));
                    QVERIFY2(ratio >= least,
                             qPrintable(
                                 QStringLiteral("%1 on %2 in %3: %4:1")
                                     .arg(QLatin1String(name))
                                     .arg(ground == QPalette::Base ? QStringLiteral("base") : QStringLiteral("window"))
                                     .arg(Theme::name(mode))
                                     .arg(ratio, 0, 'f', 2)));
                }
            };
            check(Theme::Role::Good, 3, "good");
            check(Theme::Role::Bad, 3, "bad");
            check(Theme::Role::Warning, 3, "warning");
            check(Theme::Role::Muted, 3, "muted");
            check(Theme::Role::Ink, 4.5, "ink");
            check(Theme::Role::Primary, 2.5, "primary");
            check(Theme::Role::Secondary, 2.5, "secondary");
            check(Theme::Role::Tertiary, 2.5, "tertiary");
            check(Theme::Role::Defect, 2.5, "defect");
            QVERIFY(Theme::color(Theme::Role::Bad) != Theme::color(Theme::Role::Good));
            QCOMPARE(Theme::textStyle(Theme::Role::Bad),
                     QStringLiteral("color: %1;").arg(Theme::color(Theme::Role::Bad).name()));
        }
        QCOMPARE(Theme::contrast(Qt::black, Qt::white), 21.0);
        application->setPalette(before);
    }

    void screenshotRejectsAnUnknownPanel()
    {
        QProcess workbench;
        workbench.start(QStringLiteral(GENAIOPS_WORKBENCH_PATH),
                        {QStringLiteral("--screenshot"), m_directory.filePath(QStringLiteral("x.png")),
                         QStringLiteral("--panel"), QStringLiteral("dashboard")});
        QVERIFY(workbench.waitForFinished(30000));
        QCOMPARE(workbench.exitCode(), 2);
        QVERIFY(workbench.readAllStandardError().contains("unknown panel \"dashboard\""));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
