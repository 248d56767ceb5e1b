#pragma once

#include "core/secrets/credentialprofile.h"

#include <QAbstractTableModel>

// Connection profiles for the Connections table. Holds names and settings only, never secrets.
class CredentialProfileModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, KindColumn, SettingsColumn, UpdatedColumn, ColumnCount };

    explicit CredentialProfileModel(QObject *parent = nullptr);

    void setProfiles(QList<CredentialProfile> profiles);
    const CredentialProfile *profileAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<CredentialProfile> m_profiles;
};
