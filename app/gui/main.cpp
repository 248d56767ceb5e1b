// genaiops-workbench: the desktop workbench.

#include "core/common/logsink.h"
#include "core/common/version.h"
#include "core/secrets/credentialstore.h"
#include "core/storage/workspaceworker.h"
#include "firstpaintprobe.h"
#include "ui/mainwindow.h"
#include "ui/panel.h"
#include "ui/screenshot.h"
#include "ui/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <cstring>

namespace {

// Must run before QApplication exists: the platform plugin is chosen in its constructor.
void useOffscreenPlatformForScreenshots(int argc, char *argv[])
{
    for (int index = 1; index < argc; ++index) {
        if (std::strcmp(argv[index], "--screenshot") == 0 || std::strncmp(argv[index], "--screenshot=", 13) == 0) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            return;
        }
    }
}

void installTranslations(QApplication &application, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto *qtTranslator = new QTranslator(&application);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto *translator = new QTranslator(&application);
    // The sources are English; English's own catalogue holds only plurals ("1 day", "4 days" for
    // "%n day(s)"), and serves the C locale too.
    if (translator->load(locale, QStringLiteral("genaiops"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || translator->load(QStringLiteral(":/i18n/genaiops_en.qm")))
        QCoreApplication::installTranslator(translator);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "genaiops-workbench: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    useOffscreenPlatformForScreenshots(argc, argv);
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral(GENAIOPS_APPLICATION_NAME));
    QApplication::setOrganizationName(QStringLiteral(GENAIOPS_ORGANIZATION_NAME));
    QApplication::setApplicationVersion(QStringLiteral(GENAIOPS_VERSION));
    QApplication::setApplicationDisplayName(QStringLiteral("GenAIOps Workbench"));
    QApplication::setDesktopFileName(QStringLiteral("org.genaiops.Workbench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("GenAIOps Workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"), QStringLiteral("Workspace file to open or create."), QStringLiteral("path"));
    const QCommandLineOption demoOption(QStringLiteral("demo"), QStringLiteral("Add demo content to every panel."));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QStringLiteral("Render offscreen, write a PNG and exit."),
                                              QStringLiteral("file.png"));
    const QCommandLineOption panelOption(QStringLiteral("panel"),
                                         QStringLiteral("playground, evaluations, registry, edge or connections."),
                                         QStringLiteral("panel"));
    const QCommandLineOption sizeOption(
        QStringLiteral("size"),
        QStringLiteral("Window size for --screenshot, e.g. 1280x800 (default: the window's own, 1280x800 where the "
                       "screen has room)."),
        QStringLiteral("WxH"));
    const QCommandLineOption languageOption(QStringLiteral("lang"),
                                            QStringLiteral("Language, e.g. de (default: the system's)."),
                                            QStringLiteral("language"));
    const QCommandLineOption themeOption(QStringLiteral("theme"), QStringLiteral("system, light or dark."),
                                         QStringLiteral("theme"));
    parser.addOptions(
        {workspaceOption, demoOption, screenshotOption, panelOption, sizeOption, languageOption, themeOption});
    parser.process(application);

    std::optional<Panel> panel;
    if (parser.isSet(panelOption)) {
        panel = PanelNames::fromId(parser.value(panelOption));
        if (!panel)
            return fail(
                QStringLiteral("unknown panel \"%1\" (expected playground, evaluations, registry, edge or connections)")
                    .arg(parser.value(panelOption)));
    }
    const QSize size = parser.isSet(sizeOption) ? Screenshot::parseSize(parser.value(sizeOption)) : QSize();
    if (parser.isSet(sizeOption) && !size.isValid())
        return fail(QStringLiteral("--size expects WIDTHxHEIGHT, e.g. 1280x800"));
    const bool screenshot = parser.isSet(screenshotOption);

    LogSink::install(screenshot ? QString() : LogSink::defaultLogFilePath());
    installTranslations(application, parser.value(languageOption));
    QSettings settings;
    const QString theme = parser.isSet(themeOption)
        ? parser.value(themeOption)
        : settings.value(QStringLiteral("appearance/theme"), QStringLiteral("light")).toString();
    Theme::apply(application, Theme::fromName(theme));

    FirstPaintProbe::installIfAsked();
    WorkspaceWorker worker;
    CredentialStore store;
    MainWindow window(worker, store, {parser.value(workspaceOption), parser.isSet(demoOption)});
    if (panel)
        window.showPanel(*panel);

    if (!screenshot) {
        window.show();
        return application.exec();
    }

    if (size.isValid())
        window.resize(size);
    window.setAttribute(Qt::WA_DontShowOnScreen);
    window.show();
    int exitCode = 0;
    auto capture = [&]() {
        if (const Status saved = Screenshot::save(window, parser.value(screenshotOption)); !saved)
            exitCode = fail(saved.error().describe());
        else if (!window.workspaceProblem().isEmpty())
            exitCode = fail(window.workspaceProblem());
        application.quit();
    };
    // Let layouts and the keyring probe settle after the data arrived, then capture once.
    QObject::connect(&window, &MainWindow::ready, &application,
                     [&]() { QTimer::singleShot(300, &application, capture); });
    QTimer::singleShot(30000, &application, [&]() {
        if (!window.isReady())
            exitCode = fail(QStringLiteral("the workspace did not open within 30 s"));
        application.quit();
    });
    application.exec();
    return exitCode;
}
