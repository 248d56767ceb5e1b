#include "ui/edge/edgepanel.h"

#include "core/common/backgroundpriority.h"
#include "core/edge/edgechoices.h"
#include "core/edge/edgedemo.h"
#include "core/edge/edgemonitor.h"
#include "core/edge/recordingreplay.h"
#include "core/edge/reviewlabelrepository.h"
#include "core/secrets/credentialstore.h"
#include "core/storage/workspaceworker.h"
#include "ui/common/banner.h"
#include "ui/common/selectionresolver.h"
#include "ui/common/tabcaptions.h"
#include "ui/edge/alertlist.h"
#include "ui/edge/alertrulesdialog.h"
#include "ui/edge/edgeconnectionbar.h"
#include "ui/edge/eventlogpane.h"
#include "ui/edge/fleetcharts.h"
#include "ui/edge/fleettablemodel.h"
#include "ui/edge/fleettableview.h"
#include "ui/edge/malformedlist.h"
#include "ui/edge/reviewpane.h"
#include "ui/edge/s3imagechooser.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

constexpr int demoWarmUpMs = 3500; // long enough for rates, alerts and images to show

EdgePanel::EdgePanel(WorkspaceWorker &worker, CredentialStore &store, QWidget *parent)
    : QWidget(parent), m_worker(worker), m_store(store)
{
    m_monitor = new EdgeMonitor;
    m_monitor->moveToThread(&m_monitorThread);
    connect(&m_monitorThread, &QThread::finished, m_monitor, &QObject::deleteLater);
    connect(m_monitor, &EdgeMonitor::updated, this, &EdgePanel::applyUpdate);
    connect(m_monitor, &EdgeMonitor::failed, this,
            [this](const QString &message) { m_banner->showMessage(Banner::Tone::Warning, message.toHtmlEscaped()); });
    connect(m_monitor, &EdgeMonitor::recordingStopped, this, [this](const QString &name, qint64 messages) {
        const QSignalBlocker quiet(m_record);
        m_record->setChecked(false);
        emit recordingStopped(name, messages);
        if (messages < 0)
            return; // it never started; failed() said why
        emit statusMessage(tr("Recorded %1 messages as \"%2\".").arg(messages).arg(name));
        reload();
    });
    m_monitorThread.setObjectName(QStringLiteral("edge monitor"));
    BackgroundPriority::lowerWhenStarted(m_monitorThread); // parsing a flood yields to the frames
    m_monitorThread.start();
    buildLayout();
}

EdgePanel::~EdgePanel()
{
    QMetaObject::invokeMethod(m_monitor, &EdgeMonitor::disconnectFromBroker, Qt::BlockingQueuedConnection);
    m_monitorThread.quit();
    m_monitorThread.wait();
    if (m_demo) {
        QMetaObject::invokeMethod(m_demo, &EdgeDemo::stop, Qt::BlockingQueuedConnection);
        m_demoThread.quit();
        m_demoThread.wait();
    }
}

void EdgePanel::buildLayout()
{
    m_bar = new EdgeConnectionBar(this);
    connect(m_bar, &EdgeConnectionBar::connectRequested, this, &EdgePanel::connectFromBar);
    connect(m_bar, &EdgeConnectionBar::disconnectRequested, this, &EdgePanel::disconnectFromBroker);
    m_banner = new Banner(this);

    m_fleetModel = new FleetTableModel(this);
    m_fleetTable = new FleetTableView(m_fleetModel, this);
    // The event log's device filter learns of a device when the fleet table does, not every update.
    const auto offerDevices = [this]() {
        QStringList devices;
        for (const DeviceSnapshot &device : m_fleetModel->devices())
            devices << device.deviceId;
        m_events->addDevices(devices);
    };
    connect(m_fleetModel, &QAbstractItemModel::rowsInserted, this, offerDevices);
    connect(m_fleetModel, &QAbstractItemModel::modelReset, this, offerDevices);
    m_fleetStack = new QStackedWidget(this);
    m_fleetStack->addWidget(buildEmptyState());
    m_fleetStack->addWidget(m_fleetTable);

    m_alerts = new AlertList(this);

    m_charts = new FleetCharts(this);
    m_events = new EventLogPane(this);
    m_review = new ReviewPane(this);
    connect(m_review, &ReviewPane::statusMessage, this, &EdgePanel::statusMessage);
    m_s3 = new S3ImageChooser(m_worker, m_store, this);
    m_review->useS3Chooser(m_s3);
    connect(m_fleetTable, &FleetTableView::deviceChosen, m_review, &ReviewPane::followDevice);
    connect(m_review, &ReviewPane::labelGiven, this, [this](const ReviewItem &item) {
        m_worker.run<Done>([item](Workspace &workspace) { return ReviewLabelRepository(workspace).store(item); }, this,
                           [this](Status stored) {
                               if (!stored)
                                   m_banner->showMessage(Banner::Tone::Error,
                                                         stored.error().describe().toHtmlEscaped());
                           });
    });
    connect(m_fleetTable, &FleetTableView::reviewRequested, this, [this](const QString &device) {
        showTab(Tab::Review);
        m_review->reviewDevice(device);
    });
    m_malformed = new MalformedList(this);
    m_tabs = new QTabWidget(this);
    m_captions = new TabCaptions(m_tabs);
    m_tabs->addTab(m_events, tr("Event log"));
    m_tabs->addTab(m_alerts, tr("Alerts"));
    m_tabs->addTab(m_review, tr("Review queue"));
    m_tabs->addTab(m_malformed, tr("Malformed"));

    auto *split = new QSplitter(Qt::Vertical, this);
    m_split = split;
    // The three parts share the height by stretch alone: their size hints (a table's rows, a
    // chart's plot) would otherwise let the event log take most of it.
    const int stretches[] = {33, 40, 27};
    int index = 0;
    for (QWidget *part :
         {static_cast<QWidget *>(m_fleetStack), static_cast<QWidget *>(m_charts), static_cast<QWidget *>(m_tabs)}) {
        part->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Ignored);
        part->setMinimumHeight(120);
        split->addWidget(part);
        split->setStretchFactor(index, stretches[index]);
        ++index;
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(buildToolbar());
    layout->addWidget(m_banner);
    layout->addWidget(split, 1);
}

QWidget *EdgePanel::buildToolbar()
{
    auto *toolbar = new QWidget(this);
    m_record = new QPushButton(tr("● Record"), toolbar);
    m_record->setCheckable(true);
    m_record->setToolTip(tr("Record every message of this session to the workspace, for replay later"));
    connect(m_record, &QPushButton::toggled, this, &EdgePanel::toggleRecording);
    m_replay = new QPushButton(tr("Replay"), toolbar);
    m_replayMenu = new QMenu(m_replay);
    m_replay->setMenu(m_replayMenu);
    auto *rules = new QPushButton(tr("Alert rules…"), toolbar);
    connect(rules, &QPushButton::clicked, this, &EdgePanel::editRules);
    auto *clear = new QPushButton(tr("Clear"), toolbar);
    clear->setToolTip(tr("Forget the statistics, events and alerts so far (the connection stays)"));
    connect(clear, &QPushButton::clicked, this, [this]() {
        QMetaObject::invokeMethod(m_monitor, &EdgeMonitor::reset);
        m_events->clear();
        m_charts->clear();
        m_alerts->clearAlerts();
    });
    m_summary = new QLabel(toolbar);
    m_summary->setObjectName(QStringLiteral("edgeSummary"));
    auto *layout = new QHBoxLayout(toolbar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_record);
    layout->addWidget(m_replay);
    layout->addWidget(rules);
    layout->addWidget(clear);
    layout->addStretch(1);
    layout->addWidget(m_summary);
    rebuildReplayMenu({});
    return toolbar;
}

QWidget *EdgePanel::buildEmptyState()
{
    auto *empty = new QWidget(this);
    auto *text = new QLabel(tr("<h3>No devices yet</h3><p>Enter your broker above and press <b>Connect</b>; devices "
                               "appear as their first inspection arrives. For AWS IoT Core, use an mqtt profile "
                               "with your device certificate (Connections).</p><p>No broker at hand? Start a "
                               "simulated fleet on a local mosquitto.</p>"),
                            empty);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    auto *demo = new QPushButton(tr("Start demo fleet"), empty);
    demo->setObjectName(QStringLiteral("startDemo"));
    connect(demo, &QPushButton::clicked, this, &EdgePanel::startDemo);
    auto *layout = new QVBoxLayout(empty);
    layout->addStretch(1);
    layout->addWidget(text);
    layout->addWidget(demo, 0, Qt::AlignHCenter);
    layout->addStretch(1);
    return empty;
}

void EdgePanel::reload()
{
    m_s3->reload();
    QMetaObject::invokeMethod(m_monitor, "setWorkspacePath", Q_ARG(QString, m_worker.location()));
    m_worker.run<EdgeChoices>([](Workspace &workspace) { return EdgeChoices::load(workspace); }, this,
                              [this](Result<EdgeChoices> lists) {
                                  if (lists) {
                                      m_bar->setProfiles(lists.value().profiles, lists.value().unverifiedProfiles);
                                      rebuildReplayMenu(lists.value().recordings);
                                      m_review->restore(lists.value().labelled);
                                  } else {
                                      m_banner->showMessage(Banner::Tone::Error,
                                                            lists.error().describe().toHtmlEscaped());
                                  }
                                  // A screenshot of the demo waits until the fleet is live.
                                  if (m_demoState == DemoState::Starting || m_demoState == DemoState::WarmingUp)
                                      m_loadedPending = true;
                                  else
                                      emit loaded();
                              });
}

void EdgePanel::rebuildReplayMenu(const QStringList &recordings)
{
    m_replayMenu->clear();
    if (recordings.isEmpty()) {
        m_replayMenu->addAction(tr("No recordings yet: press Record while connected"))->setEnabled(false);
        return;
    }
    for (const QString &name : recordings) {
        QMenu *speeds = m_replayMenu->addMenu(name);
        for (const auto &[label, speed] :
             {std::pair{tr("At recorded pace (1×)"), 1.0}, std::pair{tr("10× faster"), 10.0},
              std::pair{tr("As fast as possible"), 0.0}})
            speeds->addAction(label, this, [this, name, speed = speed]() { replay(name, speed); });
    }
}

void EdgePanel::startDemo()
{
    if (m_demoState != DemoState::Off)
        return;
    m_demoState = DemoState::Starting;
    m_demo = new EdgeDemo;
    m_demo->moveToThread(&m_demoThread);
    connect(&m_demoThread, &QThread::finished, m_demo, &QObject::deleteLater);
    connect(m_demo, &EdgeDemo::started, this, [this](const QString &url) {
        m_bar->setBrokerUrl(url);
        Result<MqttSettings> settings = MqttSettings::fromUrl(url);
        connectToBroker(settings.value());
        m_demoState = DemoState::WarmingUp;
        m_banner->showMessage(Banner::Tone::Information,
                              tr("A simulated fleet of 8 devices publishes to a local mosquitto at %1: "
                                 "vqi-cell-01's model drifts and vqi-cell-08 fails after a few seconds.")
                                  .arg(url));
        QTimer::singleShot(demoWarmUpMs, this, &EdgePanel::demoWarmedUp);
    });
    connect(m_demo, &EdgeDemo::failed, this, [this](const QString &message) {
        m_banner->showMessage(Banner::Tone::Error,
                              tr("The demo fleet could not start: %1").arg(message.toHtmlEscaped()));
        demoWarmedUp();
        m_demoState = DemoState::Off;
    });
    m_demoThread.setObjectName(QStringLiteral("edge demo"));
    m_demoThread.start();
    QMetaObject::invokeMethod(m_demo, &EdgeDemo::start);
}

void EdgePanel::demoWarmedUp()
{
    m_demoState = DemoState::Live;
    if (m_loadedPending) {
        m_loadedPending = false;
        emit loaded();
    }
}

void EdgePanel::connectToBroker(const MqttSettings &settings)
{
    m_banner->hide();
    QMetaObject::invokeMethod(m_monitor, "connectTo", Q_ARG(MqttSettings, settings));
}

void EdgePanel::disconnectFromBroker()
{
    if (m_record->isChecked())
        m_record->setChecked(false);
    QMetaObject::invokeMethod(m_monitor, &EdgeMonitor::disconnectFromBroker);
}

void EdgePanel::connectFromBar()
{
    const QString url = m_bar->brokerUrl().isEmpty() ? QStringLiteral("mqtt://localhost:1883") : m_bar->brokerUrl();
    Result<MqttSettings> parsed = MqttSettings::fromUrl(url);
    if (!parsed) {
        m_banner->showMessage(Banner::Tone::Error, parsed.error().message.toHtmlEscaped());
        return;
    }
    MqttSettings settings = parsed.value();
    settings.topics = m_bar->topic().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString &topic : settings.topics)
        topic = topic.trimmed();
    settings.qos = m_bar->qos();
    const QString profile = m_bar->profile();
    if (profile.isEmpty()) {
        connectToBroker(settings);
        return;
    }
    const bool brokerGiven = !m_bar->brokerUrl().isEmpty();
    SelectionResolver::readProfile(
        profile, m_worker, m_store, this,
        [this, settings, brokerGiven](Result<std::pair<CredentialProfile, SecretMap>> read) {
            Result<MqttSettings> resolved = read
                ? settings.withProfile(read.value().first.settings, read.value().second, brokerGiven)
                : Result<MqttSettings>(read.error());
            if (!resolved)
                return m_banner->showMessage(Banner::Tone::Error, resolved.error().describe().toHtmlEscaped());
            const QString profileBroker = read.value().first.settings.value(QStringLiteral("broker_url")).toString();
            if (!brokerGiven && !profileBroker.isEmpty())
                m_bar->setBrokerUrl(profileBroker);
            connectToBroker(resolved.value());
        });
}

void EdgePanel::startRecording(const QString &name)
{
    const QSignalBlocker quiet(m_record);
    m_record->setChecked(true);
    QMetaObject::invokeMethod(m_monitor, "startRecording", Q_ARG(QString, name));
}

void EdgePanel::stopRecording()
{
    QMetaObject::invokeMethod(m_monitor, &EdgeMonitor::stopRecording);
}

void EdgePanel::toggleRecording(bool on)
{
    if (!on) {
        stopRecording();
        return;
    }
    bool accepted = false;
    const QString name = QInputDialog::getText(
        this, tr("Record session"), tr("Name of the recording:"), QLineEdit::Normal,
        QStringLiteral("session-") + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")),
        &accepted);
    if (!accepted || name.trimmed().isEmpty()) {
        const QSignalBlocker quiet(m_record);
        m_record->setChecked(false);
        return;
    }
    startRecording(name.trimmed());
}

void EdgePanel::replay(const QString &recording, double speed)
{
    disconnectFromBroker();
    QMetaObject::invokeMethod(m_monitor, &EdgeMonitor::reset);
    m_events->clear();
    m_charts->clear();
    auto *player = new RecordingReplay(m_worker.location(), recording, speed);
    player->moveToThread(&m_monitorThread);
    connect(player, &RecordingReplay::batchReady, m_monitor, &EdgeMonitor::ingest);
    connect(player, &RecordingReplay::progress, this, [this, recording](qint64 done, qint64 total) {
        m_summary->setToolTip(tr("Replaying \"%1\": %2 of %3").arg(recording).arg(done).arg(total));
    });
    connect(player, &RecordingReplay::finished, this, [this, recording](const QString &error) {
        if (error.isEmpty())
            emit statusMessage(tr("Replay of \"%1\" finished.").arg(recording));
        else
            m_banner->showMessage(Banner::Tone::Error, error.toHtmlEscaped());
    });
    connect(player, &RecordingReplay::finished, player, &QObject::deleteLater);
    QMetaObject::invokeMethod(player, &RecordingReplay::start);
    emit statusMessage(tr("Replaying \"%1\"…").arg(recording));
}

void EdgePanel::editRules()
{
    AlertRulesDialog dialog(m_rules, m_classes, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const InspectionParser::Classes classes = dialog.classes();
    if (classes.good.isEmpty() || classes.defective.isEmpty()) {
        m_banner->showMessage(Banner::Tone::Warning,
                              tr("Both class lists need at least one name; the classes were left as they were."));
    } else {
        setClasses(classes);
    }
    setRules(dialog.rules());
}

void EdgePanel::setRules(const AlertRules &rules)
{
    m_rules = rules;
    m_alerts->clearAlerts();
    QMetaObject::invokeMethod(m_monitor, "setRules", Q_ARG(AlertRules, m_rules));
}

void EdgePanel::setClasses(const InspectionParser::Classes &classes)
{
    m_classes = classes;
    m_events->setClasses(m_classes.good + m_classes.defective);
    QMetaObject::invokeMethod(m_monitor, "setClasses", Q_ARG(InspectionParser::Classes, m_classes));
}

void EdgePanel::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

int EdgePanel::alertRows() const
{
    return m_alerts->topLevelItemCount();
}

void EdgePanel::applyUpdate(const EdgeUpdate &update)
{
    ++m_updates;
    m_fleet = update.fleet;
    m_bar->showState(update.state, update.reconnects, update.lastError, update.gaps, update.offlineMs);
    if (update.state == MqttClient::State::Connected && update.lastError.isEmpty() && m_demoState == DemoState::Off)
        m_banner->hide();
    m_fleetModel->setDevices(update.fleet.devices, update.fleet.atMs);
    m_fleetStack->setCurrentIndex(update.fleet.devices.isEmpty() ? 0 : 1);
    m_charts->show(update.charts);
    m_events->append(update.events, update.eventNames, update.eventsLeftOut);
    m_review->append(update.reviewCandidates);
    m_alerts->apply(update.alertChanges);
    const qsizetype active = update.fleet.activeAlerts.size();
    m_captions->show(int(Tab::Alerts), active ? tr("Alerts (%1 active)").arg(active) : tr("Alerts"), true);
    m_malformed->showCounts(update.fleet);
    // The count moves on once a second in the caption; the page itself counts live.
    const qint64 malformed = update.fleet.malformed;
    m_captions->show(int(Tab::Malformed), malformed ? tr("Malformed (%1)").arg(malformed) : tr("Malformed"),
                     !malformed);
    QString summary = tr("%1 messages · %2 malformed · %3 devices · %4 active alerts")
                          .arg(update.fleet.messages)
                          .arg(malformed)
                          .arg(update.fleet.devices.size())
                          .arg(active);
    if (!update.recordingName.isEmpty())
        summary += QStringLiteral(" · ")
            + tr("recording \"%1\": %2").arg(update.recordingName).arg(update.recordedMessages);
    m_summary->setText(summary);
}
