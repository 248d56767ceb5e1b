#pragma once

#include "core/edge/mqttclient.h"

#include <QSet>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

// The Edge panel's top row: broker URL, connection profile, topic filter, QoS, Connect/Disconnect,
// and the connection's state with its reconnect count.
class EdgeConnectionBar : public QWidget
{
    Q_OBJECT

public:
    explicit EdgeConnectionBar(QWidget *parent = nullptr);

    QString brokerUrl() const;
    void setBrokerUrl(const QString &url);
    QString topic() const;
    int qos() const;
    // The chosen mqtt profile, empty for none.
    QString profile() const;
    void setProfiles(const QStringList &profiles, const QSet<QString> &unverified = {});
    void showState(MqttClient::State state, int reconnects, const QString &lastError, int gaps = 0,
                   qint64 offlineMs = 0);

signals:
    void connectRequested();
    void disconnectRequested();

private:
    QLineEdit *m_broker;
    QComboBox *m_profile;
    QLineEdit *m_topic;
    QComboBox *m_qos;
    QPushButton *m_connect;
    QLabel *m_state;
    bool m_active = false;
};
