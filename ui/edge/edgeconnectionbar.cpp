#include "ui/edge/edgeconnectionbar.h"

#include "ui/common/profilemarks.h"
#include "ui/theme.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

EdgeConnectionBar::EdgeConnectionBar(QWidget *parent) : QWidget(parent)
{
    m_broker = new QLineEdit(this);
    m_broker->setObjectName(QStringLiteral("brokerUrl"));
    m_broker->setPlaceholderText(QStringLiteral("mqtt://localhost:1883"));
    m_broker->setToolTip(tr(
        "mqtt://HOST:PORT, or mqtts://HOST:PORT for TLS (AWS IoT Core: mqtts://…-ats.iot.REGION.amazonaws.com:8883)"));
    m_broker->setMinimumWidth(220);
    m_profile = new QComboBox(this);
    m_profile->setToolTip(
        tr("An mqtt profile from Connections: TLS files, user name, and secrets from the OS keyring"));
    m_topic = new QLineEdit(MqttSettings::defaultTopic(), this);
    m_topic->setToolTip(tr("Topic filter; + matches one level, # the rest. Separate several with commas."));
    m_topic->setMinimumWidth(230);
    m_qos = new QComboBox(this);
    m_qos->addItem(tr("QoS 0"), 0);
    m_qos->addItem(tr("QoS 1"), 1);
    m_connect = new QPushButton(tr("Connect"), this);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setDefault(true);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("connectionState"));
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setProfiles({});

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Broker"), this));
    layout->addWidget(m_broker, 2);
    layout->addWidget(m_profile);
    layout->addWidget(new QLabel(tr("Topic"), this));
    layout->addWidget(m_topic, 2);
    layout->addWidget(m_qos);
    layout->addWidget(m_connect);
    layout->addWidget(m_state, 1);

    connect(m_broker, &QLineEdit::returnPressed, m_connect, &QPushButton::click);
    connect(m_connect, &QPushButton::clicked, this, [this]() {
        if (m_active)
            emit disconnectRequested();
        else
            emit connectRequested();
    });
    showState(MqttClient::State::Stopped, 0, {});
}

QString EdgeConnectionBar::brokerUrl() const
{
    return m_broker->text().trimmed();
}

void EdgeConnectionBar::setBrokerUrl(const QString &url)
{
    m_broker->setText(url);
}

QString EdgeConnectionBar::topic() const
{
    return m_topic->text().trimmed();
}

int EdgeConnectionBar::qos() const
{
    return m_qos->currentData().toInt();
}

QString EdgeConnectionBar::profile() const
{
    return m_profile->currentData().toString();
}

void EdgeConnectionBar::setProfiles(const QStringList &profiles, const QSet<QString> &unverified)
{
    const QString current = profile();
    m_profile->clear();
    m_profile->addItem(tr("No profile"), QString());
    for (const QString &name : profiles)
        m_profile->addItem(name, name);
    m_profile->setCurrentIndex(std::max(0, m_profile->findData(current)));
    ProfileMarks::apply(m_profile, unverified);
}

void EdgeConnectionBar::showState(MqttClient::State state, int reconnects, const QString &lastError, int gaps,
                                  qint64 offlineMs)
{
    m_active = state != MqttClient::State::Stopped;
    m_connect->setText(m_active ? tr("Disconnect") : tr("Connect"));
    for (QWidget *field : {static_cast<QWidget *>(m_broker), static_cast<QWidget *>(m_profile),
                           static_cast<QWidget *>(m_topic), static_cast<QWidget *>(m_qos)})
        field->setEnabled(!m_active);
    const QString colour = state == MqttClient::State::Connected ? Theme::color(Theme::Role::Good).name()
        : state == MqttClient::State::Stopped                    ? Theme::color(Theme::Role::Muted).name()
                                                                 : Theme::color(Theme::Role::Warning).name();
    QString text = QStringLiteral("<span style=\"color:%1\">●</span> %2").arg(colour, MqttClient::stateLabel(state));
    if (reconnects > 0)
        text += QStringLiteral(" · ") + tr("%n reconnect(s)", nullptr, reconnects);
    // A gap in what was received: the statistics go on, but they miss what was published meanwhile.
    if (gaps > 0)
        text += QStringLiteral(" · <span style=\"color:%1\">%2</span>")
                    .arg(Theme::color(Theme::Role::Warning).name(),
                         tr("%n gap(s), %1 s offline", nullptr, gaps).arg(double(offlineMs) / 1000.0, 0, 'f', 1));
    m_state->setText(text);
    m_state->setToolTip(lastError);
}
