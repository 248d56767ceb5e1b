#include "ui/registry/modelversionmodel.h"

#include "ui/common/displaynames.h"
#include "ui/theme.h"

#include <QBrush>
#include <QDateTime>
#include <QLocale>

namespace {

QColor statusColour(ApprovalStatus status)
{
    switch (status) {
    case ApprovalStatus::Approved:
        return Theme::color(Theme::Role::Good);
    case ApprovalStatus::Rejected:
        return Theme::color(Theme::Role::Bad);
    case ApprovalStatus::PendingManualApproval:
        return Theme::color(Theme::Role::Warning);
    }
    return {};
}

} // namespace

void ModelVersionModel::setVersions(const QList<ModelVersion> &versions)
{
    beginResetModel();
    m_versions = versions;
    endResetModel();
}

const ModelVersion *ModelVersionModel::versionAt(int row) const
{
    return row >= 0 && row < m_versions.size() ? &m_versions[row] : nullptr;
}

int ModelVersionModel::rowOf(const QString &group, int version) const
{
    for (int row = 0; row < m_versions.size(); ++row)
        if (m_versions[row].group == group && m_versions[row].version == version)
            return row;
    return -1;
}

int ModelVersionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_versions.size());
}

int ModelVersionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelVersionModel::data(const QModelIndex &index, int role) const
{
    const ModelVersion *version = index.isValid() ? versionAt(index.row()) : nullptr;
    if (!version)
        return {};
    if (role == Qt::ForegroundRole && index.column() == StatusColumn)
        return QBrush(statusColour(version->status));
    if (role == Qt::TextAlignmentRole && index.column() == VersionColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == AgeColumn)
        return version->createdAt;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case GroupColumn:
        return version->group;
    case VersionColumn:
        return version->version;
    case StatusColumn:
        return DisplayNames::approval(version->status);
    case StageColumn:
        return DisplayNames::stage(version->stage);
    case MetricsColumn:
        return keyMetrics(*version);
    case RegistrantColumn:
        return version->registrant;
    case AgeColumn:
        return age(version->createdAt, QDateTime::currentDateTimeUtc());
    default:
        return {};
    }
}

QVariant ModelVersionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case GroupColumn:
        return tr("Group");
    case VersionColumn:
        return tr("Version");
    case StatusColumn:
        return tr("Status");
    case StageColumn:
        return tr("Stage");
    case MetricsColumn:
        return tr("Key metrics");
    case RegistrantColumn:
        return tr("Registrant");
    case AgeColumn:
        return tr("Age");
    default:
        return {};
    }
}

QString ModelVersionModel::age(const QString &createdAt, const QDateTime &now)
{
    const QDateTime created = QDateTime::fromString(createdAt, Qt::ISODate);
    if (!created.isValid())
        return createdAt;
    const qint64 days = created.daysTo(now);
    if (days >= 1)
        return tr("%n day(s)", nullptr, int(days));
    const qint64 hours = created.secsTo(now) / 3600;
    return hours >= 1 ? tr("%n hour(s)", nullptr, int(hours)) : tr("just now");
}

QString ModelVersionModel::keyMetrics(const ModelVersion &version)
{
    const QLocale locale;
    QStringList parts;
    for (auto it = version.metrics.cbegin(); it != version.metrics.cend() && parts.size() < 3; ++it)
        parts << QStringLiteral("%1 %2").arg(it.key(), locale.toString(it.value(), 'g', 3));
    return parts.join(QStringLiteral(" · "));
}
