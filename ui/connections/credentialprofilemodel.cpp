#include "ui/connections/credentialprofilemodel.h"

#include "ui/common/profilemarks.h"
#include "ui/theme.h"

#include <QDateTime>
#include <QLocale>

CredentialProfileModel::CredentialProfileModel(QObject *parent) : QAbstractTableModel(parent)
{ }

void CredentialProfileModel::setProfiles(QList<CredentialProfile> profiles)
{
    beginResetModel();
    m_profiles = std::move(profiles);
    endResetModel();
}

const CredentialProfile *CredentialProfileModel::profileAt(int row) const
{
    return row >= 0 && row < m_profiles.size() ? &m_profiles[row] : nullptr;
}

int CredentialProfileModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_profiles.size());
}

int CredentialProfileModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CredentialProfileModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CredentialProfile &profile = m_profiles[index.row()];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            return profile.name;
        case KindColumn:
            return CredentialProfile::kindLabel(profile.kind);
        case SettingsColumn: {
            QStringList parts;
            if (!profile.verifiesTls())
                parts << tr("TLS NOT VERIFIED");
            for (auto it = profile.settings.constBegin(); it != profile.settings.constEnd(); ++it)
                if (it.key() != CredentialProfile::VerifyTlsField)
                    parts << CredentialProfile::fieldLabel(it.key()) + QStringLiteral(": ") + it.value().toString();
            return parts.isEmpty() ? tr("—") : parts.join(QStringLiteral(" · "));
        }
        case UpdatedColumn: {
            const QDateTime updated = QDateTime::fromString(profile.updatedAt, Qt::ISODate);
            return updated.isValid() ? QLocale().toString(updated.toLocalTime(), QLocale::ShortFormat)
                                     : profile.updatedAt;
        }
        default:
            return {};
        }
    }
    // A profile that does not verify TLS certificates is red wherever it shows.
    if (role == Qt::ForegroundRole && !profile.verifiesTls())
        return Theme::color(Theme::Role::Bad);
    if (role == Qt::ToolTipRole && !profile.verifiesTls())
        return ProfileMarks::warning();
    if (role == Qt::ToolTipRole && index.column() == NameColumn)
        return tr("Secrets of \"%1\" are in the OS keyring; the workspace keeps only its name and settings.")
            .arg(profile.name);
    return {};
}

QVariant CredentialProfileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case SettingsColumn:
        return tr("Settings");
    case UpdatedColumn:
        return tr("Updated");
    default:
        return {};
    }
}
