#include "ui/edge/fleettablemodel.h"

#include "ui/theme.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

#include <cmath>

namespace {

// The Status column sorts descending (worst first); within one state, names should still read
// ascending, so they are compared with every character inverted.
QString invertedForDescending(const QString &name)
{
    QString inverted = name;
    for (QChar &character : inverted)
        character = QChar(char16_t(0xFFFF - character.unicode()));
    return inverted;
}

} // namespace

FleetTableModel::FleetTableModel(QObject *parent) : QAbstractTableModel(parent)
{ }

QString FleetTableModel::statusText(const DeviceSnapshot &device)
{
    switch (device.health) {
    case DeviceSnapshot::Health::Silent:
        return tr("Silent for %1 s").arg(qRound(double(device.silentForMs) / 1000.0)); // as Last seen rounds
    case DeviceSnapshot::Health::Warning:
        return tr("%n alert(s)", nullptr, device.activeAlerts);
    case DeviceSnapshot::Health::Drifting:
        return tr("Drifting %1").arg(QString::asprintf("%+.3f", device.confidenceDrift));
    case DeviceSnapshot::Health::Healthy:
        break;
    }
    return tr("Healthy");
}

QColor FleetTableModel::healthColor(DeviceSnapshot::Health health)
{
    switch (health) {
    case DeviceSnapshot::Health::Healthy:
        return Theme::color(Theme::Role::Good);
    case DeviceSnapshot::Health::Drifting:
    case DeviceSnapshot::Health::Warning:
        return Theme::color(Theme::Role::Warning);
    case DeviceSnapshot::Health::Silent:
        return Theme::color(Theme::Role::Bad);
    }
    return {};
}

void FleetTableModel::setDevices(const QList<DeviceSnapshot> &devices, qint64 nowMs)
{
    m_nowMs = nowMs;
    // Devices never leave a snapshot, so the new list is the old one with some inserted; each run
    // of new devices goes in with one insertion (a fleet's first update brings them all at once).
    int row = 0;
    for (qsizetype next = 0; next < devices.size();) {
        if (row < m_devices.size() && m_devices[row].deviceId == devices[next].deviceId) {
            m_devices[row++] = devices[next++];
            continue;
        }
        if (row < m_devices.size() && m_devices[row].deviceId < devices[next].deviceId) {
            beginResetModel(); // not the expected shape (a reset of the monitor): start over
            m_devices = devices;
            endResetModel();
            return;
        }
        qsizetype end = next + 1;
        while (end < devices.size() && (row >= m_devices.size() || devices[end].deviceId < m_devices[row].deviceId))
            ++end;
        beginInsertRows({}, row, row + int(end - next) - 1);
        m_devices.insert(row, end - next, DeviceSnapshot{});
        for (; next < end; ++next)
            m_devices[row++] = devices[next];
        endInsertRows();
    }
    if (row < m_devices.size()) {
        beginRemoveRows({}, row, int(m_devices.size()) - 1);
        m_devices.resize(row);
        endRemoveRows();
    }
    if (!m_devices.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_devices.size()) - 1, ColumnCount - 1));
}

int FleetTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_devices.size());
}

int FleetTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FleetTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_devices.size())
        return {};
    const DeviceSnapshot &device = m_devices[index.row()];
    // In the user's locale, as the charts beside the table: "31,6 %" in German.
    const QLocale locale;
    const auto percent
        = [&locale](double share) { return QStringLiteral("%1 %").arg(locale.toString(share * 100, 'f', 1)); };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Device:
            return device.deviceId;
        case Status:
            return statusText(device);
        case Messages:
            return device.messages;
        case Rate:
            return locale.toString(device.messagesPerSecond, 'f', 1);
        case DefectRate:
            return percent(device.defectRate);
        case WindowDefectRate:
            return percent(device.windowDefectRate);
        case Confidence:
            return locale.toString(device.windowMeanConfidence, 'f', 3);
        case Drift:
            // Under half a thousandth shows as "+0.000" or "-0.000": no drift worth a sign.
            return std::abs(device.confidenceDrift) < 0.0005 ? QStringLiteral("–")
                                                             : QString::asprintf("%+.3f", device.confidenceDrift);
        case LowConfidence:
            return percent(device.lowConfidenceRate());
        case LatencyMedian:
            return locale.toString(device.p50LatencyMs, 'f', 1);
        case Latency95:
            return locale.toString(device.p95LatencyMs, 'f', 1);
        case LastSeen: {
            const double seconds = double(m_nowMs - device.lastSeenMs) / 1000.0;
            return seconds < 1 ? tr("now") : tr("%1 s ago").arg(seconds, 0, 'f', 0);
        }
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Device:
            return device.deviceId;
        case Status:
            return QStringLiteral("%1%2 %3")
                .arg(int(device.health))
                .arg(device.activeAlerts, 3, 10, QLatin1Char('0'))
                .arg(invertedForDescending(device.deviceId));
        case Messages:
            return device.messages;
        case Rate:
            return device.messagesPerSecond;
        case DefectRate:
            return device.defectRate;
        case WindowDefectRate:
            return device.windowDefectRate;
        case Confidence:
            return device.windowMeanConfidence;
        case Drift:
            return device.confidenceDrift;
        case LowConfidence:
            return device.lowConfidenceRate();
        case LatencyMedian:
            return device.p50LatencyMs;
        case Latency95:
            return device.p95LatencyMs;
        case LastSeen:
            return -device.lastSeenMs;
        }
    }
    if (role == Qt::DecorationRole && index.column() == Status)
        return healthColor(device.health);
    if (role == Qt::ForegroundRole && index.column() == Status)
        return healthColor(device.health);
    // A silent device's figures are those of its last window: shown, but greyed.
    if (role == Qt::ForegroundRole && device.health == DeviceSnapshot::Health::Silent && index.column() != Device)
        return Theme::color(Theme::Role::Muted);
    if (role == Qt::TextAlignmentRole && index.column() >= Messages)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        return tr("%1\nLast seen %2\nBaseline confidence %3, drift %4\nWindow: %5 messages")
            .arg(device.deviceId, QDateTime::fromMSecsSinceEpoch(device.lastSeenMs).toString(Qt::ISODateWithMs))
            .arg(QLocale().toString(device.baselineConfidence, 'f', 3))
            .arg(QLocale().toString(device.confidenceDrift, 'f', 3))
            .arg(device.windowMessages);
    }
    return {};
}

QVariant FleetTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Device:
        return tr("Device");
    case Status:
        return tr("Status");
    case Messages:
        return tr("Messages");
    case Rate:
        return tr("Msg/s");
    case DefectRate:
        return tr("Defects");
    case WindowDefectRate:
        return tr("Defects (window)");
    case Confidence:
        return tr("Confidence");
    case Drift:
        return tr("Drift");
    case LowConfidence:
        return tr("Low conf.");
    case LatencyMedian:
        return tr("p50 ms");
    case Latency95:
        return tr("p95 ms");
    case LastSeen:
        return tr("Last seen");
    }
    return {};
}
