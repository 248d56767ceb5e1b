// The Evaluations panel on the demo workspace and on live runs against the local OpenAI-compatible
// server: runs list, charts, the item table with its filters, the detail pane, cancel and resume.

#include "common/testserver.h"
#include "common/workerfixture.h"
#include "core/demo/democontent.h"
#include "core/eval/datasetimporter.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/itemdetail.h"
#include "core/eval/junitreport.h"
#include "core/eval/labelrepository.h"
#include "core/eval/metricstatistics.h"
#include "core/eval/qualitygate.h"
#include "core/eval/runexport.h"
#include "core/eval/runsetup.h"
#include "core/eval/runsummary.h"
#include "core/secrets/credentialprofilerepository.h"
#include "core/secrets/credentialstore.h"
#include "core/storage/workspaceworker.h"
#include "core/workspaceschema.h"
#include "ui/common/banner.h"
#include "ui/eval/agreementmodel.h"
#include "ui/eval/agreementview.h"
#include "ui/eval/comparerunsdialog.h"
#include "ui/eval/evaluationspanel.h"
#include "ui/eval/resultfilterproxy.h"
#include "ui/eval/resulttablemodel.h"
#include "ui/eval/reviewdialog.h"
#include "ui/eval/runlistmodel.h"
#include "ui/eval/runlistview.h"

#include <QAbstractBarSeries>
#include <QAbstractItemModelTester>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

class TestEvaluationsPanel : public QObject
{
    Q_OBJECT

private:
    WorkerFixture m_fixture{this};
    TestServer m_openai{QStringLiteral("openai_server.py"), {QStringLiteral("--latency-ms"), QStringLiteral("150")}};
    WorkspaceWorker *m_worker = nullptr;
    CredentialStore *m_store = nullptr;
    EvaluationsPanel *m_panel = nullptr;

    void reload()
    {
        QSignalSpy loaded(m_panel, &EvaluationsPanel::loaded);
        m_panel->reload();
        QVERIFY(loaded.wait(20000));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_openai.start(), qPrintable(m_openai.errorString()));
        QString problem;
        QVERIFY2(m_fixture.open(&problem), qPrintable(problem));
        m_worker = &m_fixture.worker();
        m_store = new CredentialStore(WorkerFixture::keyringService, this);
        m_fixture.run<Done>([](Workspace &workspace) { return DemoContent::install(workspace); });
        m_panel = new EvaluationsPanel(*m_worker, *m_store);
        m_panel->resize(1400, 900);
        m_panel->show();
        reload();
    }

    void cleanupTestCase() { delete m_panel; }

    void listsTheDemoRuns()
    {
        QAbstractItemModelTester tester(m_panel->runModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(m_panel->runModel()->rowCount(), 3);
        int imported = 0;
        int gated = 0;
        for (const RunListEntry &entry : m_panel->runModel()->entries()) {
            imported += entry.run.status == EvalRun::Status::Imported;
            gated += entry.gatesPassed.has_value();
            QVERIFY(!entry.summaries.isEmpty());
        }
        QCOMPARE(imported, 1);
        QCOMPARE(gated, 2);
    }

    // Moving between runs and items, the item pane shows the selected run's selected item: an item
    // asked for in one run never lands in another's pane.
    void theItemPaneFollowsTheRunAndItemSelected()
    {
        const QList<RunListEntry> entries = m_panel->runModel()->entries();
        QVERIFY(entries.size() >= 2);
        for (int pass = 0; pass < 2; ++pass) {
            const qint64 from = entries.at(pass).run.id;
            const qint64 to = entries.at(1 - pass).run.id;
            {
                QSignalSpy loaded(m_panel, &EvaluationsPanel::loaded);
                m_panel->openRun(from);
                QVERIFY(loaded.wait(10000));
            }
            m_panel->openItem(1); // its detail is on its way while the other run opens
            QSignalSpy loaded(m_panel, &EvaluationsPanel::loaded);
            m_panel->openRun(to);
            QVERIFY(loaded.wait(10000));
            QCOMPARE(m_panel->resultModel()->table().run.id, to);
            const QModelIndex current
                = m_panel->runModel()->index(m_panel->runModel()->rowOfRun(to), RunListModel::NameColumn);
            QCOMPARE(m_panel->findChild<RunListView *>()->currentIndex().row(), current.row());
            QTest::qWait(100);
            QVERIFY2(m_panel->detailText().trimmed().isEmpty(), qPrintable(m_panel->detailText().left(200)));
            m_panel->openItem(2);
            const RunRow *row = m_panel->resultModel()->rowAt(m_panel->resultModel()->rowOfItem(2));
            QVERIFY(row);
            QTRY_VERIFY2(m_panel->detailText().contains(row->question.left(40)), qPrintable(row->question));
        }
    }

    // The demo's two runs of golden-rag (v1 and v2) compared item by item: every shared metric has
    // a row with its paired figures and a verdict, the verdict is said in words, and the chart and
    // item list follow the chosen metric.
    void compareDialogGivesAPairedVerdict()
    {
        const RunListEntry *newer = nullptr;
        for (const RunListEntry &entry : m_panel->runModel()->entries()) {
            if (entry.run.name == QStringLiteral("support answers, stricter prompt"))
                newer = &entry;
        }
        QVERIFY(newer);
        QVERIFY(!newer->summaries.isEmpty());
        for (const MetricSummary &summary : newer->summaries)
            QVERIFY2(summary.ci95.isKnown() && summary.ci95.low <= summary.mean && summary.mean <= summary.ci95.high,
                     qPrintable(summary.metric));
        QSignalSpy opened(m_panel, &EvaluationsPanel::loaded);
        m_panel->openRun(newer->run.id);
        QVERIFY(opened.wait(20000));
        // The table keeps scores as floats; its pass counts (colours, chart) must be the summary's.
        const RunTable &rows = m_panel->resultModel()->table();
        for (int column = 0; column < rows.metrics.size(); ++column) {
            const QString &metric = rows.metrics[column];
            qint64 passing = 0;
            for (const float value : rows.scores[size_t(column)])
                passing += !std::isnan(value) && MetricStatistics::passes(value, rows.run.settings.threshold(metric));
            QCOMPARE(passing, newer->summaries.value(metric).passing);
        }
        CompareRunsDialog *dialog = m_panel->compareRuns();
        QVERIFY(dialog);
        QSignalSpy compared(dialog, &CompareRunsDialog::compared);
        QVERIFY(compared.count() > 0 || compared.wait(20000));
        const RunComparison &comparison = dialog->comparison();
        QCOMPARE(comparison.runB.id, newer->run.id);
        QVERIFY(comparison.pairedItems > 0);
        QCOMPARE(comparison.metrics.size(), newer->run.settings.metrics.size());
        auto *table = dialog->findChild<QTableWidget *>();
        QVERIFY(table);
        QCOMPARE(table->rowCount(), int(comparison.metrics.size()));
        const QString verdict = dialog->verdictText();
        QVERIFY2(verdict.contains(QStringLiteral("items paired")), qPrintable(verdict));
        QVERIFY2(verdict.contains(QStringLiteral("better")) || verdict.contains(QStringLiteral("worse"))
                     || verdict.contains(QStringLiteral("No difference detectable")),
                 qPrintable(verdict));
        for (int row = 0; row < table->rowCount(); ++row) {
            const QString said = table->item(row, table->columnCount() - 1)->text();
            const PairedTest::Verdict expected = comparison.metrics[row].verdict;
            QCOMPARE(said,
                     expected == PairedTest::Verdict::Better      ? QStringLiteral("better")
                         : expected == PairedTest::Verdict::Worse ? QStringLiteral("worse")
                                                                  : QStringLiteral("no difference detectable"));
        }
        QDir().mkpath(QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots"));
        QVERIFY(dialog->grab().save(QCoreApplication::applicationDirPath()
                                    + QStringLiteral("/screenshots/evaluations-compare.png")));
        QVERIFY(m_panel->grab().save(QCoreApplication::applicationDirPath()
                                     + QStringLiteral("/screenshots/evaluations-intervals.png")));
        dialog->close();
    }

    // The demo's imported run carries two reviewers' labels: the agreement tab shows κ per judged
    // metric and warns. A blind review hides the judge's verdict and explanation until the label is
    // saved (P), shows them after, hides them again on the next item (N); the labels are in the
    // workspace at once and a fresh worker and panel on the same file find them.
    void blindReviewHidesTheJudgeUntilTheLabelIsSaved()
    {
        const RunListEntry *imported = nullptr;
        for (const RunListEntry &entry : m_panel->runModel()->entries())
            if (entry.run.status == EvalRun::Status::Imported)
                imported = &entry;
        QVERIFY(imported);
        const qint64 runId = imported->run.id;
        QSignalSpy opened(m_panel, &EvaluationsPanel::loaded);
        m_panel->openRun(runId);
        QVERIFY(opened.wait(20000));
        // The run list highlights the run the page shows, however it was opened.
        for (QTableView *view : m_panel->findChildren<QTableView *>())
            if (view->model() == m_panel->runModel())
                QCOMPARE(m_panel->runModel()->entryAt(view->currentIndex().row())->run.id, runId);
        AgreementView *agreement = m_panel->agreementView();
        QTRY_COMPARE_WITH_TIMEOUT(agreement->model()->rowCount(), 2, 20000);
        auto *banner = m_panel->findChild<Banner *>();
        QVERIFY(banner && banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("not trustworthy for faithfulness, relevance")),
                 qPrintable(banner->text()));
        QAbstractItemModelTester tester(agreement->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(agreement->model()->metricAt(0)->metric, QStringLiteral("faithfulness"));
        QCOMPARE(agreement->model()->metricAt(0)->reviewers,
                 (QStringList{QStringLiteral("rita"), QStringLiteral("sam")}));
        QVERIFY2(agreement->warningText().contains(QStringLiteral("judge not trustworthy for this metric")),
                 qPrintable(agreement->warningText()));
        QVERIFY(agreement->confusionText().contains(QStringLiteral("judge: pass")));

        qputenv("USER", "tess");
        QPointer<ReviewDialog> dialog = m_panel->review();
        QVERIFY(dialog);
        dialog->setMetric(QStringLiteral("relevance"));
        dialog->setBlind(true);
        QSignalSpy shown(dialog.data(), &ReviewDialog::itemShown);
        QSignalSpy saved(dialog.data(), &ReviewDialog::labelSaved);
        dialog->startQueue();
        QVERIFY(shown.wait(20000));
        QCOMPARE(dialog->queueSize(), 12); // tess has labelled nothing yet
        const qint64 first = *dialog->currentItem();
        auto detail = m_fixture.run<ItemDetail>(
            [runId, first](Workspace &workspace) { return ItemDetail::load(workspace, runId, first); });
        const MetricScore *judged = detail.result->score(QStringLiteral("relevance"));
        QVERIFY(judged && judged->value && !judged->explanation.isEmpty());
        const QString score = QString::number(*judged->value, 'f', 3);
        QVERIFY(dialog->itemText().contains(detail.item.question));
        QVERIFY(!dialog->isJudgeShown());
        QVERIFY2(dialog->judgeText().contains(QStringLiteral("Blind review")), qPrintable(dialog->judgeText()));
        QVERIFY2(!dialog->judgeText().contains(score), qPrintable(dialog->judgeText()));
        QVERIFY(!dialog->judgeText().contains(judged->explanation.left(40)));
        QDir().mkpath(QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots"));
        QVERIFY(dialog->grab().save(QCoreApplication::applicationDirPath()
                                    + QStringLiteral("/screenshots/evaluations-review-blind.png")));

        QTest::keyClick(dialog.data(), Qt::Key_P);
        QVERIFY(saved.wait(20000));
        QCOMPARE(saved.first().first().toLongLong(), first);
        QVERIFY(dialog->isJudgeShown());
        QVERIFY2(dialog->judgeText().contains(score), qPrintable(dialog->judgeText()));
        QVERIFY(dialog->judgeText().contains(judged->explanation.left(40)));
        QVERIFY(dialog->judgeText().contains(QStringLiteral("Your label: pass")));
        QVERIFY(dialog->grab().save(QCoreApplication::applicationDirPath()
                                    + QStringLiteral("/screenshots/evaluations-review-saved.png")));

        QTest::keyClick(dialog.data(), Qt::Key_N);
        QVERIFY(shown.wait(20000));
        QVERIFY(*dialog->currentItem() != first);
        QVERIFY(!dialog->isJudgeShown());
        QTest::keyClick(dialog.data(), Qt::Key_F);
        QVERIFY(saved.wait(20000));
        const qint64 second = *dialog->currentItem();
        // The panel's agreement follows: tess is a reviewer of relevance now.
        QTRY_VERIFY_WITH_TIMEOUT(agreement->model()->metricAt(1)
                                     && agreement->model()->metricAt(1)->reviewers.contains(QStringLiteral("tess")),
                                 20000);
        dialog->close();
        m_panel->runTabs()->setCurrentIndex(1);
        QTest::qWait(50); // let the layout take back the hidden banner's room before the picture
        QVERIFY(m_panel->grab().save(QCoreApplication::applicationDirPath()
                                     + QStringLiteral("/screenshots/evaluations-agreement.png")));
        m_panel->runTabs()->setCurrentIndex(0);

        // Restart: another worker and panel on the same file.
        auto *worker = new WorkspaceWorker(this);
        bool reopened = false;
        worker->open(m_fixture.path(), Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules(), this,
                     [&](Result<Workspace::Info> info) { reopened = info.ok(); });
        QTRY_VERIFY(reopened);
        auto *panel = new EvaluationsPanel(*worker, *m_store);
        QSignalSpy again(panel, &EvaluationsPanel::loaded);
        panel->reload();
        QVERIFY(again.wait(20000));
        panel->openRun(runId);
        QVERIFY(again.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(panel->agreementView()->model()->rowCount() == 2, 20000);
        const MetricAgreement *relevance = panel->agreementView()->model()->metricAt(1);
        QVERIFY(relevance->reviewers.contains(QStringLiteral("tess")));
        std::optional<Result<QList<HumanLabel>>> labels;
        worker->run<QList<HumanLabel>>(
            [runId](Workspace &workspace) {
                return LabelRepository(workspace).labels(runId, QStringLiteral("relevance"));
            },
            this, [&](Result<QList<HumanLabel>> result) { labels = result; });
        QTRY_VERIFY(labels.has_value());
        QVERIFY(labels->ok());
        QList<std::pair<qint64, HumanLabel::Verdict>> tess;
        for (const HumanLabel &label : labels->value())
            if (label.reviewer == QLatin1String("tess"))
                tess.append({label.itemIndex, label.verdict});
        std::sort(tess.begin(), tess.end());
        QList<std::pair<qint64, HumanLabel::Verdict>> expected{{first, HumanLabel::Verdict::Pass},
                                                               {second, HumanLabel::Verdict::Fail}};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(tess, expected);
        delete panel;
        worker->drain();
        delete worker;
    }

    // The imported Bedrock run has relevance scores of exactly 0.70 against a 0.7 threshold: the
    // table's colours, the pass-rate chart, a gate at the mean, the CLI, the HTML report and the
    // JUnit summary must count the same items as passing (score >= threshold on the stored value).
    // Before one rule, the table and chart read 0.70 as a float below 0.7 while the report said 58.3 %.
    void onePassRuleOnEverySurface()
    {
        const RunListEntry *imported = nullptr;
        for (const RunListEntry &entry : m_panel->runModel()->entries()) {
            if (entry.run.status == EvalRun::Status::Imported)
                imported = &entry;
        }
        QVERIFY(imported);
        const qint64 runId = imported->run.id;
        const QString metric = QStringLiteral("relevance");
        const MetricSummary summary = imported->summaries.value(metric);
        QVERIFY(summary.count > 0);
        QCOMPARE(summary.passing, qint64(7)); // 0.70 counts as passing: 7 of 12 (58.3 %)
        QSignalSpy opened(m_panel, &EvaluationsPanel::loaded);
        m_panel->openRun(runId);
        QVERIFY(opened.wait(20000));

        // Table colours.
        const RunTable &table = m_panel->resultModel()->table();
        const int column = ResultTableModel::FirstMetricColumn + int(table.metrics.indexOf(metric));
        qint64 shownPassing = 0;
        for (int row = 0; row < m_panel->resultModel()->rowCount(); ++row) {
            const QModelIndex cell = m_panel->resultModel()->index(row, column);
            shownPassing += !cell.data().toString().isEmpty() && !cell.data(Qt::ForegroundRole).isValid();
        }
        QCOMPARE(shownPassing, summary.passing);

        // The pass-rate chart: its bars are listed last metric first.
        QChartView *passRates = nullptr;
        for (QChartView *view : m_panel->findChildren<QChartView *>()) {
            if (view->chart() && view->chart()->title().startsWith(QLatin1String("Pass rate against thresholds")))
                passRates = view;
        }
        QVERIFY(passRates);
        auto *bars = qobject_cast<QAbstractBarSeries *>(passRates->chart()->series().value(0));
        QVERIFY(bars && bars->count() == 1);
        const int bar = int(table.metrics.size()) - 1 - int(table.metrics.indexOf(metric));
        QCOMPARE(qRound64(bars->barSets().first()->at(bar) * double(summary.count)), summary.passing);

        // A gate at exactly the mean passes: the same >= on the stored values.
        auto gates
            = QList<Gate>{QualityGate::parse(QStringLiteral("relevance>=%1").arg(summary.mean, 0, 'g', 17)).value()};
        QualityGate::evaluate(gates, imported->summaries.values());
        QVERIFY2(gates.first().passed, qPrintable(QualityGate::describe(gates.first())));

        // What the CLI prints for `eval show RUN --json` (RunSummary::toJson).
        const QJsonObject shown = m_fixture.run<QJsonObject>([runId](Workspace &workspace) -> Result<QJsonObject> {
            auto computed = RunSummary::compute(workspace, runId);
            if (!computed)
                return computed.error();
            return computed.value().toJson();
        });
        const QJsonObject figures = shown.value(QLatin1String("metrics")).toObject().value(metric).toObject();
        QCOMPARE(qRound64(figures.value(QLatin1String("pass_rate")).toDouble() * double(summary.count)),
                 summary.passing);

        // The HTML report and the JUnit summary.
        const QString report = m_fixture.filePath(QStringLiteral("one-rule.html"));
        m_fixture.run<Done>([runId, report](Workspace &workspace) -> Result<Done> {
            if (const Status written = RunExport::write(workspace, runId, QStringLiteral("html"), report); !written)
                return written.error();
            return Done{};
        });
        QFile html(report);
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QString percent = QString::number(100.0 * double(summary.passing) / double(summary.count), 'f', 1);
        QVERIFY2(QString::fromUtf8(html.readAll()).contains(percent + QLatin1Char('%')), qPrintable(percent));
        QVERIFY2(JUnitReport::summaryLine(summary).contains(
                     QStringLiteral("pass rate %1%")
                         .arg(QString::number(100.0 * double(summary.passing) / double(summary.count), 'f', 0))),
                 qPrintable(JUnitReport::summaryLine(summary)));
    }

    void opensARunWithItsTableAndFilters()
    {
        const RunListEntry *firstLexical = nullptr;
        for (const RunListEntry &entry : m_panel->runModel()->entries())
            if (entry.run.name == QLatin1String("support answers, first prompt"))
                firstLexical = &entry;
        QVERIFY(firstLexical);
        QSignalSpy opened(m_panel, &EvaluationsPanel::runOpened);
        m_panel->openRun(firstLexical->run.id);
        QVERIFY(opened.wait(10000));
        ResultTableModel *model = m_panel->resultModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 40);
        QCOMPARE(model->table().metrics.size(), 4);
        // Metric columns are named by the metric alone, a word a line so that they are narrow; the
        // kind and threshold are in the tooltip.
        const int contextSupport = ResultTableModel::FirstMetricColumn
            + int(model->table().metrics.indexOf(QStringLiteral("context_support")));
        QCOMPARE(model->headerData(contextSupport, Qt::Horizontal).toString(), QStringLiteral("context\nsupport"));
        QCOMPARE(model->headerData(contextSupport, Qt::Horizontal, Qt::ToolTipRole).toString(),
                 QStringLiteral("context_support: lexical metric; passes at %1 or more")
                     .arg(model->table().run.settings.threshold(QStringLiteral("context_support"))));

        ResultFilterProxy *filter = m_panel->resultFilter();
        filter->setBelowThreshold(true, QStringLiteral("context_support"));
        const int below = filter->rowCount();
        QVERIFY2(below > 0 && below < 40, qPrintable(QString::number(below)));
        filter->setBelowThreshold(false);
        filter->setSearchText(QStringLiteral("MQTT payload limit"));
        QCOMPARE(filter->rowCount(), 2);
        filter->setSearchText({});
        QCOMPARE(filter->rowCount(), 40);

        m_panel->openItem(18); // "What is the MQTT payload limit…": answered wrongly in the first version
        QTRY_VERIFY(m_panel->detailText().contains(QLatin1String("128 KB")));
        QVERIFY(m_panel->detailText().contains(QLatin1String("There is no payload limit.")));
        QVERIFY(m_panel->detailText().contains(QLatin1String("lexical_f1 (lexical)")));
    }

    void aRunGeneratesResponsesAndCanBeCancelledAndResumed()
    {
        const QString datasetPath = m_fixture.filePath(QStringLiteral("questions.jsonl"));
        QFile dataset(datasetPath);
        QVERIFY(dataset.open(QIODevice::WriteOnly));
        for (int index = 0; index < 24; ++index)
            dataset.write(QStringLiteral("{\"question\": \"Question number %1 about Grüße\", \"contexts\": [\"Question "
                                         "number %1 about Grüße\"], "
                                         "\"ground_truth\": \"Echo: Question number %1\"}\n")
                              .arg(index)
                              .toUtf8());
        dataset.close();
        CredentialProfile profile;
        profile.name = QStringLiteral("local");
        profile.kind = CredentialProfile::Kind::OpenAi;
        profile.settings.insert(QStringLiteral("base_url"), m_openai.url(QStringLiteral("/v1")).toString());
        const EvalRun run = m_fixture.run<EvalRun>([=](Workspace &workspace) -> Result<EvalRun> {
            const Status saved = CredentialProfileRepository(workspace).save(profile);
            if (!saved)
                return saved.error();
            auto imported = DatasetImporter::import(workspace, datasetPath);
            if (!imported)
                return imported.error();
            RunSettings settings;
            settings.responsesFromDataset = false;
            settings.generator.profile = QStringLiteral("local");
            settings.generator.model = QStringLiteral("gpt-4o-mini");
            settings.metrics = {QStringLiteral("lexical_f1"), QStringLiteral("context_support")};
            settings.concurrency = 2;
            return RunSetup::create(workspace, imported.value(), settings, QStringLiteral("generated"));
        });
        reload();
        m_panel->openRun(run.id);
        QSignalSpy finished(m_panel, &EvaluationsPanel::runFinished);
        m_panel->startRun(run.id);
        // Let a few items finish, then cancel: the run must stop early and stay resumable.
        QTRY_VERIFY_WITH_TIMEOUT(m_fixture.run<qint64>([id = run.id](Workspace &workspace) {
            return EvalRunRepository(workspace).resultCount(id);
        }) >= 3,
                                 20000);
        m_panel->cancelRun();
        QVERIFY(finished.wait(20000));
        const qint64 afterCancel = m_fixture.run<qint64>(
            [id = run.id](Workspace &workspace) { return EvalRunRepository(workspace).resultCount(id); });
        QVERIFY2(afterCancel < 24, qPrintable(QString::number(afterCancel)));

        finished.clear();
        m_panel->startRun(run.id);
        QVERIFY(finished.wait(30000));
        QCOMPARE(m_fixture.run<qint64>(
                     [id = run.id](Workspace &workspace) { return EvalRunRepository(workspace).resultCount(id); }),
                 24);
        QTRY_COMPARE(m_panel->resultModel()->rowCount(), 24);
        const RunRow *row = m_panel->resultModel()->rowAt(5);
        QVERIFY(row && row->hasResult && row->ok);
        QVERIFY(row->response.startsWith(QLatin1String("Echo: ")));
    }

    // A judge that answers prose on every item: the run completes, and the list, the heading and
    // the figures say that every item has an error instead of "completed · 0 failed"; Retry
    // errors, once the judge answers properly, scores them.
    void aRunWhoseJudgeFailedCountsItsErrorsAndRetriesThem()
    {
        const QString datasetPath = m_fixture.filePath(QStringLiteral("answered.jsonl"));
        QFile dataset(datasetPath);
        QVERIFY(dataset.open(QIODevice::WriteOnly));
        for (int index = 0; index < 4; ++index)
            dataset.write(QStringLiteral("{\"question\": \"Where is part %1?\", \"answer\": \"In bin %1.\", "
                                         "\"ground_truth\": \"Bin %1.\"}\n")
                              .arg(index)
                              .toUtf8());
        dataset.close();
        CredentialProfile profile;
        profile.name = QStringLiteral("judge-server");
        profile.kind = CredentialProfile::Kind::OpenAi;
        profile.settings.insert(QStringLiteral("base_url"), m_openai.url(QStringLiteral("/v1")).toString());
        const EvalRun run = m_fixture.run<EvalRun>([=](Workspace &workspace) -> Result<EvalRun> {
            if (const Status saved = CredentialProfileRepository(workspace).save(profile); !saved)
                return saved.error();
            auto imported = DatasetImporter::import(workspace, datasetPath);
            if (!imported)
                return imported.error();
            RunSettings settings;
            settings.judge.profile = QStringLiteral("judge-server");
            settings.judge.model = QStringLiteral("gpt-4o-mini");
            settings.relevancePrompt = QStringLiteral("RELEVANCE Q={{question}} R={{response}}");
            settings.metrics = {QStringLiteral("lexical_f1"), QStringLiteral("relevance")};
            return RunSetup::create(workspace, imported.value(), settings, QStringLiteral("prose judge"));
        });
        // No reply rule: the server echoes the prompt, which holds no score.
        QVERIFY(m_openai.setReplies({}));
        reload();
        m_panel->openRun(run.id);
        QSignalSpy finished(m_panel, &EvaluationsPanel::runFinished);
        m_panel->startRun(run.id);
        QVERIFY(finished.wait(30000));
        reload();
        QTRY_VERIFY2(m_panel->headerText().contains(QLatin1String("4 items, 4 with errors")),
                     qPrintable(m_panel->headerText()));
        // A copy: the panel refills its list as runs finish.
        const auto entryOf = [&]() {
            const RunListEntry *listed = m_panel->runModel()->entryAt(m_panel->runModel()->rowOfRun(run.id));
            return listed ? std::optional<RunListEntry>(*listed) : std::nullopt;
        };
        std::optional<RunListEntry> entry = entryOf();
        QVERIFY(entry);
        QCOMPARE(entry->run.failed, 0); // no item failed as a whole: the judge did
        QCOMPARE(entry->itemsWithErrors, 4);
        const QModelIndex status
            = m_panel->runModel()->index(m_panel->runModel()->rowOfRun(run.id), RunListModel::StatusColumn);
        QCOMPARE(status.data().toString(), QStringLiteral("completed · 4 with errors"));
        QVERIFY2(entry->figuresText().contains(QLatin1String("<b>relevance</b> no score (4 with errors)")),
                 qPrintable(entry->figuresText()));
        auto *retry = m_panel->findChild<QPushButton *>(QStringLiteral("resumeButton"));
        QVERIFY(retry);
        QTRY_VERIFY(retry->isEnabled());
        QCOMPARE(retry->text(), QStringLiteral("Retry errors (4)"));

        QVERIFY(m_openai.setReplies(
            {QJsonObject{{QStringLiteral("contains"), QStringLiteral("RELEVANCE Q=")},
                         {QStringLiteral("reply"), QStringLiteral("{\"score\": 0.8, \"explanation\": \"fits\"}")}}}));
        finished.clear();
        retry->click();
        QVERIFY(finished.wait(30000));
        reload();
        QTRY_COMPARE(retry->text(), QStringLiteral("Resume"));
        entry = entryOf();
        QVERIFY(entry);
        QCOMPARE(entry->itemsWithErrors, 0);
        QCOMPARE(entry->summaries.value(QStringLiteral("relevance")).count, 4);
        QCOMPARE(entry->summaries.value(QStringLiteral("relevance")).mean, 0.8);
        QVERIFY(!retry->isEnabled());
        QVERIFY(m_openai.setReplies({}));
    }
};

QTEST_MAIN(TestEvaluationsPanel)
#include "tst_evaluationspanel.moc"
