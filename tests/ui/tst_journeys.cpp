// The four people's top tasks, each driven through the real MainWindow on the demo workspace as a
// person would do it, counting the actions it takes (clicks, key presses, fields typed) from the
// panel's first screen. The goal for each is five or fewer.
//
// With GENAIOPS_TEST_LANGUAGE=de the same journeys run in German (ctest's tst_journeys_de): the
// counts and the data are asserted again, the English words are not, and the end states are saved
// as screenshots/journey-*-de.png for the README.

#include "common/testserver.h"
#include "common/workerfixture.h"
#include "core/secrets/credentialprofilerepository.h"
#include "core/secrets/credentialstore.h"
#include "ui/edge/edgepanel.h"
#include "ui/edge/fleettablemodel.h"
#include "ui/edge/fleettableview.h"
#include "ui/edge/reviewpane.h"
#include "ui/edge/reviewqueuemodel.h"
#include "ui/eval/comparerunsdialog.h"
#include "ui/eval/evaluationspanel.h"
#include "ui/eval/itemspane.h"
#include "ui/eval/newrundialog.h"
#include "ui/eval/resulttablemodel.h"
#include "ui/eval/runlistmodel.h"
#include "ui/eval/runlistview.h"
#include "ui/eval/runoverview.h"
#include "ui/mainwindow.h"
#include "ui/registry/decisiondialog.h"
#include "ui/registry/registrypanel.h"
#include "ui/registry/versionpageview.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>

#include <memory>

namespace {

// What a person does, one action at a time, counted.
class Journey
{
public:
    void click(QWidget *widget)
    {
        QVERIFY2(widget && widget->isVisible() && widget->isEnabled(), "the control is there to be clicked");
        ++m_actions;
        QTest::mouseClick(widget, Qt::LeftButton);
    }
    void type(QWidget *field, const QString &text)
    {
        QVERIFY2(field && field->isVisible() && field->isEnabled(), "the field is there to be typed in");
        ++m_actions;
        QTest::mouseClick(field, Qt::LeftButton);
        QTest::keyClicks(field, text);
    }
    // A click on a table cell (its row, where the view selects rows).
    void click(QAbstractItemView *view, const QModelIndex &index)
    {
        QVERIFY2(index.isValid(), "the row is there to be clicked");
        view->scrollTo(index);
        ++m_actions;
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    }
    void click(QHeaderView *header, int section)
    {
        ++m_actions;
        const QPoint centre(header->sectionViewportPosition(section) + header->sectionSize(section) / 2,
                            header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, centre);
    }
    void doubleClick(QAbstractItemView *view, const QModelIndex &index)
    {
        QVERIFY2(index.isValid(), "the row is there to be clicked");
        ++m_actions;
        // The first click of the two, then the second as a double click (QTest's double click alone
        // reaches an item view without the press that it pairs the double click with).
        const QPoint centre = view->visualRect(index).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, centre);
    }
    void press(QWidget *widget, Qt::Key key)
    {
        ++m_actions;
        QTest::keyClick(widget, key);
    }
    int actions() const { return m_actions; }

private:
    int m_actions = 0;
};

const QString language = qEnvironmentVariable("GENAIOPS_TEST_LANGUAGE");
const bool english = language.isEmpty();

// Saved beside the test binary, to be looked at (and for the README).
void screenshot(QWidget *widget, const QString &name)
{
    // The end state fits the 1280×720 screen it was asked for, in every language.
    QVERIFY2(widget->width() <= 1280 && widget->height() <= 720,
             qPrintable(QStringLiteral("%1: %2×%3").arg(name).arg(widget->width()).arg(widget->height())));
    const QString directory = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots");
    QDir().mkpath(directory);
    const QString suffix = english ? QString() : QLatin1Char('-') + language;
    QVERIFY(widget->grab().save(directory + QLatin1Char('/') + name + suffix + QStringLiteral(".png")));
}

template<typename T> T *newest(QObject *parent)
{
    const QList<T *> found = parent->findChildren<T *>();
    return found.isEmpty() ? nullptr : found.last();
}

QPushButton *startButton(QDialog *dialog)
{
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    return buttons ? buttons->button(QDialogButtonBox::Ok) : nullptr;
}

} // namespace

class TestJourneys : public QObject
{
    Q_OBJECT

private:
    WorkerFixture m_fixture{this};
    TestServer m_openai{QStringLiteral("openai_server.py"), {QStringLiteral("--latency-ms"), QStringLiteral("20")}};
    CredentialStore *m_store = nullptr;
    std::unique_ptr<MainWindow> m_window;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Settings of their own: the English and the German run may run side by side.
        QCoreApplication::setOrganizationName(QStringLiteral("genaiops-journeys-test") + language);
        // As the application does: the language's catalogue (English's holds its plurals).
        QLocale::setDefault(english ? QLocale(QLocale::English, QLocale::UnitedKingdom) : QLocale(language));
        auto *translator = new QTranslator(this);
        QVERIFY(
            translator->load(QStringLiteral(":/i18n/genaiops_%1.qm").arg(english ? QStringLiteral("en") : language)));
        QCoreApplication::installTranslator(translator);
        QSettings().clear();
        QVERIFY2(m_openai.start(), qPrintable(m_openai.errorString()));
        QString problem;
        QVERIFY2(m_fixture.open(&problem), qPrintable(problem));
        m_store = new CredentialStore(WorkerFixture::keyringService, this);
        m_window
            = std::make_unique<MainWindow>(m_fixture.worker(), *m_store, MainWindow::Options{m_fixture.path(), true});
        QSignalSpy ready(m_window.get(), &MainWindow::ready);
        m_window->resize(1280, 720);
        m_window->show();
        QVERIFY(m_window->isReady() || ready.wait(30000));
        // The demo's local OpenAI-compatible connection points at the test server.
        const QString url = m_openai.url(QStringLiteral("/v1")).toString();
        m_fixture.run<Done>([url](Workspace &workspace) -> Result<Done> {
            CredentialProfileRepository profiles(workspace);
            auto profile = profiles.require(QStringLiteral("local-ollama"));
            if (!profile)
                return profile.error();
            CredentialProfile changed = profile.value();
            changed.settings.insert(QStringLiteral("base_url"), url);
            return profiles.save(changed);
        });
    }

    void cleanupTestCase() { m_window.reset(); }

    // Run the golden dataset against two models and compare them. Yesterday's run, made through
    // the same dialog, is what the dialog remembers: dataset, connection, model, metrics.
    void dataScientistRunsTwoModelsAndCompares()
    {
        m_window->showPanel(Panel::Evaluations);
        EvaluationsPanel *panel = m_window->evaluationsPanel();
        // gpt-4o answers otherwise than the echo gpt-4o-mini gives, so the comparison has something to say.
        QVERIFY(m_openai.setReplies({QJsonObject{{QStringLiteral("model"), QStringLiteral("gpt-4o")},
                                                 {QStringLiteral("contains"), QStringLiteral("Question:")},
                                                 {QStringLiteral("reply"), QStringLiteral("I cannot say.")}}}));
        QSignalSpy batches(panel, &EvaluationsPanel::batchFinished);
        {
            NewRunDialog *yesterday = panel->newRun();
            auto *dataset = yesterday->findChild<QComboBox *>(QStringLiteral("datasetChoice"));
            QTRY_VERIFY(dataset->count() > 0);
            QVERIFY2(dataset->currentText().startsWith(QStringLiteral("golden-rag · v2")),
                     qPrintable(dataset->currentText())); // the newest dataset in the workspace
            yesterday->findChild<QComboBox *>(QStringLiteral("generatorProfile1"))
                ->setCurrentText(QStringLiteral("local-ollama"));
            QTest::keyClicks(yesterday->findChild<QLineEdit *>(QStringLiteral("generatorModel1")),
                             QStringLiteral("gpt-4o-mini"));
            QTest::mouseClick(startButton(yesterday), Qt::LeftButton);
            QVERIFY(batches.wait(60000));
        }
        const qint64 yesterdaysRun = panel->currentRunId();

        Journey journey;
        journey.click(panel->findChild<QPushButton *>(QStringLiteral("newRunButton")));
        auto *dialog = newest<NewRunDialog>(panel);
        QVERIFY(dialog);
        auto *firstModel = dialog->findChild<QLineEdit *>(QStringLiteral("generatorModel1"));
        QTRY_COMPARE(firstModel->text(), QStringLiteral("gpt-4o-mini"));
        QVERIFY(!dialog->findChild<QCheckBox *>(QStringLiteral("faithfulness"))->isEnabled()); // no judge chosen
        journey.type(dialog->findChild<QLineEdit *>(QStringLiteral("generatorModel2")), QStringLiteral("gpt-4o"));
        screenshot(dialog, QStringLiteral("journey-new-run"));
        batches.clear();
        journey.click(startButton(dialog));
        QVERIFY(batches.wait(60000));
        journey.click(panel->findChild<QPushButton *>(QStringLiteral("compareButton")));
        auto *compare = newest<CompareRunsDialog>(panel);
        QVERIFY(compare);
        QSignalSpy compared(compare, &CompareRunsDialog::compared);
        QVERIFY(compared.count() > 0 || compared.wait(20000));
        QVERIFY2(journey.actions() <= 5, qPrintable(QString::number(journey.actions())));

        // The two runs just made, the first model as A, named in the title.
        const RunComparison &comparison = compare->comparison();
        QCOMPARE(comparison.runA.model, QStringLiteral("gpt-4o-mini"));
        QCOMPARE(comparison.runB.model, QStringLiteral("gpt-4o"));
        QVERIFY(comparison.runA.id > yesterdaysRun);
        QVERIFY2(compare->windowTitle().contains(comparison.runA.name)
                     && compare->windowTitle().contains(comparison.runB.name),
                 qPrintable(compare->windowTitle()));
        if (english)
            QVERIFY2(compare->verdictText().contains(QLatin1String("B is worse")), qPrintable(compare->verdictText()));
        // Choosing a changed item shows both responses in the dialog itself.
        QTableWidget *changed = compare->changedItems();
        QTRY_VERIFY(changed->rowCount() > 0);
        changed->setCurrentCell(0, 1);
        QTRY_VERIFY2(compare->responsesText().contains(QLatin1String("Echo: "))
                         && compare->responsesText().contains(QLatin1String("I cannot say.")),
                     qPrintable(compare->responsesText()));
        screenshot(compare, QStringLiteral("journey-compare"));
        screenshot(m_window.get(), QStringLiteral("journey-data-scientist"));

        // Today's gpt-4o-mini run against yesterday's: the same scores, and the dialog says so plainly.
        compare->close();
        panel->openRun(comparison.runA.id);
        QTRY_COMPARE(panel->currentRunId(), comparison.runA.id);
        compare = panel->compareRuns();
        QVERIFY(compare);
        auto *other = compare->findChild<QComboBox *>();
        QVERIFY(other->findData(yesterdaysRun) >= 0);
        other->setCurrentIndex(other->findData(yesterdaysRun));
        auto *none = compare->findChild<QLabel *>(QStringLiteral("noChangedItems"));
        QTRY_VERIFY(none && none->isVisible());
        if (english) {
            QTRY_VERIFY2(compare->verdictText().contains(QLatin1String("No differences")),
                         qPrintable(compare->verdictText()));
            QVERIFY2(none->text().startsWith(QLatin1String("No item changed")), qPrintable(none->text()));
        }
        compare->close();
    }

    // The ten worst items of the judged run, one explanation read, the report exported.
    void reviewerReadsTheWorstItemsAndExportsAReport()
    {
        m_window->showPanel(Panel::Evaluations);
        EvaluationsPanel *panel = m_window->evaluationsPanel();
        QTRY_VERIFY(!panel->isRunning());
        const QString reports = m_fixture.filePath(QStringLiteral("reports"));
        QVERIFY(QDir().mkpath(reports));
        QSettings().setValue(QStringLiteral("export/directory"), reports); // where the last report went
        int importedRow = -1;
        for (int row = 0; row < panel->runModel()->rowCount(); ++row) {
            if (panel->runModel()->entryAt(row)->run.status == EvalRun::Status::Imported)
                importedRow = row;
        }
        QVERIFY(importedRow >= 0);
        const qint64 importedRun = panel->runModel()->entryAt(importedRow)->run.id;

        Journey journey;
        auto *runs = panel->findChild<RunListView *>();
        QSignalSpy opened(panel, &EvaluationsPanel::runOpened);
        journey.click(runs, runs->model()->index(importedRow, 0));
        QTRY_COMPARE(panel->resultModel()->table().run.id, importedRun);
        QTableView *items = panel->itemsPane()->itemTable();
        QTRY_COMPARE(items->model()->rowCount(), 12);
        // At 1280×720 the charts fold away for the items, and every score column is on screen
        // without scrolling sideways.
        QVERIFY(panel->overview()->isFolded());
        QCOMPARE(items->horizontalScrollBar()->maximum(), 0);
        QVERIFY(items->rowAt(items->viewport()->height() - 1) == -1); // all 12 rows in view
        journey.click(items->horizontalHeader(), ResultTableModel::LowestColumn);

        // The first ten rows are the ten items with the lowest score over their metrics.
        const RunTable &table = panel->resultModel()->table();
        QList<double> lowest;
        for (size_t row = 0; row < table.rows.size(); ++row) {
            double least = 2;
            for (const std::vector<float> &column : table.scores)
                least = std::isnan(column[row]) ? least : std::min(least, double(column[row]));
            lowest << least;
        }
        std::sort(lowest.begin(), lowest.end());
        for (int row = 0; row < 10; ++row)
            QCOMPARE(float(items->model()
                               ->index(row, ResultTableModel::LowestColumn)
                               .data(ResultTableModel::SortRole)
                               .toDouble()),
                     float(lowest[row]));

        journey.click(items, items->model()->index(0, ResultTableModel::QuestionColumn));
        const qint64 worstItem = items->model()->index(0, 0).data(ResultTableModel::ItemIndexRole).toLongLong();
        const RunRow *worst = panel->resultModel()->rowAt(panel->resultModel()->rowOfItem(worstItem));
        QVERIFY(worst);
        QTextBrowser *detail = panel->itemsPane()->detailView();
        const QString explanation = QStringLiteral("The response");
        QTRY_VERIFY2(detail->toPlainText().contains(QStringLiteral(" %1\n").arg(worstItem))
                         && detail->toPlainText().contains(explanation),
                     qPrintable(detail->toPlainText()));
        // The explanation is on screen as the item opens: no scrolling down to it.
        const QTextCursor found = detail->document()->find(explanation);
        QVERIFY(!found.isNull());
        QVERIFY2(detail->cursorRect(found).bottom() < detail->viewport()->height(),
                 qPrintable(QString::number(detail->cursorRect(found).bottom())));
        screenshot(m_window.get(), QStringLiteral("journey-reviewer"));

        // Export: the button saves the report; the file dialog opens where the last one went.
        QString suggested;
        QTimer::singleShot(0, this, [&]() {
            QTRY_VERIFY(qobject_cast<QFileDialog *>(QApplication::activeModalWidget()));
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            suggested = dialog->selectedFiles().value(0);
            journey.press(dialog, Qt::Key_Return);
        });
        journey.click(panel->findChild<QToolButton *>(QStringLiteral("exportButton")));
        QVERIFY2(suggested.startsWith(reports) && suggested.endsWith(QLatin1String(".html")), qPrintable(suggested));
        QTRY_VERIFY(QFile::exists(suggested));
        QTRY_VERIFY(QFileInfo(suggested).size() > 1000);
        QFile report(suggested);
        QVERIFY(report.open(QIODevice::ReadOnly));
        QVERIFY(report.readAll().contains(table.run.name.toHtmlEscaped().toUtf8()));
        QVERIFY2(journey.actions() <= 5, qPrintable(QString::number(journey.actions())));

        // The same sort from the keyboard: Ctrl+Shift+S offers the columns, Lowest is reversed.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        items->setFocus();
        QTest::keyClick(items, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        QMenu *sortMenu = items->findChild<QMenu *>(QStringLiteral("sortMenu"));
        QVERIFY(sortMenu && sortMenu->isVisible());
        QAction *byLowest = nullptr;
        for (QAction *action : sortMenu->actions())
            byLowest = action->data().toInt() == ResultTableModel::LowestColumn ? action : byLowest;
        QVERIFY(byLowest);
        byLowest->trigger();
        sortMenu->close();
        QCOMPARE(items->horizontalHeader()->sortIndicatorSection(), int(ResultTableModel::LowestColumn));
        QCOMPARE(items->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
        items->sortByColumn(ResultTableModel::LowestColumn, Qt::AscendingOrder);

        // The detail also opens in a window of its own, which follows the chosen item.
        QTextBrowser *window = panel->itemsPane()->popOut();
        QVERIFY(window->isVisible());
        items->setCurrentIndex(items->model()->index(1, 0));
        const qint64 second = items->model()->index(1, 0).data(ResultTableModel::ItemIndexRole).toLongLong();
        QTRY_VERIFY2(window->toPlainText().contains(QStringLiteral(" %1\n").arg(second)),
                     qPrintable(window->toPlainText()));
        window->window()->close();
    }

    // A governance officer (the role the workspace holds for them) finds the version waiting for
    // them, reads its evidence and promotes it to Prod.
    void officerPromotesAPendingVersionToProd()
    {
        m_window->showPanel(Panel::Registry);
        RegistryPanel *panel = m_window->registryPanel();
        {
            QSignalSpy loaded(panel, &RegistryPanel::loaded);
            panel->setRole(Role::GovernanceOfficer);
            QVERIFY(loaded.wait(20000));
        }
        Journey journey;
        auto *inbox = panel->findChild<QPushButton *>(QStringLiteral("inboxButton"));
        QVERIFY2(!inbox->text().endsWith(QLatin1String("(0)")), qPrintable(inbox->text()));
        journey.click(inbox);
        QTRY_VERIFY(panel->selectedVersion() && panel->selectedVersion()->stage == Stage::Test);
        const ModelVersion pending = *panel->selectedVersion();
        // Its evidence is on the page at once: the linked run and its gates.
        QTRY_VERIFY2(panel->versionPageText().contains(QStringLiteral("support answers, stricter prompt")),
                     qPrintable(panel->versionPageText()));
        if (english)
            QVERIFY2(panel->versionPageText().contains(QLatin1String("every gate passed")),
                     qPrintable(panel->versionPageText()));
        journey.click(panel->findChild<QPushButton *>(QStringLiteral("promoteButton")));
        auto *dialog = panel->findChild<DecisionDialog *>(QStringLiteral("decisionDialog"));
        QVERIFY(dialog);
        QCOMPARE(dialog->decision().toStage, std::optional(Stage::Prod)); // the next stage, chosen already
        QSignalSpy checked(dialog, &DecisionDialog::checked);
        journey.type(dialog->findChild<QPlainTextEdit *>(), QStringLiteral("Gates pass; approved for all agents."));
        QTRY_VERIFY2(dialog->lastCheck().allowed(),
                     dialog->lastCheck().firstRefusal() ? qPrintable(dialog->lastCheck().firstRefusal()->detail)
                                                        : "not checked yet");
        QSignalSpy decided(panel, &RegistryPanel::decided);
        auto *commit = dialog->findChild<QPushButton *>(QStringLiteral("commitButton"));
        QTRY_VERIFY(commit->isEnabled());
        journey.click(commit);
        QVERIFY(decided.wait(20000));
        QVERIFY2(journey.actions() <= 5, qPrintable(QString::number(journey.actions())));
        // The message says what happened, in words.
        if (english)
            QTRY_VERIFY2(m_window->statusBar()->currentMessage().contains(
                             QStringLiteral("v%1 is now in Prod").arg(pending.version)),
                         qPrintable(m_window->statusBar()->currentMessage()));
        QTRY_VERIFY(panel->selectedVersion() && panel->selectedVersion()->version == pending.version
                    && panel->selectedVersion()->stage == Stage::Prod);
        // The history says it in the same words: who decided, in which role, from what to what.
        if (english)
            QTRY_VERIFY2(panel->versionPageText().contains(
                             QStringLiteral("promoted by %1 (Governance officer): Approved in Test → Approved in Prod")
                                 .arg(panel->actor().user)),
                         qPrintable(panel->versionPageText()));
        screenshot(m_window.get(), QStringLiteral("journey-officer"));

        // The evidence link opens its run in Evaluations, and the run list shows that run chosen.
        qint64 evidenceRun = 0;
        EvaluationsPanel *evaluations = m_window->evaluationsPanel();
        for (const RunListEntry &entry : evaluations->runModel()->entries())
            evidenceRun
                = entry.run.name == QLatin1String("support answers, stricter prompt") ? entry.run.id : evidenceRun;
        QVERIFY(evidenceRun > 0);
        emit panel->versionPage()->anchorClicked(QUrl(QStringLiteral("genaiops-eval:%1").arg(evidenceRun)));
        QTRY_COMPARE(m_window->currentPanel(), Panel::Evaluations);
        QTRY_COMPARE(evaluations->resultModel()->table().run.id, evidenceRun);
        auto *runs = evaluations->findChild<RunListView *>();
        QCOMPARE(evaluations->runModel()->entryAt(runs->currentIndex().row())->run.id, evidenceRun);
    }

    // The demo fleet's failing device rises to the top of the fleet table; a double click sends
    // its doubtful inspections to the review queue, the least confident first, ready for a label.
    void edgeEngineerReviewsTheFailingDevice()
    {
        // The window has the keyboard again after the dialogs of the journeys before.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->showPanel(Panel::Edge);
        EdgePanel *panel = m_window->edgePanel();
        auto *fleet = panel->findChild<FleetTableView *>(QStringLiteral("fleetTable"));
        QVERIFY(fleet);
        const auto topIsFailing = [&]() {
            const QString top = fleet->model()->index(0, FleetTableModel::Device).data().toString();
            for (const DeviceSnapshot &device : panel->findChild<FleetTableModel *>()->devices()) {
                if (device.deviceId == top)
                    return device.health != DeviceSnapshot::Health::Healthy && device.activeAlerts > 0;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(topIsFailing() && panel->reviewPane()->model()->rowCount() > 20, 30000);

        Journey journey;
        QSignalSpy requested(fleet, &FleetTableView::reviewRequested);
        journey.doubleClick(fleet, fleet->model()->index(0, FleetTableModel::Device));
        const QString device = fleet->currentDevice();
        QVERIFY(!device.isEmpty());
        ReviewPane *review = panel->reviewPane();
        QCOMPARE(requested.count(), 1);
        QTRY_VERIFY(review->isVisible()); // the Review queue tab is the one showing
        // Only this device's inspections, the least confident first.
        QAbstractItemModel *shown = review->table()->model();
        QTRY_VERIFY(shown->rowCount() > 0);
        double previous = -1;
        for (int row = 0; row < shown->rowCount(); ++row) {
            QCOMPARE(shown->index(row, ReviewQueueModel::Device).data().toString(), device);
            const double confidence
                = shown->index(row, ReviewQueueModel::Confidence).data(ReviewQueueModel::SortRole).toDouble();
            QVERIFY(confidence >= previous);
            previous = confidence;
        }
        const int first = review->currentRow();
        QVERIFY(first >= 0);
        QCOMPARE(review->model()->item(first).inspection.deviceId, device);
        journey.press(review->table(), Qt::Key_D);
        QCOMPARE(review->model()->item(first).label, ReviewItem::Label::Defective);
        QVERIFY(review->currentRow() != first); // on to the next one
        QVERIFY2(journey.actions() <= 5, qPrintable(QString::number(journey.actions())));
        screenshot(m_window.get(), QStringLiteral("journey-edge"));

        // The label is in the workspace as soon as it is given: a new window finds it.
        {
            EdgePanel reopened(m_fixture.worker(), *m_store);
            QSignalSpy loaded(&reopened, &EdgePanel::loaded);
            reopened.reload();
            QVERIFY(loaded.wait(20000));
            const ReviewQueueModel *queue = reopened.reviewPane()->model();
            QCOMPARE(queue->labelledCount(), 1);
            QCOMPARE(queue->item(0).label, ReviewItem::Label::Defective);
            QCOMPARE(queue->item(0).inspection.timestampMs, review->model()->item(first).inspection.timestampMs);
        }

        // Choosing another device in the fleet table takes the queue with it.
        fleet->setCurrentIndex(fleet->model()->index(fleet->model()->rowCount() - 1, 0));
        const QString other = fleet->currentDevice();
        QVERIFY(other != device);
        for (int row = 0; row < shown->rowCount(); ++row)
            QCOMPARE(shown->index(row, ReviewQueueModel::Device).data().toString(), other);
    }
};

QTEST_MAIN(TestJourneys)
#include "tst_journeys.moc"
