#pragma once

#include "core/edge/alertrules.h"
#include "core/edge/edgeupdate.h"
#include "core/edge/inspectionparser.h"

#include <QThread>
#include <QWidget>

class AlertList;
class Banner;
class CredentialStore;
class EdgeConnectionBar;
class EdgeDemo;
class EdgeMonitor;
class EventLogPane;
class FleetCharts;
class FleetTableModel;
class FleetTableView;
class MalformedList;
class QLabel;
class QMenu;
class QSplitter;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class ReviewPane;
class S3ImageChooser;
class TabCaptions;
class WorkspaceWorker;

// Edge engineers watch their inspection fleet here: connection bar, fleet table with health
// colours, live charts, alerts, event log, review queue and malformed messages. An EdgeMonitor on
// its own thread does the MQTT work and the statistics; this panel only applies its updates, ten
// a second, so it stays responsive however fast the fleet publishes.
class EdgePanel : public QWidget
{
    Q_OBJECT

public:
    enum class Tab { Events, Alerts, Review, Malformed };

    EdgePanel(WorkspaceWorker &worker, CredentialStore &store, QWidget *parent = nullptr);
    ~EdgePanel() override;

    void reload();
    // Starts a local broker and a simulated fleet and connects to it (the --demo experience).
    void startDemo();
    void connectToBroker(const MqttSettings &settings);
    void disconnectFromBroker();
    // Records every message from now on to the workspace under `name` (recordingStopped() reports).
    void startRecording(const QString &name);
    void stopRecording();
    void replay(const QString &recording, double speed);
    void showTab(Tab tab);
    // The prediction values meaning good and defective (others are malformed: unknown_class).
    void setClasses(const InspectionParser::Classes &classes);
    // New rules start the statistics afresh (as the Alert rules dialog does).
    void setRules(const AlertRules &rules);

    FleetTableModel *fleetModel() const { return m_fleetModel; }
    FleetCharts *charts() const { return m_charts; }
    EventLogPane *eventLog() const { return m_events; }
    ReviewPane *reviewPane() const { return m_review; }
    const FleetSnapshot &fleet() const { return m_fleet; }
    int alertRows() const;
    qint64 updatesApplied() const { return m_updates; }

signals:
    void loaded();
    void recordingStopped(const QString &name, qint64 messages);
    void statusMessage(const QString &message);

private:
    void buildLayout();
    QWidget *buildToolbar();
    QWidget *buildEmptyState();
    void applyUpdate(const EdgeUpdate &update);
    void connectFromBar();
    void toggleRecording(bool on);
    void editRules();
    void rebuildReplayMenu(const QStringList &recordings);
    void demoWarmedUp();

    WorkspaceWorker &m_worker;
    CredentialStore &m_store;
    QThread m_monitorThread;
    EdgeMonitor *m_monitor; // lives on m_monitorThread
    QThread m_demoThread;
    EdgeDemo *m_demo = nullptr; // lives on m_demoThread
    AlertRules m_rules;
    InspectionParser::Classes m_classes;

    EdgeConnectionBar *m_bar;
    Banner *m_banner;
    QLabel *m_summary;
    QPushButton *m_record;
    QPushButton *m_replay;
    QMenu *m_replayMenu;
    QStackedWidget *m_fleetStack;
    FleetTableModel *m_fleetModel;
    FleetTableView *m_fleetTable;
    FleetCharts *m_charts;
    AlertList *m_alerts;
    QTabWidget *m_tabs;
    TabCaptions *m_captions;
    EventLogPane *m_events;
    ReviewPane *m_review;
    S3ImageChooser *m_s3;
    MalformedList *m_malformed;

    FleetSnapshot m_fleet;
    qint64 m_updates = 0;
    enum class DemoState { Off, Starting, WarmingUp, Live } m_demoState = DemoState::Off;
    bool m_loadedPending = false;
    QSplitter *m_split = nullptr;
};
