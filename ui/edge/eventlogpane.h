#pragma once

#include "core/edge/eventrecord.h"

#include <QWidget>

class EventFilterProxy;
class EventLogModel;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableView;

// The live event log: every inspection (the newest 50,000), filters by device, prediction and
// confidence, and a pause that holds new rows aside so a row can be read while the fleet streams.
class EventLogPane : public QWidget
{
    Q_OBJECT

public:
    explicit EventLogPane(QWidget *parent = nullptr);

    void append(const QList<EventRecord> &events, const EventNames &names, qint64 leftOut);
    void addDevices(const QStringList &devices);
    // The predictions the filter offers: the configured class names.
    void setClasses(const QStringList &classes);
    void setPaused(bool paused);
    void clear();
    EventLogModel *model() const { return m_model; }
    EventFilterProxy *proxy() const { return m_proxy; }
    // The filters the pane's controls set (device, prediction, confidence below).
    void setFilters(const QString &device, const QString &prediction, double confidenceBelow);

private:
    void applyFilters();
    void updateStatus();

    EventLogModel *m_model;
    EventFilterProxy *m_proxy;
    QTableView *m_table;
    QComboBox *m_device;
    QComboBox *m_prediction;
    QDoubleSpinBox *m_confidence;
    QPushButton *m_pause;
    QLabel *m_status;
    qint64 m_leftOut = 0;
    bool m_follow = true;
};
