// The Edge panel fed by a real mosquitto and the simulator: the fleet table, the charts' timer, the
// event log's pause, the review queue's labels and manifest, and screenshots for people to look at.

#include "common/testserver.h"
#include "common/workerfixture.h"
#include "core/aws/s3objectreader.h"
#include "core/edge/inspectionsimulator.h"
#include "core/edge/localbroker.h"
#include "core/edge/mqttclient.h"
#include "core/edge/syntheticpartimage.h"
#include "core/secrets/credentialstore.h"
#include "core/storage/workspaceworker.h"
#include "core/workspaceschema.h"
#include "ui/edge/edgepanel.h"
#include "ui/edge/eventfilterproxy.h"
#include "ui/edge/eventlogmodel.h"
#include "ui/edge/eventlogpane.h"
#include "ui/edge/fleetcharts.h"
#include "ui/edge/fleettablemodel.h"
#include "ui/edge/inspectionimageview.h"
#include "ui/edge/reviewpane.h"
#include "ui/edge/reviewqueuemodel.h"
#include "ui/theme.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class TestEdgePanel : public QObject
{
    Q_OBJECT

    WorkerFixture m_fixture{this};
    LocalBroker m_broker;
    WorkspaceWorker *m_worker = nullptr;
    CredentialStore *m_store = nullptr;
    EdgePanel *m_panel = nullptr;

    static QString screenshotPath(const QString &name)
    {
        QDir().mkpath(QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots"));
        return QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots/") + name;
    }

    // Publishes a simulated fleet to the test broker for `seconds`, spinning the event loop meanwhile.
    qint64 publishFleet(double seconds, double rate)
    {
        MqttSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = m_broker.port();
        settings.topics.clear();
        MqttClient publisher(settings);
        if (!publisher.start()
            || !QTest::qWaitFor([&]() { return publisher.state() == MqttClient::State::Connected; }, 10000))
            return -1;
        SimulationSettings simulation;
        simulation.devices = 6;
        simulation.rate = rate;
        simulation.durationSeconds = seconds;
        simulation.defectRate = 0.1;
        simulation.imageEvery = 3;
        simulation.failingDevice = true;
        simulation.failAfterSeconds = seconds / 2;
        InspectionSimulator simulator(simulation, [&](const QString &topic, const QByteArray &payload) {
            return publisher.publish(topic, payload, 0);
        });
        bool finished = false;
        connect(&simulator, &InspectionSimulator::finished, this, [&]() { finished = true; });
        simulator.start();
        if (!QTest::qWaitFor([&]() { return finished; }, int(seconds * 1000) + 10000))
            return -1;
        publisher.stop();
        return simulator.published();
    }

private slots:
    void initTestCase()
    {
        if (LocalBroker::executable().isEmpty())
            QSKIP("mosquitto is not installed");
        QVERIFY(m_broker.start());
        QString problem;
        QVERIFY2(m_fixture.open(&problem), qPrintable(problem));
        m_worker = &m_fixture.worker();
        m_store = new CredentialStore(WorkerFixture::keyringService, this);
        m_panel = new EdgePanel(*m_worker, *m_store);
        m_panel->resize(1280, 860);
        m_panel->show();
        QSignalSpy loaded(m_panel, &EdgePanel::loaded);
        m_panel->reload();
        QVERIFY(loaded.wait(10000));
    }

    void cleanupTestCase() { delete m_panel; }

    void showsTheLiveFleet()
    {
        QAbstractItemModelTester fleetTester(m_panel->fleetModel(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester eventTester(m_panel->eventLog()->model(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester reviewTester(m_panel->reviewPane()->model(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        MqttSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = m_broker.port();
        m_panel->connectToBroker(settings);
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->updatesApplied() > 0, 5000);
        QTest::qWait(500); // subscribed before the fleet starts publishing

        const int repaintsBefore = m_panel->charts()->repaintCount();
        QElapsedTimer clock;
        clock.start();
        const qint64 published = publishFleet(4, 300);
        QVERIFY(published > 1000);
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->fleet().messages, published, 5000);
        const qint64 elapsedMs = clock.elapsed();

        QCOMPARE(m_panel->fleetModel()->rowCount(), 6);
        QCOMPARE(m_panel->fleetModel()
                     ->data(m_panel->fleetModel()->index(0, FleetTableModel::Device), Qt::DisplayRole)
                     .toString(),
                 QStringLiteral("vqi-cell-01"));
        // The failing device (the last) raised a defect-rate or latency alert; the table shows it.
        const DeviceSnapshot &failing = m_panel->fleetModel()->devices().last();
        QVERIFY2(
            failing.activeAlerts > 0 || failing.health != DeviceSnapshot::Health::Healthy,
            qPrintable(QStringLiteral("defects %1, p95 %2").arg(failing.windowDefectRate).arg(failing.p95LatencyMs)));
        QVERIFY(m_panel->alertRows() > 0);
        // Charts repaint on their 10 Hz timer, never per message or per update.
        const int repaints = m_panel->charts()->repaintCount() - repaintsBefore;
        QVERIFY2(repaints > 0 && repaints <= elapsedMs / FleetCharts::repaintIntervalMs + 2,
                 qPrintable(QStringLiteral("%1 repaints in %2 ms").arg(repaints).arg(elapsedMs)));
        QCOMPARE(m_panel->eventLog()->model()->rowCount(), int(published));
        // The event log's device filter offers every device the table shows, after "All devices".
        QCOMPARE(m_panel->eventLog()->findChildren<QComboBox *>().first()->count(), 1 + 6);
        QVERIFY(m_panel->reviewPane()->model()->rowCount() > 0);
        QVERIFY(m_panel->grab().save(screenshotPath(QStringLiteral("edge-fleet.png"))));
    }

    // The broker killed and started again while the panel listens: the connection bar says there was
    // a gap and how long, the client reconnects by itself, and the fleet's counts go on.
    void aBrokerRestartIsShownAsAGapAndTheFleetGoesOn()
    {
        const qint64 before = m_panel->fleet().messages;
        QVERIFY(before > 0);
        QVERIFY(m_broker.restart());
        const auto stateText = [&]() {
            QString text;
            for (const QLabel *label : m_panel->findChildren<QLabel *>())
                if (label->text().contains(QLatin1String("gap")))
                    text = label->text();
            return text;
        };
        QTRY_VERIFY_WITH_TIMEOUT(stateText().contains(QLatin1String("1 gap")), 20000);
        QVERIFY2(stateText().contains(QLatin1String("s offline")), qPrintable(stateText()));
        QTest::qWait(300); // subscribed again before the fleet publishes
        const qint64 published = publishFleet(1, 200);
        QVERIFY(published > 100);
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->fleet().messages, before + published, 5000);
        QVERIFY(m_panel->grab().save(screenshotPath(QStringLiteral("edge-after-a-gap.png"))));
    }

    void eventLogFiltersAndPauses()
    {
        EventLogPane *log = m_panel->eventLog();
        const int rows = log->model()->rowCount();
        QAbstractItemModelTester proxyTester(log->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *table = log->findChild<QTableView *>(QStringLiteral("eventTable"));
        QCOMPARE(table->model(), log->model()); // unfiltered, no proxy in between
        log->setFilters({}, QStringLiteral("defective"), 1.01);
        QCOMPARE(table->model(), log->proxy());
        const int defective = log->proxy()->rowCount();
        QVERIFY(defective > 0 && defective < rows);
        for (int row = 0; row < defective; ++row)
            QCOMPARE(log->proxy()->index(row, EventLogModel::Prediction).data().toString(),
                     QStringLiteral("defective"));
        log->setFilters(QStringLiteral("vqi-cell-02"), {}, 0.9);
        QVERIFY(log->proxy()->rowCount() > 0 && log->proxy()->rowCount() < rows);
        for (int row = 0; row < log->proxy()->rowCount(); ++row) {
            QCOMPARE(log->proxy()->index(row, EventLogModel::Device).data().toString(), QStringLiteral("vqi-cell-02"));
            QVERIFY(log->proxy()->index(row, EventLogModel::Confidence).data().toDouble() < 0.9);
        }
        log->setFilters({}, {}, 1.01);
        QCOMPARE(table->model(), log->model());

        log->setPaused(true);
        const qint64 published = publishFleet(1, 200);
        QTRY_VERIFY_WITH_TIMEOUT(log->model()->heldWhilePaused() == published, 5000);
        QCOMPARE(log->model()->rowCount(), rows); // nothing moved while paused
        log->setPaused(false);
        QCOMPARE(log->model()->rowCount(), rows + int(published));
    }

    void reviewerLabelsAndExportsAManifest()
    {
        ReviewPane *review = m_panel->reviewPane();
        m_panel->showTab(EdgePanel::Tab::Review);
        ReviewQueueModel *queue = review->model();
        QVERIFY(queue->rowCount() >= 3);
        // An item with an inline image, a defective one if there is, so the screenshot shows a scratch.
        int withImage = -1;
        for (int row = 0; row < queue->rowCount(); ++row) {
            const InspectionResult &inspection = queue->item(row).inspection;
            if (inspection.imageBase64.isEmpty())
                continue;
            if (withImage < 0 || (inspection.defective && !queue->item(withImage).inspection.defective))
                withImage = row;
        }
        QVERIFY(withImage >= 0);
        review->selectRow(withImage);
        auto *table = review->findChild<QTableView *>(QStringLiteral("reviewTable"));
        table->setFocus();
        QTest::keyClick(table, Qt::Key_D); // defective; moves on to the next unlabelled item
        QCOMPARE(queue->item(withImage).label, ReviewItem::Label::Defective);
        QVERIFY(review->currentRow() != withImage);
        QTest::keyClick(table, Qt::Key_G);
        QTest::keyClick(table, Qt::Key_U);
        QCOMPARE(queue->labelledCount(), 3);
        review->selectRow(withImage);
        QTest::qWait(100);
        QVERIFY(m_panel->grab().save(screenshotPath(QStringLiteral("edge-review.png"))));

        const QString manifest = m_fixture.filePath(QStringLiteral("labels.jsonl"));
        QSignalSpy status(review, &ReviewPane::statusMessage);
        review->exportManifest(manifest);
        QVERIFY(status.wait(10000));
        QVERIFY2(status.first().first().toString().startsWith(QLatin1String("Exported 3 labels")),
                 qPrintable(status.first().first().toString()));
        QFile file(manifest);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QSet<QString> labels;
        for (const QByteArray &line : lines) {
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            for (const char *key : {"image", "label", "device", "timestamp", "model_prediction", "confidence"})
                QVERIFY2(object.contains(QLatin1String(key)), key);
            labels << object.value(QStringLiteral("label")).toString();
            const QString image = object.value(QStringLiteral("image")).toString();
            if (image.endsWith(QLatin1String(".png"))) // an inline image, saved beside the manifest
                QVERIFY2(QFile::exists(m_fixture.filePath(image)), qPrintable(image));
        }
        QCOMPARE(labels,
                 (QSet<QString>{QStringLiteral("good"), QStringLiteral("defective"), QStringLiteral("unsure")}));
    }

    void configuredClassesDecideWhatIsKnown()
    {
        // A line whose model says "ok" / "ng": the simulator's good/defective are unknown to it.
        InspectionParser::Classes classes;
        classes.good = {QStringLiteral("ok")};
        classes.defective = {QStringLiteral("ng")};
        m_panel->setClasses(classes);
        const qint64 malformedBefore = m_panel->fleet().malformed;
        const qint64 before = m_panel->fleet().messages;
        const qint64 published = publishFleet(0.5, 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->fleet().messages, before + published, 5000);
        QCOMPARE(m_panel->fleet().malformed - malformedBefore, published);
        QVERIFY(m_panel->fleet().malformedReasons.value(QStringLiteral("unknown_class")) >= published);
        m_panel->setClasses({}); // back to good / defective
    }

    void anImageFileIsReadOffTheUiThread()
    {
        const QString path = m_fixture.filePath(QStringLiteral("part.png"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(SyntheticPartImage::png(true, 7));
        file.close();
        InspectionImageView view;
        view.resize(300, 300);
        InspectionResult inspection;
        inspection.deviceId = QStringLiteral("vqi-cell-01");
        inspection.imageUri = path;
        // No folder chosen: no local file is read, and the view says how to choose one.
        view.showInspection(inspection);
        QTRY_VERIFY_WITH_TIMEOUT(view.message().contains(QLatin1String("Images folder")), 5000);
        QVERIFY(!view.hasPicture());

        view.setImageFolder(QFileInfo(path).absolutePath());
        view.showInspection(inspection);
        QVERIFY(!view.hasPicture()); // not read on this thread
        QTRY_VERIFY_WITH_TIMEOUT(view.hasPicture(), 5000);

        // A payload naming a file outside the folder gets no picture and the reason.
        inspection.imageUri = QStringLiteral("../../../../../../etc/passwd");
        view.showInspection(inspection);
        QTRY_VERIFY_WITH_TIMEOUT(view.message().contains(QLatin1String("outside the images folder")), 5000);
        QVERIFY(!view.hasPicture());

        // A file that is not there: the picture goes and the view says why, once the read has failed.
        inspection.imageUri = m_fixture.filePath(QStringLiteral("missing.png"));
        view.showInspection(inspection);
        QVERIFY(!view.hasPicture());
        QCOMPARE(view.message(), QStringLiteral("Loading…"));
        QTRY_VERIFY_WITH_TIMEOUT(view.message().startsWith(QStringLiteral("Cannot read ") + inspection.imageUri), 5000);
        QVERIFY2(view.message().size() > QStringLiteral("Cannot read ").size() + inspection.imageUri.size() + 2,
                 qPrintable(view.message())); // and why: the reader's own words
    }

    // An image stored in S3 is fetched with the chosen AWS connection (s3_server.py checks the
    // signature as S3 does) and fitted to the view; without a connection the view says where to choose one.
    void anS3ImageIsFetchedWithTheChosenConnection()
    {
        QTemporaryDir root;
        QDir().mkpath(root.filePath(QStringLiteral("vqi-review-images/vqi-cell-08")));
        QFile object(root.filePath(QStringLiteral("vqi-review-images/vqi-cell-08/17.png")));
        QVERIFY(object.open(QIODevice::WriteOnly));
        object.write(SyntheticPartImage::png(true, 3));
        object.close();
        TestServer s3(QStringLiteral("s3_server.py"), {QStringLiteral("--root"), root.path()});
        QVERIFY2(s3.start(), qPrintable(s3.errorString()));

        InspectionImageView view;
        view.resize(300, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        InspectionResult inspection;
        inspection.deviceId = QStringLiteral("vqi-cell-08");
        inspection.imageUri = QStringLiteral("s3://vqi-review-images/vqi-cell-08/17.png");
        view.showInspection(inspection);
        QVERIFY(!view.hasPicture());
        QVERIFY2(view.message().contains(QStringLiteral("S3 images via")), qPrintable(view.message()));

        S3ObjectReader reader(
            {QStringLiteral("us-east-1"),
             {QStringLiteral("AKIDEXAMPLE"), QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), {}},
             s3.url()});
        view.setS3Reader(&reader);
        view.showInspection(inspection);
        QTRY_VERIFY_WITH_TIMEOUT(view.hasPicture(), 10000);
        QCOMPARE(s3.requests().size(), 1);
        view.resize(500, 420); // fitted to the pane again, from the image already read
        QTRY_VERIFY(view.findChild<QLabel *>()->pixmap().height() > 300);
        QCOMPARE(s3.requests().size(), 1);

        inspection.imageUri = QStringLiteral("s3://vqi-review-images/vqi-cell-08/gone.png");
        view.showInspection(inspection);
        QTRY_VERIFY_WITH_TIMEOUT(view.message().contains(QStringLiteral("NoSuchKey")), 10000);
    }

    void recordsAndReplaysASession()
    {
        QSignalSpy stopped(m_panel, &EdgePanel::recordingStopped);
        m_panel->startRecording(QStringLiteral("shift-1"));
        QTest::qWait(300);
        const qint64 before = m_panel->fleet().messages;
        const qint64 published = publishFleet(1, 300);
        QVERIFY(published > 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->fleet().messages, before + published, 5000);
        m_panel->stopRecording();
        QVERIFY(stopped.wait(5000));
        QCOMPARE(stopped.first().at(1).toLongLong(), published);

        // The same name again is refused, and the button does not pretend to record.
        stopped.clear();
        m_panel->startRecording(QStringLiteral("shift-1"));
        QVERIFY(stopped.wait(5000));
        QCOMPARE(stopped.first().at(1).toLongLong(), qint64(-1));

        // Replayed as fast as possible into a fresh fleet: the same count comes back.
        m_panel->replay(QStringLiteral("shift-1"), 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->fleet().messages, published, 10000);
        QCOMPARE(m_panel->fleetModel()->rowCount(), 6);
    }

    // A device that goes quiet after a bad stretch: the table keeps its last window's figures,
    // greyed, says for how long it has been silent, and its defect-rate alert stays raised; a
    // device whose confidence sank under its own baseline drifts instead of looking healthy.
    void silenceAndDriftAreTheirOwnHealth()
    {
        MqttSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = m_broker.port();
        m_panel->connectToBroker(settings);
        const qint64 updates = m_panel->updatesApplied();
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->updatesApplied() > updates, 5000);
        QTest::qWait(500); // subscribed before anything is published
        AlertRules rules;
        rules.silentSeconds = 2;
        rules.baselineMessages = 20;
        m_panel->setRules(rules);
        settings.topics.clear();
        MqttClient publisher(settings);
        QVERIFY(publisher.start());
        QVERIFY(QTest::qWaitFor([&]() { return publisher.state() == MqttClient::State::Connected; }, 10000));
        const auto publish = [&](const QString &device, bool defective, double confidence) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            const QByteArray payload
                = QStringLiteral("{\"device_id\":\"%1\",\"timestamp\":%2,\"prediction\":\"%3\",\"confidence\":%4,"
                                 "\"inference_latency_ms\":30}")
                      .arg(device)
                      .arg(now)
                      .arg(defective ? QStringLiteral("defective") : QStringLiteral("good"))
                      .arg(confidence)
                      .toUtf8();
            return bool(publisher.publish(MqttSettings::defaultTopic(), payload, 1));
        };
        for (int index = 0; index < 32; ++index)
            QVERIFY(publish(QStringLiteral("cam-quiet"), index < 14, 0.9));
        for (int index = 0; index < 20; ++index)
            QVERIFY(publish(QStringLiteral("cam-drift"), false, 0.913));
        const auto find = [this](const QString &id) -> std::optional<DeviceSnapshot> {
            for (const DeviceSnapshot &device : m_panel->fleetModel()->devices())
                if (device.deviceId == id)
                    return device;
            return std::nullopt;
        };
        QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("cam-drift")) && find(QStringLiteral("cam-drift"))->messages == 20,
                                 5000);
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->alertRows() > 0, 5000); // cam-quiet's 43.8 % against 30 %
        // cam-drift keeps sending, lower; cam-quiet sends nothing more.
        const QDeadlineTimer drifting(3500);
        while (!drifting.hasExpired()) {
            QVERIFY(publish(QStringLiteral("cam-drift"), false, 0.827));
            QTest::qWait(50);
        }
        publisher.stop();
        const std::optional<DeviceSnapshot> quiet = find(QStringLiteral("cam-quiet"));
        QVERIFY(quiet);
        QCOMPARE(quiet->health, DeviceSnapshot::Health::Silent);
        QCOMPARE(quiet->windowDefectRate, 14.0 / 32.0);
        QCOMPARE(quiet->windowMeanConfidence, 0.9);
        int row = 0;
        while (m_panel->fleetModel()->devices().at(row).deviceId != quiet->deviceId)
            ++row;
        const auto cell = [&](int column, int role = Qt::DisplayRole) {
            return m_panel->fleetModel()->index(row, column).data(role);
        };
        QVERIFY2(cell(FleetTableModel::Status).toString().startsWith(QLatin1String("Silent for ")),
                 qPrintable(cell(FleetTableModel::Status).toString()));
        QCOMPARE(cell(FleetTableModel::WindowDefectRate).toString(), QStringLiteral("43.8 %"));
        QCOMPARE(cell(FleetTableModel::WindowDefectRate, Qt::ForegroundRole).value<QColor>(),
                 Theme::color(Theme::Role::Muted));
        bool defectAlertActive = false;
        for (const EdgeAlert &alert : m_panel->fleet().activeAlerts)
            defectAlertActive = defectAlertActive
                || (alert.deviceId == QLatin1String("cam-quiet") && alert.kind == EdgeAlert::Kind::DefectRate);
        QVERIFY(defectAlertActive);
        const std::optional<DeviceSnapshot> drift = find(QStringLiteral("cam-drift"));
        QVERIFY(drift);
        QCOMPARE(drift->health, DeviceSnapshot::Health::Drifting);
        QVERIFY(m_panel->grab().save(screenshotPath(QStringLiteral("edge-silent-and-drifting.png"))));
        m_panel->setRules(AlertRules{});
    }
};

QTEST_MAIN(TestEdgePanel)
#include "tst_edgepanel.moc"
